/**
 * Routing behaviour, run against every storage adapter. Each test gets an empty store.
 */
import type { AgentId, ClientMessageId, ConversationId, SiteId } from '@counter/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import type { Store } from '../../src/store/store.js';
import type { DomainConfig } from '../../src/domain/services.js';
import { createDomain, ManualClock, SHOP, type Domain } from './harness.js';

export function routingSuite(label: string, freshStore: () => Promise<Store>) {
  describe(`routing on ${label}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    async function setup(config?: Partial<DomainConfig>): Promise<Domain> {
      const store = await freshStore();
      opened.push(store);
      return createDomain(store, { config });
    }
    const assignedTo = (d: Domain, agentId: AgentId) =>
      d.events.ofType('conversation.assigned').filter((e) => e.conversation.agentId === agentId);

    it('gives a new conversation to the online agent with the lowest load', async () => {
      const d = await setup();
      const busy = await d.agent({ name: 'Busy' });
      const held = [await d.ask(await d.shopper()), await d.ask(await d.shopper())];
      expect(held.map((c) => c.agentId)).toEqual([busy._id, busy._id]);
      const idle = await d.agent({ name: 'Idle' });
      const c = await d.ask(await d.shopper());
      expect(c).toMatchObject({ status: 'assigned', agentId: idle._id, agentName: 'Idle' });
      const next = await d.ask(await d.shopper());
      // Now 2 vs 1: still the lighter one.
      expect(next.agentId).toBe(idle._id);
      expect((await d.store.assignments.loads([busy._id, idle._id])).get(idle._id)).toBe(2);
    });

    it('breaks ties in favour of the agent who waited longest since an assignment', async () => {
      const d = await setup();
      const first = await d.agent({ name: 'First' });
      d.clock.advance(1000);
      const second = await d.agent({ name: 'Second' });
      const a = await d.ask(await d.shopper());
      d.clock.advance(1000);
      const b = await d.ask(await d.shopper());
      // Both start at load 0: whoever got the first one is at load 1, so the second goes to the other.
      expect(new Set([a.agentId, b.agentId])).toEqual(new Set([first._id, second._id]));
      await d.services.router.resolve(d.actor(a.agentId!), a._id);
      await d.services.router.resolve(d.actor(b.agentId!), b._id);
      d.clock.advance(1000);
      // Both at load 0 again: the one assigned earlier (a's agent) has waited longer.
      const c = await d.ask(await d.shopper());
      expect(c.agentId).toBe(a.agentId);
    });

    it('never routes to away, offline or disconnected agents', async () => {
      const d = await setup();
      await d.agent({ status: 'away' });
      await d.agent({ status: 'offline' });
      await d.agent({ status: 'online', connected: false });
      const c = await d.ask(await d.shopper());
      expect(c.status).toBe('waiting');
      expect(c.queuedAt).not.toBeNull();
      expect(d.events.ofType('conversation.assigned')).toHaveLength(0);
    });

    it('queues in arrival order with positions and estimated waits, VIPs first', async () => {
      const d = await setup();
      const agent = await d.agent({ capacity: 1 });
      const held = await d.ask(await d.shopper());
      expect(held.agentId).toBe(agent._id);
      const q1 = await d.ask(await d.shopper());
      d.clock.advance(10);
      const q2 = await d.ask(await d.shopper());
      d.clock.advance(10);
      const vip = await d.ask(await d.shopper({ vip: true }));
      const snapshot = await d.services.router.queueSnapshot();
      expect(snapshot.positions.map((p) => p.conversationId)).toEqual([vip._id, q1._id, q2._id]);
      expect(snapshot.positions.map((p) => p.position)).toEqual([1, 2, 3]);
      expect(snapshot.total).toBe(3);
      expect(snapshot.items[0]).toMatchObject({ conversationId: vip._id, priority: 1, position: 1 });
      const etas = snapshot.positions.map((p) => p.etaSeconds!);
      expect(etas.every((e) => e > 0)).toBe(true);
      expect(etas[1]!).toBeGreaterThan(etas[0]!);
      expect(etas[2]!).toBeGreaterThan(etas[1]!);
      expect(d.events.ofType('queue.changed').length).toBeGreaterThan(0);

      // Nobody online: no estimate rather than a false one.
      await d.services.agents.setStatus(agent, 'away');
      expect((await d.services.router.queueSnapshot()).positions.every((p) => p.etaSeconds === null)).toBe(true);
    });

    it('assigns the head of the queue as soon as capacity frees or an agent comes online', async () => {
      const d = await setup();
      const ann = await d.agent({ name: 'Ann', capacity: 1 });
      const held = await d.ask(await d.shopper());
      d.clock.advance(1000);
      const waiting = await d.ask(await d.shopper());
      d.clock.advance(1000);
      const later = await d.ask(await d.shopper());
      expect(waiting.status).toBe('waiting');

      await d.services.router.resolve(d.actor(ann._id), held._id);
      await d.services.router.drain();
      expect((await d.conversation(waiting._id)).agentId).toBe(ann._id);
      expect((await d.conversation(later._id)).status).toBe('waiting');

      const bob = await d.agent({ name: 'Bob', capacity: 1, status: 'away' });
      expect((await d.conversation(later._id)).status).toBe('waiting');
      await d.services.agents.setStatus(bob, 'online');
      expect((await d.conversation(later._id)).agentId).toBe(bob._id);
      expect(assignedTo(d, bob._id).map((e) => e.conversation._id)).toEqual([later._id]);
    });

    it('reassigns a conversation the agent left unanswered, and both agents hear of it', async () => {
      const d = await setup({ reassignAfterMs: 60_000 });
      const slow = await d.agent({ name: 'Slow' });
      const c = await d.ask(await d.shopper());
      expect(c.agentId).toBe(slow._id);
      const quick = await d.agent({ name: 'Quick' });
      d.clock.advance(59_000);
      await d.services.router.sweep();
      expect((await d.conversation(c._id)).agentId).toBe(slow._id);
      d.clock.advance(2_000);
      await d.services.router.sweep();
      expect((await d.conversation(c._id)).agentId).toBe(quick._id);
      expect(d.events.ofType('conversation.unassigned')).toMatchObject([
        { agentId: slow._id, reason: 'reassigned', conversation: { _id: c._id } },
      ]);
      expect(assignedTo(d, quick._id).map((e) => e.conversation._id)).toEqual([c._id]);
      const ledger = await d.store.assignments.byConversation(c._id);
      expect(ledger?.agentId).toBe(quick._id);
    });

    it('leaves an unanswered conversation where it is when nobody else could take it', async () => {
      const d = await setup({ reassignAfterMs: 60_000 });
      const only = await d.agent();
      const c = await d.ask(await d.shopper());
      d.clock.advance(120_000);
      await d.services.router.sweep();
      expect((await d.conversation(c._id)).agentId).toBe(only._id);
    });

    it('does not reassign a conversation the agent answered', async () => {
      const d = await setup({ reassignAfterMs: 60_000 });
      const agent = await d.agent();
      const c = await d.ask(await d.shopper());
      await d.agent();
      await d.services.conversations.sendAsAgent(agent, {
        conversationId: c._id,
        clientId: crypto.randomUUID() as ClientMessageId,
        text: 'Hi, let me check.',
        internal: false,
      });
      d.clock.advance(120_000);
      await d.services.router.sweep();
      expect((await d.conversation(c._id)).agentId).toBe(agent._id);
    });

    it("moves a disconnected agent's conversations after the grace period", async () => {
      const d = await setup({ agentGraceMs: 30_000, reassignAfterMs: 0 });
      const leaving = await d.agent({ name: 'Leaving', capacity: 2 });
      const c1 = await d.ask(await d.shopper());
      const c2 = await d.ask(await d.shopper());
      const staying = await d.agent({ name: 'Staying', capacity: 1 });
      await d.disconnect(leaving._id);
      expect((await d.store.presence.connected([leaving._id])).size).toBe(0);
      d.clock.advance(29_000);
      await d.services.router.sweep();
      expect((await d.conversation(c1._id)).agentId).toBe(leaving._id);
      d.clock.advance(2_000);
      await d.services.router.sweep();
      const after = [await d.conversation(c1._id), await d.conversation(c2._id)];
      // Staying had room for one; the other waits at the head of the queue.
      expect(after.filter((c) => c.agentId === staying._id)).toHaveLength(1);
      const queued = after.find((c) => c.status === 'waiting')!;
      expect(queued.queuedAt).toBe(queued.requestedAt);
      expect((await d.services.router.queueSnapshot()).positions[0]?.conversationId).toBe(queued._id);
      expect(d.events.ofType('conversation.unassigned').map((e) => e.agentId)).toEqual([leaving._id, leaving._id]);
    });

    it("routes a conversation only to staff of its site, and a site nobody serves does not hold up another's queue", async () => {
      const d = await setup();
      const other = (await d.services.sites.create({ name: 'Other', allowedOrigins: [SHOP], greeting: {}, businessHours: null, defaultLocale: 'en' })).id as SiteId;
      const otherAgent = await d.agent({ name: 'Olga', siteIds: [other] });
      // More than a routing batch of this site's shoppers wait first; nobody serves this site.
      const unserved = [];
      for (let i = 0; i < 55; i++) unserved.push(await d.ask(await d.shopper()));
      const served = await d.ask(await d.shopper({ siteId: other }));
      expect(served.agentId).toBe(otherAgent._id);
      for (const c of unserved) expect((await d.conversation(c._id)).status).toBe('waiting');
      // Only staff of that site see its queue.
      const snapshot = await d.services.router.queueSnapshot();
      expect(snapshot.items.every((item) => item.siteId === d.siteId)).toBe(true);
      expect((await d.services.router.availability(await d.services.sites.get(other))).agentsOnline).toBe(1);
      expect((await d.services.router.availability(await d.services.sites.get(d.siteId))).agentsOnline).toBe(0);
    });

    it('lets an agent take from the queue within capacity only', async () => {
      const d = await setup();
      const agent = await d.agent({ capacity: 1, status: 'away' });
      const a = await d.ask(await d.shopper());
      const b = await d.ask(await d.shopper());
      expect((await d.services.router.take(d.actor(agent._id), a._id)).agentId).toBe(agent._id);
      await expect(d.services.router.take(d.actor(agent._id), b._id)).rejects.toMatchObject({ code: 'capacity_reached' });
      const other = await d.agent({ status: 'away' });
      await expect(d.services.router.take(d.actor(other._id), a._id)).rejects.toBeInstanceOf(AppError);
      expect((await d.conversation(a._id)).agentId).toBe(agent._id);
    });

    it('transfers to an agent with capacity, refuses a full one, and sends back to the queue', async () => {
      const d = await setup();
      const ann = await d.agent({ name: 'Ann', capacity: 2 });
      const c = await d.ask(await d.shopper());
      expect(c.agentId).toBe(ann._id);
      const full = await d.agent({ name: 'Full', capacity: 0 });
      await expect(
        d.services.router.transfer(d.actor(ann._id), c._id, full._id, async () => {}),
      ).rejects.toMatchObject({ code: 'agent_unavailable' });
      const bob = await d.agent({ name: 'Bob', capacity: 1 });
      const moved = await d.services.router.transfer(d.actor(ann._id), c._id, bob._id, async () => {});
      expect(moved.agentId).toBe(bob._id);
      expect(d.events.ofType('conversation.unassigned')).toMatchObject([{ agentId: ann._id, reason: 'transferred' }]);
      expect(assignedTo(d, bob._id)[0]).toMatchObject({ reason: 'transferred', previousAgentId: ann._id });
      // Ann may no longer act on it.
      await expect(d.services.router.resolve(d.actor(ann._id), c._id)).rejects.toMatchObject({
        code: 'forbidden',
      });
      // Bob sends it back to the queue: it must not come straight back to him.
      const back = await d.services.router.transfer(d.actor(bob._id), c._id, null, async () => {});
      await d.services.router.drain();
      const now = await d.conversation(back._id);
      expect(now.agentId).toBe(ann._id);
    });

    it('holds 50 conversations arriving at once against 5 agents of capacity 3, on 3 nodes', async () => {
      const store = await freshStore();
      opened.push(store);
      const clock = new ManualClock();
      const nodes = [await createDomain(store, { clock })];
      for (let i = 0; i < 2; i++) nodes.push(await createDomain(store, { clock, siteId: nodes[0]!.siteId }));
      const agents = [];
      for (let i = 0; i < 5; i++) agents.push(await nodes[0]!.agent({ capacity: 3 }));
      const shoppers = await Promise.all(Array.from({ length: 50 }, () => nodes[0]!.shopper()));
      const conversations = await Promise.all(shoppers.map((s) => nodes[0]!.services.conversations.start(s)));

      // Every node routes every conversation at the same time, as if each arrived everywhere.
      await Promise.all(
        conversations.flatMap((c) => nodes.map((n) => n.services.router.request(c, 0))),
      );
      for (const n of nodes) await n.services.router.drain();

      // The invariants, straight from the ledger: nobody over capacity, nothing assigned twice.
      const loads = await store.assignments.loads(agents.map((a) => a._id));
      for (const a of agents) expect(loads.get(a._id)).toBe(3);
      const ledger = await store.assignments.byConversations(conversations.map((c) => c._id as ConversationId));
      expect(ledger).toHaveLength(15);
      const assignedEvents = nodes.flatMap((n) => n.events.ofType('conversation.assigned'));
      expect(new Set(assignedEvents.map((e) => e.conversation._id))).toEqual(new Set(ledger.map((l) => l._id)));
      for (const e of assignedEvents) {
        expect(e.conversation.agentId).toBe(ledger.find((l) => l._id === e.conversation._id)?.agentId);
      }
      // Conversation documents follow the ledger. On a store without atomic updates (FerretDB
      // v1), a node's write can be overwritten by another's; the routing pass repairs such
      // documents once the claim is older than a few seconds.
      clock.advance(11_000);
      for (const n of nodes) await n.services.router.sweep();
      for (const entry of ledger) {
        const doc = await store.conversations.byId(entry._id);
        expect(doc).toMatchObject({ status: 'assigned', agentId: entry.agentId });
      }
      expect((await nodes[0]!.services.router.queueSnapshot()).total).toBe(35);
      for (const n of nodes) expect(n.errors).toEqual([]);
    });
  });
}
