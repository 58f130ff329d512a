/**
 * Escalation is team-aware (issue 14, items 1 and 4), against every storage adapter, with the
 * manual clock: a conversation about to miss its target is moved or offered to free agents of
 * its own team (with the rule's skills and the shopper's language) before anyone else of the
 * site, and to the site only when nobody of the team is free.
 */
import type { AgentId, EscalationAction, RoutingSettings } from '@counter/shared';
import { DEFAULT_TARGETS } from '@counter/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentDoc, ConversationDoc } from '../../src/store/documents.js';
import type { Store } from '../../src/store/store.js';
import { createDomain, type Domain } from './harness.js';

/** The standard first-response target is 180 s, escalating at 80 %. */
const ESCALATES_AT_MS = 144_000;

export function escalationTeamsSuite(label: string, freshStore: () => Promise<Store>) {
  describe(`team-aware escalation on ${label}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    /**
     * Slow (after-sales) holds a Returns question; Mate (after-sales, refunds) holds one other
     * conversation; Outsider (no team) holds none: the least-loaded free agent of the site is
     * the outsider, of the team it is Mate.
     */
    async function scene(action: EscalationAction, mateCapacity = 3) {
      const store = await freshStore();
      opened.push(store);
      const d = await createDomain(store, { config: { reassignAfterMs: 0 } });
      await d.store.sites.update(d.siteId, { targets: { ...DEFAULT_TARGETS, escalation: { action, atPercent: 80 } } });
      const slow = await d.agent({ name: 'Slow' });
      const visitor = await d.shopper();
      const started = await d.services.conversations.start(visitor);
      await d.store.conversations.setTopic(started._id, 'Returns', d.clock.now());
      const returns = await d.ask(visitor);
      expect(returns.agentId).toBe(slow._id);
      // Later, so that it is not escalated in the same sweep.
      d.clock.advance(100_000);
      const mate = await d.agent({ name: 'Mate', capacity: mateCapacity });
      const other = await d.ask(await d.shopper());
      expect(other.agentId).toBe(mate._id);
      const outsider = await d.agent({ name: 'Outsider' });
      await configure(d, {
        teams: [{ id: 'after-sales', name: 'After-sales', members: [slow._id, mate._id], capacity: null }],
        agents: [{ agentId: mate._id, skills: ['refunds'], languages: [] }],
        topics: ['Returns'],
        rules: [{ topic: 'Returns', language: null, tier: null, teamId: 'after-sales', skills: ['refunds'], waitSeconds: 60 }],
      });
      d.clock.advance(ESCALATES_AT_MS - 100_000);
      return { d, slow, mate, outsider, returns };
    }

    it('move: goes to a free agent of its team, though an outsider is less loaded', async () => {
      const { d, slow, mate, returns } = await scene('move');
      await d.services.router.sweep();
      expect(await d.conversation(returns._id)).toMatchObject({ status: 'assigned', agentId: mate._id });
      expect(d.events.ofType('target.escalated')).toMatchObject([{ escalation: { conversationId: returns._id, action: 'move', movedTo: mate._id } }]);
      expect(d.events.ofType('conversation.unassigned')).toMatchObject([{ agentId: slow._id, reason: 'reassigned' }]);
      expect(d.errors).toEqual([]);
    });

    it('move: to the site when nobody of its team is free', async () => {
      const { d, outsider, returns } = await scene('move', 1);
      await d.services.router.sweep();
      expect(await d.conversation(returns._id)).toMatchObject({ status: 'assigned', agentId: outsider._id });
    });

    it('offer: offered to the free agents of its team only', async () => {
      const { d, mate, returns } = await scene('offer');
      await d.services.router.sweep();
      expect(d.events.ofType('target.offered').map((e) => [e.escalation.conversationId, e.to])).toEqual([[returns._id, [mate._id]]]);
      const taken: ConversationDoc = await d.services.router.acceptOffer(d.actor(mate._id), returns._id);
      expect(taken.agentId).toBe(mate._id);
    });

    it('a site without routing settings still offers it to every free agent of the site', async () => {
      const store = await freshStore();
      opened.push(store);
      const d = await createDomain(store, { config: { reassignAfterMs: 0 } });
      await d.store.sites.update(d.siteId, { targets: { ...DEFAULT_TARGETS, escalation: { action: 'offer', atPercent: 80 } } });
      await d.agent({ name: 'Slow' });
      const c = await d.ask(await d.shopper());
      const free: AgentDoc[] = [await d.agent({ name: 'One' }), await d.agent({ name: 'Two' })];
      d.clock.advance(ESCALATES_AT_MS);
      await d.services.router.sweep();
      expect(d.events.ofType('target.offered')).toHaveLength(1);
      expect(new Set(d.events.ofType('target.offered')[0]!.to)).toEqual(new Set(free.map((a) => a._id)));
      expect(c.status).toBe('assigned');
    });
  });
}

async function configure(d: Domain, settings: Partial<RoutingSettings>): Promise<void> {
  const full: RoutingSettings = { teams: [], agents: [], topics: [], rules: [], vipTeamId: null, lastAgentDays: 3, ...settings };
  await d.services.routing.save({ agentId: 'owner' as AgentId, role: 'owner', siteIds: [] }, d.siteId, full);
}
