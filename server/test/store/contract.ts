/**
 * One contract for every storage adapter: the same tests run on the embedded store and on a
 * real MongoDB-wire server. A behaviour the domain relies on belongs here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentId, ConversationId, SiteId, VisitorId } from '@counter/shared';
import { DuplicateKeyError } from '../../src/store/errors.js';
import type { Store } from '../../src/store/store.js';
import type { MailOutboxDoc } from '../../src/store/documents.js';
import { agentDoc, conversationDoc, messageDoc, newTestId, siteDoc, visitorDoc } from '../support/fixtures.js';

export interface StoreHarness {
  open(): Promise<Store>;
  /** Closes the given store and opens the same data again (a restart). */
  reopen(store: Store): Promise<Store>;
  dispose(): Promise<void>;
}

/**
 * The suite's store: opened before its tests, closed (with the harness) after them.
 * `restart()` closes it and opens the same data again; `store` is then the new one.
 */
export function openedStore<H extends StoreHarness>(harness: () => Promise<H>) {
  const ctx = {
    h: undefined as unknown as H,
    store: undefined as unknown as Store,
    async restart(): Promise<Store> {
      ctx.store = await ctx.h.reopen(ctx.store);
      return ctx.store;
    },
  };
  beforeAll(async () => {
    ctx.h = await harness();
    ctx.store = await ctx.h.open();
  });
  afterAll(async () => {
    await ctx.store?.close();
    await ctx.h?.dispose();
  });
  return ctx;
}

export function storeContract(label: string, harness: () => Promise<StoreHarness>) {
  describe(`store contract: ${label}`, () => {
    const ctx = openedStore(harness);

    describe('messages', () => {
      it('stores a message and finds it by client id', async () => {
        const conversationId = newTestId() as ConversationId;
        const m = messageDoc({ conversationId, seq: 1 });
        await ctx.store.messages.insert(m);
        expect(await ctx.store.messages.byClientId(conversationId, m.clientId)).toEqual(m);
        expect(await ctx.store.messages.lastSeq(conversationId)).toBe(1);
      });

      it('rejects a second message with the same client id, storing nothing', async () => {
        const conversationId = newTestId() as ConversationId;
        const m = messageDoc({ conversationId, seq: 1 });
        await ctx.store.messages.insert(m);
        await expect(ctx.store.messages.insert({ ...m, _id: newTestId() as never, seq: 2 })).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
        expect(await ctx.store.messages.lastSeq(conversationId)).toBe(1);
      });

      it('rejects a second message with the same sequence number', async () => {
        const conversationId = newTestId() as ConversationId;
        await ctx.store.messages.insert(messageDoc({ conversationId, seq: 1 }));
        await expect(ctx.store.messages.insert(messageDoc({ conversationId, seq: 1 }))).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
      });

      it('the same client id may appear in two conversations', async () => {
        const a = messageDoc({ conversationId: newTestId() as ConversationId, seq: 1 });
        const b = { ...messageDoc({ conversationId: newTestId() as ConversationId, seq: 1 }), clientId: a.clientId };
        await ctx.store.messages.insert(a);
        await ctx.store.messages.insert(b);
        expect(await ctx.store.messages.byClientId(b.conversationId, a.clientId)).toEqual(b);
      });

      it('pages history after and before a sequence number, oldest first, notes optional', async () => {
        const conversationId = newTestId() as ConversationId;
        for (let seq = 1; seq <= 7; seq++) {
          await ctx.store.messages.insert(messageDoc({ conversationId, seq, kind: seq === 4 ? 'note' : 'text' }));
        }
        const after = await ctx.store.messages.after(conversationId, 2, 3, true);
        expect(after.messages.map((m) => m.seq)).toEqual([3, 4, 5]);
        expect(after.hasMore).toBe(true);
        const publicAfter = await ctx.store.messages.after(conversationId, 2, 10, false);
        expect(publicAfter.messages.map((m) => m.seq)).toEqual([3, 5, 6, 7]);
        expect(publicAfter.hasMore).toBe(false);
        const latest = await ctx.store.messages.before(conversationId, null, 3, true);
        expect(latest.messages.map((m) => m.seq)).toEqual([5, 6, 7]);
        expect(latest.hasMore).toBe(true);
        const older = await ctx.store.messages.before(conversationId, 5, 10, false);
        expect(older.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
        expect(older.hasMore).toBe(false);
      });
    });

    describe('conversations', () => {
      it('enqueues once and lists the queue by rank (the domain puts VIPs ahead), then arrival', async () => {
        const mk = (priority: number, queuedAt: number) => conversationDoc({ priority, queuedAt: null, createdAt: queuedAt });
        const late = mk(0, 30);
        const early = mk(0, 10);
        const vip = mk(1, 40);
        for (const c of [late, early, vip]) await ctx.store.conversations.create(c);
        expect(await ctx.store.conversations.enqueue(late._id, 30, 0)).not.toBeNull();
        expect(await ctx.store.conversations.enqueue(early._id, 10, 0)).not.toBeNull();
        const routed = { language: 'zh', tier: 'vip' as const, lastAgentId: 'a9' as AgentId };
        expect(await ctx.store.conversations.enqueue(vip._id, 40, 1, { queueRank: 5, ...routed })).toMatchObject({ queueRank: 5, widened: 0, ...routed });
        expect(await ctx.store.conversations.enqueue(early._id, 50, 0)).toBeNull();
        const ids = (await ctx.store.conversations.queue(100)).map((c) => c._id);
        const mine = ids.filter((id) => [late._id, early._id, vip._id].includes(id));
        expect(mine).toEqual([vip._id, early._id, late._id]);
        // Requeued at its place: the rank given, else its arrival.
        await ctx.store.conversations.markWaiting(late._id, 30, [], 60, 1);
        expect((await ctx.store.conversations.queue(100)).map((c) => c._id).filter((id) => mine.includes(id))).toEqual([late._id, vip._id, early._id]);
      });

      it('sets a topic and moves the widening stage on once (issue 14)', async () => {
        const c = conversationDoc({ status: 'waiting', queuedAt: null });
        await ctx.store.conversations.create(c);
        await ctx.store.conversations.enqueue(c._id, 10, 0);
        expect(await ctx.store.conversations.setTopic(c._id, 'Returns', 11)).toMatchObject({ topic: 'Returns' });
        expect(await ctx.store.conversations.markWidened(c._id, 0, 1)).toMatchObject({ widened: 1 });
        expect(await ctx.store.conversations.markWidened(c._id, 0, 1)).toBeNull();
        expect(await ctx.store.conversations.markWidened(c._id, 1, 2)).toMatchObject({ widened: 2 });
      });

      it('saves and replaces a site\'s routing settings (issue 14)', async () => {
        const siteId = `s-${Math.random().toString(36).slice(2)}` as never;
        expect(await ctx.store.routing.get(siteId)).toBeNull();
        const team = { id: 'vip-desk', name: 'VIP desk', members: ['a1' as AgentId], capacity: 2 };
        const doc = { _id: siteId, teams: [team], agents: [], topics: ['Returns'], rules: [], vipTeamId: 'vip-desk', lastAgentDays: 3, updatedAt: 1 };
        await ctx.store.routing.save(doc);
        expect(await ctx.store.routing.get(siteId)).toEqual(doc);
        await ctx.store.routing.save({ ...doc, topics: [], updatedAt: 2 });
        expect((await ctx.store.routing.getMany([siteId])).map((d) => d.topics)).toEqual([[]]);
      });

      it('marks assignment, waiting and resolution, and reopens only a resolved one', async () => {
        const c = conversationDoc({ queuedAt: 5 });
        await ctx.store.conversations.create(c);
        expect(await ctx.store.conversations.markAssigned(c._id, 'a1' as AgentId, 'Ann', 10)).toMatchObject({
          status: 'assigned',
          agentId: 'a1',
          agentName: 'Ann',
          queuedAt: null,
        });
        expect((await ctx.store.conversations.assigned(1000)).map((x) => x._id)).toContain(c._id);
        expect(await ctx.store.conversations.markWaiting(c._id, 3, ['a1' as AgentId], 20)).toMatchObject({
          status: 'waiting',
          agentId: null,
          queuedAt: 3,
          excludedAgentIds: ['a1'],
        });
        expect(await ctx.store.conversations.reopen(c, 25)).toBeNull();
        expect(await ctx.store.conversations.markResolved(c._id, 30)).toMatchObject({ status: 'resolved', resolvedAt: 30, openKey: c._id });
        expect(await ctx.store.conversations.reopen(c, 40)).toMatchObject({ status: 'waiting', resolvedAt: null, queuedAt: null, openKey: c.visitorId });
      });

      it("renames an agent on the conversations given that they still hold, and on no other", async () => {
        const held = conversationDoc();
        const released = conversationDoc();
        const others = conversationDoc();
        for (const c of [held, released, others]) await ctx.store.conversations.create(c);
        await ctx.store.conversations.markAssigned(held._id, 'r1' as AgentId, 'Admin', 10);
        await ctx.store.conversations.markAssigned(released._id, 'r1' as AgentId, 'Admin', 10);
        await ctx.store.conversations.markWaiting(released._id, 11, [], 11);
        await ctx.store.conversations.markAssigned(others._id, 'r2' as AgentId, 'Bo', 10);
        const renamed = await ctx.store.conversations.renameAgent([held._id, released._id, others._id], 'r1' as AgentId, 'Mei');
        expect(renamed.map((c) => [c._id, c.agentName])).toEqual([[held._id, 'Mei']]);
        expect((await ctx.store.conversations.byId(others._id))?.agentName).toBe('Bo');
        expect((await ctx.store.conversations.byId(released._id))?.agentName).toBeNull();
        expect(await ctx.store.conversations.renameAgent([], 'r1' as AgentId, 'Mei')).toEqual([]);
      });

      it('keeps counters, the awaited reply and the first response as messages arrive', async () => {
        const c = conversationDoc({ status: 'assigned' });
        await ctx.store.conversations.create(c);
        await ctx.store.conversations.recordMessage(c._id, { seq: 1, at: 100, preview: 'hi', by: 'visitor' });
        let s = await ctx.store.conversations.recordMessage(c._id, { seq: 2, at: 110, preview: 'there', by: 'visitor' });
        expect(s).toMatchObject({ unreadByAgent: 2, awaitingReplySince: 100, lastSeq: 2, lastMessagePreview: 'there' });
        s = await ctx.store.conversations.recordMessage(c._id, { seq: 3, at: 120, preview: null, by: 'note' });
        expect(s).toMatchObject({ awaitingReplySince: 100, lastSeq: 3, lastMessagePreview: 'there' });
        s = await ctx.store.conversations.recordMessage(c._id, { seq: 4, at: 130, preview: 'hello', by: 'agent' });
        expect(s).toMatchObject({ awaitingReplySince: null, firstResponseAt: 130, unreadByVisitor: 1 });
        await ctx.store.conversations.recordMessage(c._id, { seq: 5, at: 140, preview: 'ok', by: 'agent' });
        s = await ctx.store.conversations.markRead(c._id, 'agent', 2);
        expect(s).toMatchObject({ unreadByAgent: 0, agentReadSeq: 2, firstResponseAt: 130 });
        s = await ctx.store.conversations.markRead(c._id, 'agent', 1);
        expect(s?.agentReadSeq).toBe(2);
        // A late, lower sequence number never moves lastSeq back.
        s = await ctx.store.conversations.recordMessage(c._id, { seq: 3, at: 150, preview: 'late', by: 'system' });
        expect(s?.lastSeq).toBe(5);
      });

      it('finds assigned conversations left unanswered since a cutoff', async () => {
        const agentId = newTestId() as AgentId;
        const stale = conversationDoc({ status: 'assigned', agentId, assignedAt: 10, awaitingReplySince: 20 });
        const fresh = conversationDoc({ status: 'assigned', agentId, assignedAt: 10, awaitingReplySince: 90 });
        const answered = conversationDoc({ status: 'assigned', agentId, assignedAt: 10, awaitingReplySince: null });
        for (const c of [stale, fresh, answered]) await ctx.store.conversations.create(c);
        const found = (await ctx.store.conversations.unanswered(50, 100)).map((c) => c._id);
        expect(found).toContain(stale._id);
        expect(found).not.toContain(fresh._id);
        expect(found).not.toContain(answered._id);
      });

      it("finds a visitor's open conversation and moves conversations between visitors", async () => {
        const v1 = newTestId() as VisitorId;
        const v2 = newTestId() as VisitorId;
        const old = conversationDoc({ visitorId: v1, status: 'resolved', createdAt: 1 });
        const open = conversationDoc({ visitorId: v1, status: 'waiting', createdAt: 2 });
        await ctx.store.conversations.create(old);
        await ctx.store.conversations.create(open);
        expect((await ctx.store.conversations.openForVisitor(v1))?._id).toBe(open._id);
        expect(await ctx.store.conversations.moveToVisitor(v1, v2)).toBe(2);
        expect((await ctx.store.conversations.listForVisitor(v2, 10)).map((c) => c._id)).toEqual([open._id, old._id]);
      });

      it('keeps one open conversation per visitor, however many are created at once', async () => {
        const visitorId = newTestId() as VisitorId;
        const tries = Array.from({ length: 20 }, () => conversationDoc({ visitorId }));
        const results = await Promise.allSettled(tries.map((c) => ctx.store.conversations.create(c)));
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [tries[i]!._id] : []));
        expect(won).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError);
        expect((await ctx.store.conversations.openForVisitor(visitorId))?._id).toBe(won[0]);
        expect(await ctx.store.conversations.listForVisitor(visitorId, 50)).toHaveLength(1);

        // Resolved, it frees the key: a new one may start, and the old one cannot be reopened beside it.
        await ctx.store.conversations.markResolved(won[0]!, 10);
        expect(await ctx.store.conversations.openForVisitor(visitorId)).toBeNull();
        const next = conversationDoc({ visitorId });
        await ctx.store.conversations.create(next);
        await expect(ctx.store.conversations.reopen({ _id: won[0]!, visitorId }, 20)).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await ctx.store.conversations.byId(won[0]!))?.status).toBe('resolved');
      });

      it("makes the moved visitor's open conversation the current one of the visitor it joins", async () => {
        const from = newTestId() as VisitorId;
        const to = newTestId() as VisitorId;
        const theirs = conversationDoc({ visitorId: to, createdAt: 1 });
        const mine = conversationDoc({ visitorId: from, createdAt: 2 });
        await ctx.store.conversations.create(theirs);
        await ctx.store.conversations.create(mine);
        expect(await ctx.store.conversations.moveToVisitor(from, to)).toBe(1);
        expect((await ctx.store.conversations.openForVisitor(to))?._id).toBe(mine._id);
        expect(await ctx.store.conversations.byId(theirs._id)).toMatchObject({ status: 'waiting', openKey: theirs._id, visitorId: to });
        expect(await ctx.store.conversations.openForVisitor(from)).toBeNull();
      });

      it('tells which visitors have messages and deletes the empty conversations of others', async () => {
        const talked = newTestId() as VisitorId;
        const silent = newTestId() as VisitorId;
        const a = conversationDoc({ visitorId: talked });
        const b = conversationDoc({ visitorId: silent });
        await ctx.store.conversations.create(a);
        await ctx.store.conversations.create(b);
        await ctx.store.conversations.recordMessage(a._id, { seq: 1, at: 5, preview: 'hi', by: 'visitor' });
        expect([...(await ctx.store.conversations.visitorsWithMessages([talked, silent]))]).toEqual([talked]);
        expect(await ctx.store.conversations.deleteEmptyForVisitors([talked, silent])).toBe(1);
        expect(await ctx.store.conversations.byId(b._id)).toBeNull();
        expect(await ctx.store.conversations.byId(a._id)).not.toBeNull();
      });
    });

    describe('assignment ledger', () => {
      const conv = () => newTestId() as ConversationId;

      it('gives a conversation to exactly one of many concurrent claims', async () => {
        const c = conv();
        const agents = Array.from({ length: 8 }, () => newTestId() as AgentId);
        const results = await Promise.all(agents.map((a) => ctx.store.assignments.claim(c, a, 3, 1)));
        expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
        expect(results.filter((r) => r === 'conversation_taken')).toHaveLength(7);
        const owner = agents[results.indexOf('claimed')];
        expect((await ctx.store.assignments.byConversation(c))?.agentId).toBe(owner);
      });

      it('never gives an agent more than its capacity, however many claim at once', async () => {
        const agent = newTestId() as AgentId;
        const results = await Promise.all(Array.from({ length: 20 }, () => ctx.store.assignments.claim(conv(), agent, 3, 1)));
        expect(results.filter((r) => r === 'claimed')).toHaveLength(3);
        expect((await ctx.store.assignments.forAgent(agent)).length).toBe(3);
        expect((await ctx.store.assignments.loads([agent])).get(agent)).toBe(3);
      });

      it('holds 50 conversations against 5 agents of capacity 3 claimed all at once', async () => {
        const agents = Array.from({ length: 5 }, () => newTestId() as AgentId);
        const conversations = Array.from({ length: 50 }, conv);
        // Every conversation tries every agent in its own order, all concurrently.
        const outcomes = await Promise.all(
          conversations.map(async (c, i) => {
            for (let j = 0; j < agents.length; j++) {
              const a = agents[(i + j) % agents.length]!;
              const r = await ctx.store.assignments.claim(c, a, 3, 1);
              if (r === 'claimed') return a;
              if (r === 'conversation_taken') return 'taken';
            }
            return null;
          }),
        );
        expect(outcomes.filter((o) => o !== null)).toHaveLength(15);
        expect(outcomes).not.toContain('taken');
        const loads = await ctx.store.assignments.loads(agents);
        for (const a of agents) expect(loads.get(a)).toBe(3);
        const owners = await ctx.store.assignments.byConversations(conversations);
        expect(new Set(owners.map((o) => o._id)).size).toBe(owners.length);
      });

      it('frees capacity on release, for exactly one releaser', async () => {
        const agent = newTestId() as AgentId;
        const [c1, c2] = [conv(), conv()];
        expect(await ctx.store.assignments.claim(c1, agent, 1, 1)).toBe('claimed');
        expect(await ctx.store.assignments.claim(c2, agent, 1, 1)).toBe('agent_full');
        expect(await ctx.store.assignments.release(c1, 'someone-else' as AgentId)).toBe(false);
        const releases = await Promise.all([1, 2, 3].map(() => ctx.store.assignments.release(c1, agent)));
        expect(releases.filter(Boolean)).toHaveLength(1);
        expect(await ctx.store.assignments.claim(c2, agent, 1, 1)).toBe('claimed');
      });

      it('backs off when capacity was lowered below the slots still held', async () => {
        const agent = newTestId() as AgentId;
        const held = [conv(), conv(), conv()];
        for (const c of held) expect(await ctx.store.assignments.claim(c, agent, 3, 1)).toBe('claimed');
        await ctx.store.assignments.release(held[0]!, agent);
        // Capacity is now 2, but slots #1 and #2 are still held: slot #0 is free, yet full.
        expect(await ctx.store.assignments.claim(conv(), agent, 2, 1)).toBe('agent_full');
        expect((await ctx.store.assignments.forAgent(agent)).length).toBe(2);
      });
    });

    describe('agents and presence', () => {
      it('rejects a second agent with the same email', async () => {
        const a = agentDoc();
        await ctx.store.agents.create(a);
        await expect(ctx.store.agents.create(agentDoc({ email: a.email }))).rejects.toBeInstanceOf(DuplicateKeyError);
      });

      it('lists active online agents and those disconnected before a cutoff', async () => {
        const online = agentDoc();
        const away = agentDoc({ status: 'away' });
        const gone = agentDoc({ disconnectedAt: 10 });
        for (const a of [online, away, gone]) await ctx.store.agents.create(a);
        const ids = (await ctx.store.agents.online()).map((a) => a._id);
        expect(ids).toContain(online._id);
        expect(ids).not.toContain(away._id);
        expect((await ctx.store.agents.disconnectedBefore(20)).map((a) => a._id)).toContain(gone._id);
        expect((await ctx.store.agents.disconnectedBefore(5)).map((a) => a._id)).not.toContain(gone._id);
      });

      it('tracks open console sockets per agent', async () => {
        const a = newTestId() as AgentId;
        await ctx.store.presence.socketOpened({ _id: `${a}-1`, agentId: a, nodeId: 'n1', at: 1 });
        await ctx.store.presence.socketOpened({ _id: `${a}-2`, agentId: a, nodeId: 'n1', at: 1 });
        expect(await ctx.store.presence.connected([a])).toEqual(new Set([a]));
        expect(await ctx.store.presence.socketClosed(`${a}-1`, a)).toBe(1);
        expect(await ctx.store.presence.socketClosed(`${a}-2`, a)).toBe(0);
        expect((await ctx.store.presence.connected([a])).size).toBe(0);
      });

      it('sweeps the sockets of a node that stopped heartbeating', async () => {
        const a = newTestId() as AgentId;
        const b = newTestId() as AgentId;
        const [dead, live] = [newTestId(), newTestId()];
        await ctx.store.presence.heartbeat(dead, 100);
        await ctx.store.presence.heartbeat(live, 100);
        await ctx.store.presence.heartbeat(live, 200);
        await ctx.store.presence.socketOpened({ _id: `${a}-1`, agentId: a, nodeId: dead, at: 1 });
        await ctx.store.presence.socketOpened({ _id: `${b}-1`, agentId: b, nodeId: live, at: 1 });
        expect(await ctx.store.presence.sweepDeadNodes(150, live)).toEqual([a]);
        expect(await ctx.store.presence.connected([a, b])).toEqual(new Set([b]));
        await ctx.store.presence.removeNode(live);
        expect((await ctx.store.presence.connected([b])).size).toBe(0);
      });
    });

    describe('visitors, sessions, throttles, sites, canned replies', () => {
      it('keeps the last pages of the trail', async () => {
        const v = visitorDoc();
        await ctx.store.visitors.create(v);
        let last = null;
        for (let i = 0; i < 25; i++) last = await ctx.store.visitors.visitPage(v._id, { url: `https://s.example/${i}`, title: `${i}`, at: i });
        expect(last?.trail).toHaveLength(20);
        expect(last?.trail[0]?.title).toBe('5');
        expect(last?.currentPage?.title).toBe('24');
      });

      it('updates the fields given, keeps the others, and stores null to clear one (shop context)', async () => {
        const v = visitorDoc();
        await ctx.store.visitors.create(v);
        const cart = { items: [{ id: 'sku-1', title: 'Trail Runner 2', quantity: 2, price: 120 }], total: 240, currency: 'EUR' };
        const product = { id: 'sku-2', title: 'City Knit', price: 90, currency: 'EUR' };
        await ctx.store.visitors.update(v._id, { cart });
        expect(await ctx.store.visitors.update(v._id, { product })).toMatchObject({ cart, product });
        const cleared = await ctx.store.visitors.update(v._id, { cart: null });
        expect(cleared).toMatchObject({ cart: null, product });
        expect((await ctx.store.visitors.byId(v._id))?.cart).toBeNull();
      });

      it('links a verified id to the first visitor that claims it', async () => {
        const siteId = newTestId() as SiteId;
        expect(await ctx.store.visitors.linkIdentity(siteId, 'cust-1', 'v1' as VisitorId)).toBe('v1');
        expect(await ctx.store.visitors.linkIdentity(siteId, 'cust-1', 'v2' as VisitorId)).toBe('v1');
        expect((await ctx.store.visitors.identity(siteId, 'cust-1'))?.visitorId).toBe('v1');
      });

      it('finds visitors unseen since a cutoff, keeps retained ones, deletes the rest with tokens and identity', async () => {
        const siteId = newTestId() as SiteId;
        const stale = visitorDoc({ siteId, lastSeenAt: 10, externalId: `cust-${newTestId()}`, verified: true });
        const kept = visitorDoc({ siteId, lastSeenAt: 11 });
        const seen = visitorDoc({ siteId, lastSeenAt: 12 });
        for (const v of [stale, kept, seen]) await ctx.store.visitors.create(v);
        await ctx.store.visitors.addToken({ _id: newTestId(), visitorId: stale._id, siteId, createdAt: 10 });
        await ctx.store.visitors.linkIdentity(siteId, stale.externalId!, stale._id);
        await ctx.store.visitors.touch(seen._id, 500, 100);
        await ctx.store.visitors.touch(seen._id, 600, 100); // seen at 500 already: not older than 100
        expect((await ctx.store.visitors.byId(seen._id))?.lastSeenAt).toBe(500);

        const mine = (list: { _id: string }[]) => list.map((v) => v._id).filter((id) => [stale._id, kept._id, seen._id].includes(id as never));
        expect(mine(await ctx.store.visitors.unseenSince(100, 10_000))).toEqual([stale._id, kept._id]);
        await ctx.store.visitors.markRetained([kept._id]);
        expect(mine(await ctx.store.visitors.unseenSince(100, 10_000))).toEqual([stale._id]);

        expect(await ctx.store.visitors.deleteUnseen(kept, 100)).toBe(false);
        expect(await ctx.store.visitors.deleteUnseen(seen, 100)).toBe(false);
        expect(await ctx.store.visitors.deleteUnseen(stale, 100)).toBe(true);
        expect(await ctx.store.visitors.byId(stale._id)).toBeNull();
        expect(await ctx.store.visitors.identity(siteId, stale.externalId!)).toBeNull();
        expect(await ctx.store.visitors.byId(kept._id)).not.toBeNull();
      });

      it('stores tokens by hash and deletes them', async () => {
        const hash = newTestId();
        await ctx.store.visitors.addToken({ _id: hash, visitorId: 'v' as VisitorId, siteId: 's' as SiteId, createdAt: 1 });
        expect((await ctx.store.visitors.tokenByHash(hash))?.visitorId).toBe('v');
        await ctx.store.visitors.deleteToken(hash);
        expect(await ctx.store.visitors.tokenByHash(hash)).toBeNull();
      });

      it('deletes all sessions of an agent but the one kept', async () => {
        const agentId = newTestId() as AgentId;
        for (const id of ['s1', 's2', 's3']) {
          await ctx.store.sessions.create({ _id: `${agentId}-${id}`, agentId, createdAt: 1, expiresAt: 2 });
        }
        const gone = await ctx.store.sessions.deleteForAgent(agentId, `${agentId}-s2`);
        expect(gone.sort()).toEqual([`${agentId}-s1`, `${agentId}-s3`]);
        expect(await ctx.store.sessions.byHash(`${agentId}-s2`)).not.toBeNull();
        expect(await ctx.store.sessions.delete(`${agentId}-s2`)).toBe(true);
        expect(await ctx.store.sessions.delete(`${agentId}-s2`)).toBe(false);
        await ctx.store.sessions.create({ _id: `${agentId}-old`, agentId, createdAt: 1, expiresAt: 5 });
        await ctx.store.sessions.create({ _id: `${agentId}-live`, agentId, createdAt: 1, expiresAt: 10 ** 15 });
        expect(await ctx.store.sessions.deleteExpired(5)).toBeGreaterThanOrEqual(1);
        expect(await ctx.store.sessions.byHash(`${agentId}-old`)).toBeNull();
        expect(await ctx.store.sessions.byHash(`${agentId}-live`)).not.toBeNull();
      });

      it('counts failures within a window, even when they arrive at once', async () => {
        const key = newTestId();
        await Promise.all(Array.from({ length: 10 }, () => ctx.store.throttles.fail(key, 1000, 100)));
        expect(await ctx.store.throttles.fail(key, 1050, 100)).toBe(11);
        expect(await ctx.store.throttles.failures(key, 1060, 100)).toBe(11);
        expect(await ctx.store.throttles.recent(key, 1060, 100)).toEqual({ count: 11, last: 1050 });
        expect(await ctx.store.throttles.recent(newTestId(), 1060, 100)).toEqual({ count: 0, last: null });
        expect(await ctx.store.throttles.failures(key, 1120, 100)).toBe(1);
        await ctx.store.throttles.prune(1020);
        expect(await ctx.store.throttles.failures(key, 1060, 100)).toBe(1);
        await ctx.store.throttles.clear(key);
        expect(await ctx.store.throttles.failures(key, 1060, 100)).toBe(0);
      });

      it('updates a site', async () => {
        const s = siteDoc();
        await ctx.store.sites.create(s);
        const updated = await ctx.store.sites.update(s._id, { allowedOrigins: ['https://a.example'], name: 'Renamed' });
        expect(updated).toMatchObject({ name: 'Renamed', allowedOrigins: ['https://a.example'] });
        expect((await ctx.store.sites.list()).map((x) => x._id)).toContain(s._id);
      });

      it('records the first widget sighting of a site once (issue 16: getting started)', async () => {
        const s = siteDoc();
        await ctx.store.sites.create(s);
        expect((await ctx.store.sites.widgetSeen(s._id, 1000))?.widgetSeenAt).toBe(1000);
        expect(await ctx.store.sites.widgetSeen(s._id, 2000)).toBeNull();
        expect((await ctx.store.sites.byId(s._id))?.widgetSeenAt).toBe(1000);
      });

      it('rotates an identity secret only from the secret it read', async () => {
        const s = siteDoc({ identitySecret: 'first' });
        await ctx.store.sites.create(s);
        const rotation = (next: string) => ({ identitySecret: next, previousIdentitySecret: { secret: 'first', until: 9 } });
        expect(await ctx.store.sites.update(s._id, rotation('a'), 'first')).toMatchObject({ identitySecret: 'a' });
        // A rotation that read 'first' before the one above wrote: refused, nothing written.
        // (One conditional write: atomic on MongoDB and SQLite; FerretDB v1's is not.)
        expect(await ctx.store.sites.update(s._id, rotation('b'), 'first')).toBeNull();
        expect(await ctx.store.sites.byId(s._id)).toMatchObject({ identitySecret: 'a', previousIdentitySecret: { secret: 'first', until: 9 } });
      });

      it('keeps canned-reply shortcuts unique', async () => {
        const base = { title: 'T', text: 'x', updatedAt: 1, createdBy: 'a' as AgentId, siteId: null };
        await ctx.store.cannedReplies.create({ _id: newTestId() as never, shortcut: 'ship', ...base });
        await expect(
          ctx.store.cannedReplies.create({ _id: newTestId() as never, shortcut: 'ship', ...base }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
      });

      it('stores a site\'s order provider with its secret and clears it', async () => {
        const s = siteDoc();
        await ctx.store.sites.create(s);
        const provider = { kind: 'http' as const, url: 'https://shop.example/orders', secret: 's'.repeat(32) };
        expect((await ctx.store.sites.update(s._id, { orderProvider: provider }))?.orderProvider).toEqual(provider);
        expect((await ctx.store.sites.byId(s._id))?.orderProvider).toEqual(provider);
        expect((await ctx.store.sites.update(s._id, { orderProvider: null }))?.orderProvider).toBeNull();
      });

      it('grants a guest an order once, idempotently, and only that order', async () => {
        const visitorId = newTestId() as VisitorId;
        const grant = { _id: `${visitorId}:o1`, siteId: 's1' as SiteId, visitorId, orderId: 'o1', at: 1 };
        await ctx.store.orderAccess.grant(grant);
        await ctx.store.orderAccess.grant({ ...grant, at: 2 });
        expect(await ctx.store.orderAccess.granted(visitorId, 'o1')).toBe(true);
        expect(await ctx.store.orderAccess.granted(visitorId, 'o2')).toBe(false);
        expect(await ctx.store.orderAccess.granted(newTestId() as VisitorId, 'o1')).toBe(false);
      });

      it('lists the audit log newest first, scoped to sites', async () => {
        const site = newTestId() as SiteId;
        const entry = (at: number, siteId: SiteId) => ({
          _id: newTestId(), siteId, agentId: 'a1' as AgentId, agentName: 'Ann', action: 'reveal' as const,
          field: 'address_and_phone' as const, orderId: `o${at}`, conversationId: 'c1' as ConversationId, at,
        });
        await ctx.store.audit.append(entry(10, site));
        await ctx.store.audit.append(entry(30, site));
        await ctx.store.audit.append(entry(20, newTestId() as SiteId));
        expect((await ctx.store.audit.list([site], 10)).map((e) => e.at)).toEqual([30, 10]);
        expect((await ctx.store.audit.list(null, 100)).length).toBeGreaterThanOrEqual(3);
      });
    });

    describe('identity checks', () => {
      it('counts failures per site and hour, concurrently, and reports the latest', async () => {
        const siteId = newTestId() as SiteId;
        const other = newTestId() as SiteId;
        const hour = 3600_000;
        const t0 = 1_700_000_000_000 - (1_700_000_000_000 % hour);
        // Racing the first write of an hour: the insert that loses falls back to the increment.
        await Promise.all(Array.from({ length: 5 }, (_, i) => ctx.store.identityChecks.fail(siteId, t0 + i, 'bad_signature')));
        await ctx.store.identityChecks.fail(siteId, t0 + hour + 5, 'expired');
        await ctx.store.identityChecks.fail(other, t0 + 1, 'malformed');
        const all = await ctx.store.identityChecks.failures(siteId, t0, t0 + 2 * hour);
        // FerretDB v1's $inc is not atomic: a racing increment may be lost, never invented.
        expect(all.failed).toBeGreaterThanOrEqual(ctx.store.kind === 'embedded' ? 6 : 2);
        expect(all.failed).toBeLessThanOrEqual(6);
        expect(all.last).toEqual({ at: t0 + hour + 5, reason: 'expired' });
        expect(await ctx.store.identityChecks.failures(siteId, t0 + hour, t0 + 2 * hour)).toMatchObject({ failed: 1 });
        expect(await ctx.store.identityChecks.failures(other, t0, t0 + 2 * hour)).toMatchObject({ failed: 1, last: { reason: 'malformed' } });

        await ctx.store.identityChecks.prune(t0 + 2 * hour);
        expect(await ctx.store.identityChecks.failures(siteId, t0, t0 + 2 * hour)).toMatchObject({ failed: 1 });
      });
    });

    // ---- offline email (issue 17) ----
    describe('mail outbox', () => {
      const mail = (over: Partial<MailOutboxDoc> = {}): MailOutboxDoc => ({
        _id: `replies:${newTestId()}`,
        kind: 'replies',
        siteId: 's' as SiteId,
        conversationId: newTestId() as ConversationId,
        visitorId: newTestId() as VisitorId,
        to: 'a@example.com',
        locale: 'en',
        afterSeq: 2,
        dueAt: 1000,
        revision: 0,
        attempts: 0,
        createdAt: 0,
        ...over,
      });

      it('a second reply joins the waiting mail; one claim wins; a joined reply keeps it after the send', async () => {
        const m = mail();
        expect(await ctx.store.mailOutbox.queue(m)).toBe('queued');
        expect(await ctx.store.mailOutbox.queue({ ...m, afterSeq: 5, dueAt: 9999 })).toBe('joined');
        const [due] = (await ctx.store.mailOutbox.due(1000, 100)).filter((d) => d._id === m._id);
        expect(due).toMatchObject({ afterSeq: 2, dueAt: 1000, revision: 1 });
        const claimed = await ctx.store.mailOutbox.claim(due!, 61_000);
        expect(claimed).toMatchObject({ dueAt: 61_000, revision: 1 });
        expect(await ctx.store.mailOutbox.claim(due!, 61_000)).toBeNull();
        // A reply joins while it is being sent: the mail stays, marked as sent up to seq 6.
        await ctx.store.mailOutbox.queue(m);
        expect(await ctx.store.mailOutbox.sent(claimed!, 6, 5000)).toBe('more');
        expect(await ctx.store.mailOutbox.byId(m._id)).toMatchObject({ afterSeq: 6, dueAt: 5000, attempts: 0 });
        const again = await ctx.store.mailOutbox.claim((await ctx.store.mailOutbox.byId(m._id))!, 70_000);
        expect(await ctx.store.mailOutbox.sent(again!, 7, 0)).toBe('done');
        expect(await ctx.store.mailOutbox.byId(m._id)).toBeNull();
      });

      it('a failure pushes the mail on and counts the attempt; it survives a restart', async () => {
        const m = mail({ dueAt: 10 });
        await ctx.store.mailOutbox.queue(m);
        await ctx.store.mailOutbox.failed(m._id, 500);
        await ctx.restart();
        expect(await ctx.store.mailOutbox.byId(m._id)).toMatchObject({ dueAt: 500, attempts: 1 });
        expect((await ctx.store.mailOutbox.due(499, 100)).some((d) => d._id === m._id)).toBe(false);
        await ctx.store.mailOutbox.remove(m._id);
        expect(await ctx.store.mailOutbox.byId(m._id)).toBeNull();
      });
    });

    describe('durability', () => {
      it('reads back, after a restart, everything acknowledged before it', async () => {
        const conversationId = newTestId() as ConversationId;
        const c = conversationDoc({ _id: conversationId });
        await ctx.store.conversations.create(c);
        for (let seq = 1; seq <= 3; seq++) await ctx.store.messages.insert(messageDoc({ conversationId, seq }));
        await ctx.store.conversations.recordMessage(conversationId, { seq: 3, at: 9, preview: 'p', by: 'visitor' });
        await ctx.restart();
        expect((await ctx.store.messages.after(conversationId, 0, 10, true)).messages.map((m) => m.seq)).toEqual([1, 2, 3]);
        expect(await ctx.store.conversations.byId(conversationId)).toMatchObject({ lastSeq: 3, unreadByAgent: 1 });
        // Unique indexes hold after the restart too.
        const first = (await ctx.store.messages.after(conversationId, 0, 1, true)).messages[0]!;
        await expect(ctx.store.messages.insert({ ...first, _id: newTestId() as never, seq: 9 })).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
      });
    });
  });
}
