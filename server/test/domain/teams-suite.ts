/**
 * Routing to the right person (issue 14) against every storage adapter, with the manual
 * clock: languages, the returning shopper's last agent, the VIP desk, topic rules with
 * skills, widening after the rule's wait (said in the history), and the queue's aging order.
 */
import type { AgentId, ConversationId, RoutingSettings } from '@counter/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { queueOrder } from '../../src/domain/routing/queue-order.js';
import type { Store } from '../../src/store/store.js';
import { createDomain, ManualClock, type Domain } from './harness.js';

const MINUTE = 60_000;

export function teamsSuite(label: string, freshStore: () => Promise<Store>) {
  describe(`teams, skills and languages on ${label}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    async function setup(): Promise<Domain> {
      const store = await freshStore();
      opened.push(store);
      return createDomain(store);
    }
    async function configure(d: Domain, settings: Partial<RoutingSettings>): Promise<void> {
      const full: RoutingSettings = { teams: [], agents: [], topics: [], rules: [], vipTeamId: null, lastAgentDays: 3, ...settings };
      await d.services.routing.save({ agentId: 'owner' as AgentId, role: 'owner', siteIds: [] }, d.siteId, full);
    }
    const shopper = async (d: Domain, options: { locale?: 'en' | 'zh'; vip?: boolean } = {}) => {
      const visitor = await d.shopper({ vip: options.vip });
      return options.locale ? (await d.store.visitors.update(visitor._id, { locale: options.locale }))! : visitor;
    };
    const notes = async (d: Domain, id: string) =>
      (await d.store.messages.after(id as never, 0, 100, true)).messages.filter((m) => m.kind === 'note').map((m) => m.text);

    it('stores the settings and reads them back', async () => {
      const d = await setup();
      await configure(d, {
        teams: [{ id: 'vip-desk', name: 'VIP desk', members: ['a1' as AgentId], capacity: 2 }],
        agents: [{ agentId: 'a1' as AgentId, skills: ['refunds'], languages: ['zh', 'en'] }],
        topics: ['Pre-sales', 'Returns'],
        rules: [{ topic: 'Returns', language: null, tier: null, teamId: 'vip-desk', skills: ['refunds'], waitSeconds: 30 }],
        vipTeamId: 'vip-desk',
        lastAgentDays: 5,
      });
      const owner = { agentId: 'owner' as AgentId, role: 'owner' as const, siteIds: [] };
      expect(await d.services.routing.get(owner, d.siteId)).toMatchObject({ topics: ['Pre-sales', 'Returns'], vipTeamId: 'vip-desk', lastAgentDays: 5 });
      await configure(d, { topics: ['Only'] });
      expect((await d.services.routing.get(owner, d.siteId)).topics).toEqual(['Only']);
      // A plain agent may not read or change them.
      const agent = await d.agent();
      await expect(d.services.routing.get(d.actor(agent._id), d.siteId)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('gives a Chinese shopper to an agent who answers in Chinese, though another is less loaded', async () => {
      const d = await setup();
      const en = await d.agent({ name: 'Emma' });
      const zh = await d.agent({ name: 'Li' });
      await configure(d, { agents: [{ agentId: en._id, skills: [], languages: ['en'] }, { agentId: zh._id, skills: [], languages: ['zh'] }] });
      const first = await d.ask(await shopper(d, { locale: 'zh' }));
      const second = await d.ask(await shopper(d, { locale: 'zh' }));
      expect([first.agentId, second.agentId]).toEqual([zh._id, zh._id]);
      expect(second.language).toBe('zh');
      expect((await d.ask(await shopper(d, { locale: 'en' }))).agentId).toBe(en._id);
    });

    it('gives a returning shopper the agent they talked to within the window, and not after it', async () => {
      const d = await setup();
      const ann = await d.agent({ name: 'Ann' });
      await configure(d, { lastAgentDays: 3 });
      const visitor = await shopper(d);
      const first = await d.ask(visitor);
      expect(first.agentId).toBe(ann._id);
      await d.services.router.resolve(d.actor(ann._id), first._id);
      // Ann is now busier than Bob, who joins: least load would pick Bob.
      await d.ask(await shopper(d));
      const bob = await d.agent({ name: 'Bob' });
      d.clock.advance(2 * 24 * 60 * MINUTE);
      const again = await d.ask(visitor);
      expect(again).toMatchObject({ agentId: ann._id, lastAgentId: ann._id });
      await d.services.router.resolve(d.actor(ann._id), again._id);
      d.clock.advance(4 * 24 * 60 * MINUTE);
      expect((await d.ask(visitor)).agentId).toBe(bob._id);
    });

    it('sends a VIP to the VIP desk, waits while it is full, then widens to the site and says so', async () => {
      const d = await setup();
      const desk = await d.agent({ name: 'Desk', capacity: 1 });
      const other = await d.agent({ name: 'Other' });
      await configure(d, {
        teams: [{ id: 'vip-desk', name: 'VIP desk', members: [desk._id], capacity: null }],
        rules: [{ topic: null, language: null, tier: 'vip', teamId: 'vip-desk', skills: [], waitSeconds: 30 }],
        vipTeamId: 'vip-desk',
      });
      const first = await d.ask(await shopper(d, { vip: true }));
      expect(first.agentId).toBe(desk._id);
      const second = await d.ask(await shopper(d, { vip: true }));
      expect(second.status).toBe('waiting');
      d.clock.advance(30_000);
      await d.services.router.drain();
      // Stage 1 (any agent of the VIP desk): still only Desk, who is full.
      expect((await d.conversation(second._id)).status).toBe('waiting');
      expect(await notes(d, second._id)).toEqual([expect.stringContaining('any agent of the team "VIP desk"')]);
      d.clock.advance(30_000);
      await d.services.router.drain();
      await d.services.router.drain();
      expect((await d.conversation(second._id)).agentId).toBe(other._id);
      expect(await notes(d, second._id)).toEqual([
        expect.stringContaining('any agent of the team "VIP desk"'),
        expect.stringContaining('any agent of the site'),
      ]);
    });

    it('routes a topic to its team with the skills, then any of the team, then anyone', async () => {
      const d = await setup();
      const skilled = await d.agent({ name: 'Skilled', capacity: 1 });
      const member = await d.agent({ name: 'Member' });
      const outsider = await d.agent({ name: 'Outsider' });
      await configure(d, {
        teams: [{ id: 'after-sales', name: 'After-sales', members: [skilled._id, member._id], capacity: null }],
        agents: [{ agentId: skilled._id, skills: ['refunds'], languages: [] }],
        topics: ['Returns'],
        rules: [{ topic: 'Returns', language: null, tier: null, teamId: 'after-sales', skills: ['refunds'], waitSeconds: 60 }],
      });
      const withTopic = async () => {
        d.clock.advance(1); // arrival order, not ids, decides among them
        const visitor = await shopper(d);
        const conversation = await d.services.conversations.start(visitor);
        await d.store.conversations.setTopic(conversation._id, 'Returns', d.clock.now());
        return d.ask(visitor);
      };
      expect((await withTopic()).agentId).toBe(skilled._id);
      const second = await withTopic();
      expect(second.status).toBe('waiting');
      d.clock.advance(60_000);
      await d.services.router.drain();
      expect((await d.conversation(second._id)).agentId).toBe(member._id);
      // Member filled up to capacity 3: the next one waits until the site is allowed.
      await withTopic();
      await withTopic();
      const fifth = await withTopic();
      expect(fifth.status).toBe('waiting');
      d.clock.advance(120_000);
      await d.services.router.drain();
      expect((await d.conversation(fifth._id)).agentId).toBe(outsider._id);
    });

    it('orders the queue by tier and waiting time: a VIP jumps ahead, a long wait is not passed', async () => {
      const d = await setup();
      await d.agent({ capacity: 1 });
      await d.ask(await shopper(d));
      const old = await d.ask(await shopper(d));
      d.clock.advance(11 * MINUTE);
      const recent = await d.ask(await shopper(d));
      d.clock.advance(MINUTE);
      const vip = await d.ask(await shopper(d, { vip: true }));
      const order = (await d.services.router.queueSnapshot()).positions.map((p) => p.conversationId);
      // The VIP's 10-minute head start passes `recent` (1 minute older) but not `old` (12).
      expect(order).toEqual([old._id, vip._id, recent._id]);
      const now = d.clock.now();
      const [o, v, r] = await Promise.all([old, vip, recent].map((c) => d.conversation(c._id)));
      expect(queueOrder(o!, now)).toBeGreaterThan(queueOrder(v!, now));
      expect(queueOrder(v!, now)).toBeGreaterThan(queueOrder(r!, now));
    });
    it('holds 50 conversations (10 VIP) against teams on 3 nodes: capacity, no double assignment, VIPs first', async () => {
      const store = await freshStore();
      opened.push(store);
      const clock = new ManualClock();
      const nodes = [await createDomain(store, { clock })];
      for (let i = 0; i < 2; i++) nodes.push(await createDomain(store, { clock, siteId: nodes[0]!.siteId }));
      const [d] = nodes as [Domain];
      const desk = await d.agent({ name: 'Desk', capacity: 3 });
      const sales = [await d.agent({ name: 'Sales 1', capacity: 3 }), await d.agent({ name: 'Sales 2', capacity: 3 })];
      const general = [await d.agent({ name: 'General 1', capacity: 3 }), await d.agent({ name: 'General 2', capacity: 3 })];
      const agents = [desk, ...sales, ...general];
      await configure(d, {
        teams: [
          { id: 'vip-desk', name: 'VIP desk', members: [desk._id], capacity: null },
          { id: 'pre-sales', name: 'Pre-sales', members: sales.map((a) => a._id), capacity: null },
        ],
        topics: ['Pre-sales'],
        rules: [
          { topic: null, language: null, tier: 'vip', teamId: 'vip-desk', skills: [], waitSeconds: 60 },
          { topic: 'Pre-sales', language: null, tier: null, teamId: 'pre-sales', skills: [], waitSeconds: 60 },
        ],
        vipTeamId: 'vip-desk',
      });
      const shoppers = await Promise.all(Array.from({ length: 50 }, (_, i) => shopper(d, { vip: i % 5 === 0 })));
      const conversations = await Promise.all(shoppers.map((s) => d.services.conversations.start(s)));
      // Half the ordinary ones asked about Pre-sales.
      await Promise.all(conversations.filter((_, i) => i % 2 === 1).map((c) => store.conversations.setTopic(c._id, 'Pre-sales', clock.now())));
      const vips = new Set(conversations.filter((_, i) => i % 5 === 0).map((c) => c._id));
      const fresh = await Promise.all(conversations.map((c) => store.conversations.byId(c._id)));
      // Every node routes every conversation at the same time, as if each arrived everywhere.
      await Promise.all(fresh.flatMap((c) => nodes.map((n) => n.services.router.request(c!, vips.has(c!._id) ? 1 : 0))));
      for (const n of nodes) await n.services.router.drain();

      const ids = conversations.map((c) => c._id as ConversationId);
      const check = async (expectedHeld: number) => {
        const loads = await store.assignments.loads(agents.map((a) => a._id));
        for (const a of agents) expect(loads.get(a._id) ?? 0).toBeLessThanOrEqual(3);
        const ledger = await store.assignments.byConversations(ids);
        expect(ledger).toHaveLength(expectedHeld);
        // Nobody assigned twice: over all nodes, each conversation went to one agent only (a
        // repair after a lost write on FerretDB may announce the same assignment again).
        const owners = new Map<string, Set<string>>();
        for (const e of nodes.flatMap((n) => n.events.ofType('conversation.assigned'))) {
          owners.set(e.conversation._id, (owners.get(e.conversation._id) ?? new Set()).add(e.conversation.agentId!));
        }
        for (const [, agentIds] of owners) expect(agentIds.size).toBe(1);
        for (const entry of ledger) expect([...owners.get(entry._id)!]).toEqual([entry.agentId]);
        return ledger;
      };
      let ledger = await check(15);
      // Before any wait: the desk holds VIPs (they head the queue), a Pre-sales question is
      // held by Pre-sales (who may also take questions without a topic).
      for (const entry of ledger) {
        if (entry.agentId === desk._id) expect(vips.has(entry._id)).toBe(true);
        const topic = (await store.conversations.byId(entry._id))!.topic;
        if (topic === 'Pre-sales' && !vips.has(entry._id)) expect(sales.map((a) => a._id)).toContain(entry.agentId);
      }
      // On a store without atomic updates (FerretDB v1) a node's enqueue can overwrite another's
      // assignment on the document; the sweep repairs it from the ledger (as in routing-suite).
      clock.advance(11_000);
      for (const n of nodes) await n.services.router.sweep();
      // The queue's head is the VIPs still waiting.
      const positions = (await d.services.router.queueSnapshot()).positions.map((p) => p.conversationId);
      const waitingVips = [...vips].filter((id) => !ledger.some((l) => l._id === id));
      expect(new Set(positions.slice(0, waitingVips.length))).toEqual(new Set(waitingVips));

      // Past the widening: as slots free up, the waiting VIPs go before any ordinary shopper.
      clock.advance(110_000);
      const ordinaryHeld = ledger.filter((l) => !vips.has(l._id));
      for (const entry of ordinaryHeld.slice(0, waitingVips.length)) await d.services.router.resolve(d.actor(entry.agentId), entry._id);
      await Promise.all(nodes.map((n) => n.services.router.drain()));
      ledger = await check(15);
      for (const id of vips) expect(ledger.some((l) => l._id === id)).toBe(true);
      for (const n of nodes) expect(n.errors).toEqual([]);
    }, 120_000); // 150 routing requests at once: FerretDB v1 takes its time
  });
}
