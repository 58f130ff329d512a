/**
 * Response targets over time (issue 14, item 4), against every storage adapter, with the
 * manual clock: each escalation rule, breaches recorded once, and two nodes sweeping the
 * same store never escalating or recording twice.
 */
import type { AgentId, EscalationAction, ResponseTargets, SiteId } from '@counter/shared';
import { DEFAULT_TARGETS } from '@counter/shared';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { createDomain, ManualClock, type Domain } from './harness.js';

const withAction = (action: EscalationAction): ResponseTargets => ({ ...DEFAULT_TARGETS, escalation: { action, atPercent: 80 } });

export function responseTargetsSuite(label: string, freshStore: () => Promise<Store>) {
  describe(`response targets on ${label}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    async function setup(action: EscalationAction = 'notify'): Promise<Domain> {
      const store = await freshStore();
      opened.push(store);
      const d = await createDomain(store, { config: { reassignAfterMs: 0 } });
      await store.sites.update(d.siteId, { targets: withAction(action) });
      return d;
    }
    async function supervisor(d: Domain): Promise<AgentId> {
      const created = await d.services.agents.create({
        email: `${randomUUID()}@example.com`,
        name: 'Sue',
        role: 'supervisor',
        siteIds: [d.siteId],
        capacity: 3,
        password: 'a-long-password',
      });
      return created.id;
    }

    it('notifies the site supervisors at 80 % of the first-response target, once', async () => {
      const d = await setup('notify');
      const sue = await supervisor(d);
      const c = await d.ask(await d.shopper());
      expect(c.status).toBe('waiting');
      d.clock.advance(143_000);
      await d.services.router.sweep();
      expect(d.events.ofType('target.escalated')).toHaveLength(0);
      d.clock.advance(1_000);
      await d.services.router.sweep();
      await d.services.router.sweep();
      const escalated = d.events.ofType('target.escalated');
      expect(escalated).toHaveLength(1);
      expect(escalated[0]).toMatchObject({ escalation: { conversationId: c._id, kind: 'first', tier: 'standard', action: 'notify' } });
      expect(escalated[0]!.to).toContain(sue);
      expect(d.errors).toEqual([]);
    });

    it('records a missed target once, with its kind, tier, target, actual wait and holder', async () => {
      const d = await setup();
      const c = await d.ask(await d.shopper({ vip: true }));
      d.clock.advance(29_000);
      await d.services.router.sweep();
      expect(await d.store.targets.breaches({ siteIds: [d.siteId], limit: 10 })).toEqual([]);
      d.clock.advance(2_000);
      await d.services.router.sweep();
      d.clock.advance(5_000);
      await d.services.router.sweep();
      const breaches = await d.store.targets.breaches({ siteIds: [d.siteId], limit: 10 });
      expect(breaches).toHaveLength(1);
      expect(breaches[0]).toMatchObject({
        conversationId: c._id,
        kind: 'first',
        tier: 'vip',
        targetMs: 30_000,
        actualMs: 31_000,
        at: c.awaitingReplySince! + 30_000,
        agentId: null,
      });
      // Queryable by site and time for the reports.
      expect(await d.store.targets.breaches({ siteIds: [d.siteId], from: breaches[0]!.at + 1, limit: 10 })).toEqual([]);
      expect(await d.store.targets.breaches({ siteIds: ['other-site-1' as SiteId], limit: 10 })).toEqual([]);
    });

    it('an answered conversation owes nothing; the next message starts a next-response wait', async () => {
      const d = await setup();
      const agent = await d.agent();
      const c = await d.ask(await d.shopper());
      expect(c.agentId).toBe(agent._id);
      d.clock.advance(10_000);
      await d.services.conversations.sendAsAgent(agent, { conversationId: c._id, clientId: randomUUID() as never, text: 'Hi', internal: false });
      d.clock.advance(400_000);
      await d.services.router.sweep();
      expect(await d.store.targets.breaches({ siteIds: [d.siteId], limit: 10 })).toEqual([]);
      const visitor = (await d.store.visitors.byId(c.visitorId))!;
      await d.ask(visitor, 'Still there?');
      d.clock.advance(300_000);
      await d.services.router.sweep();
      const breaches = await d.store.targets.breaches({ siteIds: [d.siteId], limit: 10 });
      expect(breaches.map((b) => [b.kind, b.agentId])).toEqual([['next', agent._id]]);
    });

    it('move: a conversation its agent has not answered goes to the least-loaded free agent', async () => {
      const d = await setup('move');
      const slow = await d.agent({ name: 'Slow' });
      const c = await d.ask(await d.shopper());
      expect(c.agentId).toBe(slow._id);
      const free = await d.agent({ name: 'Free' });
      d.clock.advance(144_000);
      await d.services.router.sweep();
      const moved = await d.conversation(c._id);
      expect(moved).toMatchObject({ status: 'assigned', agentId: free._id });
      expect(d.events.ofType('target.escalated')[0]).toMatchObject({ escalation: { action: 'move', movedTo: free._id } });
      expect(d.events.ofType('conversation.unassigned')).toMatchObject([{ agentId: slow._id, reason: 'reassigned' }]);
      expect((await d.store.assignments.loads([slow._id])).get(slow._id) ?? 0).toBe(0);
    });

    it('move with nobody free leaves it where it is and still tells the supervisors', async () => {
      const d = await setup('move');
      const only = await d.agent();
      const c = await d.ask(await d.shopper());
      d.clock.advance(144_000);
      await d.services.router.sweep();
      expect((await d.conversation(c._id)).agentId).toBe(only._id);
      expect(d.events.ofType('target.escalated')[0]).toMatchObject({ escalation: { action: 'move', movedTo: null } });
    });

    it('offer: free agents of the site are offered it; the first to accept has it, the second is refused', async () => {
      const d = await setup('offer');
      const slow = await d.agent({ name: 'Slow' });
      const c = await d.ask(await d.shopper());
      const [one, two] = [await d.agent({ name: 'One' }), await d.agent({ name: 'Two' })];
      await expect(d.services.router.acceptOffer(d.actor(one._id), c._id)).rejects.toMatchObject({ code: 'conflict' });
      d.clock.advance(144_000);
      await d.services.router.sweep();
      const offered = d.events.ofType('target.offered');
      expect(offered).toHaveLength(1);
      expect(new Set(offered[0]!.to)).toEqual(new Set([one._id, two._id]));
      const results = await Promise.allSettled([
        d.services.router.acceptOffer(d.actor(one._id), c._id),
        d.services.router.acceptOffer(d.actor(two._id), c._id),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const now = await d.conversation(c._id);
      expect([one._id, two._id]).toContain(now.agentId);
      const loads = await d.store.assignments.loads([slow._id, one._id, two._id]);
      expect([...loads.values()].reduce((a, b) => a + b, 0)).toBe(1);
    });

    it('two nodes sweeping the same store escalate and record each wait once', async () => {
      const store = await freshStore();
      opened.push(store);
      const clock = new ManualClock();
      const a = await createDomain(store, { clock, config: { reassignAfterMs: 0 } });
      const b = await createDomain(store, { clock, siteId: a.siteId, config: { reassignAfterMs: 0 } });
      await supervisor(a);
      const cs = await Promise.all(Array.from({ length: 5 }, async () => a.ask(await a.shopper())));
      clock.advance(200_000);
      await Promise.all([a.services.router.sweep(), b.services.router.sweep(), a.services.router.sweep(), b.services.router.sweep()]);
      const escalated = [...a.events.ofType('target.escalated'), ...b.events.ofType('target.escalated')];
      expect(escalated.map((e) => e.escalation.conversationId).sort()).toEqual(cs.map((c) => c._id).sort());
      expect(await store.targets.breaches({ siteIds: [a.siteId], limit: 50 })).toHaveLength(5);
    });
  });
}
