/**
 * History and search (issue 16) on every store adapter: message search keys with their
 * multikey index, the start-up backfill's queries, and the History list's filters and
 * keyset cursor. Run by history-store.embedded/mongodb tests and by the query-plan test.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentId, ConversationId, SiteId, VisitorId } from '@counter/shared';
import { backfillSearchKeys } from '../../src/domain/history/backfill-keys.js';
import { KEYS_VERSION, messageSearchFields } from '../../src/domain/search/message-keys.js';
import { queryKeys } from '../../src/domain/search/tokenize.js';
import type { MessageDoc } from '../../src/store/documents.js';
import type { HistoryQuery } from '../../src/store/repositories/conversations.js';
import type { Store } from '../../src/store/store.js';
import { conversationDoc, messageDoc, newTestId } from '../support/fixtures.js';

/** A word no other test writes: each test searches only its own messages. */
const word = () => `w${randomBytes(6).toString('hex')}`;

function keyed(over: Partial<MessageDoc> & Pick<MessageDoc, 'conversationId' | 'seq' | 'text'>): MessageDoc {
  const doc = messageDoc(over);
  return { ...doc, ...messageSearchFields(doc) };
}

const everything = (over: Partial<HistoryQuery> = {}): HistoryQuery => ({ siteIds: null, narrowTo: null, after: null, limit: 50, ...over });

export function historyContract(label: string, open: () => Promise<Store>) {
  describe(`history and search store contract: ${label}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('finds a Chinese message by a Chinese query, every key required', async () => {
      const w = word();
      const c = newTestId() as ConversationId;
      await store.messages.insert(keyed({ conversationId: c, seq: 1, text: `我的快递到哪了 ${w}`, createdAt: 10 }));
      await store.messages.insert(keyed({ conversationId: c, seq: 2, text: `退款什么时候到 ${w}`, createdAt: 20 }));
      const found = await store.messages.search({ keys: [...queryKeys('快递'), w], withNotes: true, after: null, limit: 10 });
      expect(found.map((m) => m.seq)).toEqual([1]);
      const both = await store.messages.search({ keys: [w], withNotes: true, after: null, limit: 10 });
      expect(both.map((m) => m.seq)).toEqual([2, 1]);
      expect(await store.messages.search({ keys: [...queryKeys('快递 退款'), w], withNotes: true, after: null, limit: 10 })).toEqual([]);
    });

    it('leaves notes out unless asked for by staff', async () => {
      const w = word();
      const c = newTestId() as ConversationId;
      await store.messages.insert(keyed({ conversationId: c, seq: 1, text: `${w} for the shopper`, createdAt: 1 }));
      await store.messages.insert(keyed({ conversationId: c, seq: 2, text: `${w} staff only`, kind: 'note', author: 'agent', createdAt: 2 }));
      const shopper = await store.messages.search({ keys: [w], withNotes: false, after: null, limit: 10 });
      expect(shopper.map((m) => m.kind)).toEqual(['text']);
      const staff = await store.messages.search({ keys: [w], withNotes: true, after: null, limit: 10 });
      expect(staff.map((m) => m.kind)).toEqual(['note', 'text']);
    });

    it('pages newest first by (createdAt, id), unmoved by newer messages', async () => {
      const w = word();
      const c = newTestId() as ConversationId;
      // Two share a time: the id breaks the tie, so no message is skipped or repeated.
      for (const [seq, at] of [[1, 5], [2, 6], [3, 6], [4, 7]] as const) {
        await store.messages.insert(keyed({ conversationId: c, seq, text: `${w} ${seq}`, createdAt: at }));
      }
      const first = await store.messages.search({ keys: [w], withNotes: true, after: null, limit: 2 });
      await store.messages.insert(keyed({ conversationId: c, seq: 5, text: `${w} new`, createdAt: 100 }));
      const last = first.at(-1)!;
      const second = await store.messages.search({ keys: [w], withNotes: true, after: { at: last.createdAt, id: last._id }, limit: 10 });
      const seen = [...first, ...second].map((m) => m.seq);
      expect(seen.sort()).toEqual([1, 2, 3, 4]);
      expect(first[0]!.seq).toBe(4);
    });

    it('lists messages without keys for the backfill, and keys each once', async () => {
      const w = word();
      const c = newTestId() as ConversationId;
      const legacy = messageDoc({ conversationId: c, seq: 1, text: `${w} 快递` });
      await store.messages.insert(legacy);
      const pending = await store.messages.unkeyed(KEYS_VERSION, 10_000);
      expect(pending.map((m) => m._id)).toContain(legacy._id);
      await store.messages.setSearchKeys(legacy._id, messageSearchFields(legacy));
      // A second node doing the same write changes nothing.
      await store.messages.setSearchKeys(legacy._id, messageSearchFields(legacy));
      expect((await store.messages.unkeyed(KEYS_VERSION, 10_000)).map((m) => m._id)).not.toContain(legacy._id);
      const found = await store.messages.search({ keys: [w, ...queryKeys('快递')], withNotes: false, after: null, limit: 10 });
      expect(found.map((m) => m._id)).toEqual([legacy._id]);
      // An older tokenizer's keys are redone.
      expect((await store.messages.unkeyed(KEYS_VERSION + 1, 10_000)).map((m) => m._id)).toContain(legacy._id);
    });

    it('the start-up backfill keys every earlier message, two nodes at once', async () => {
      const w = word();
      const c = newTestId() as ConversationId;
      const legacy = Array.from({ length: 7 }, (_, i) => messageDoc({ conversationId: c, seq: i + 1, text: `${w} 退款 ${i}`, createdAt: i }));
      legacy.push(messageDoc({ conversationId: c, seq: 8, text: `${w} note`, kind: 'note', createdAt: 8 }));
      for (const m of legacy) await store.messages.insert(m);
      await Promise.all([backfillSearchKeys(store), backfillSearchKeys(store)]);
      expect(await store.messages.unkeyed(KEYS_VERSION, 10_000)).toEqual([]);
      const found = await store.messages.search({ keys: [w, ...queryKeys('退款')], withNotes: false, after: null, limit: 20 });
      expect(found.map((m) => m.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      // Stopped (the app closing), it leaves the rest for the next start.
      const stopped = new AbortController();
      stopped.abort();
      expect(await backfillSearchKeys(store, stopped.signal)).toBe(0);
    });

    describe('conversations.history', () => {
      const siteA = newTestId() as SiteId;
      const siteB = newTestId() as SiteId;
      const mei = newTestId() as AgentId;
      const served = newTestId() as VisitorId;
      const docs = [
        conversationDoc({ siteId: siteA, createdAt: 100, status: 'resolved', agentId: mei, tags: ['refund', 'vip'], rating: { score: 5, comment: null, at: 1 } }),
        conversationDoc({ siteId: siteA, createdAt: 200, status: 'assigned', agentId: newTestId() as AgentId, tags: ['refund'] }),
        conversationDoc({ siteId: siteA, createdAt: 300, status: 'waiting' }),
        conversationDoc({ siteId: siteA, createdAt: 300, status: 'resolved', visitorId: served, agentId: newTestId() as AgentId, rating: { score: 1, comment: null, at: 1 } }),
        conversationDoc({ siteId: siteB, createdAt: 400, status: 'resolved', agentId: mei, tags: ['refund'] }),
      ];
      const [a1, a2, a3, a4, b1] = docs as [typeof docs[0], typeof docs[0], typeof docs[0], typeof docs[0], typeof docs[0]];
      const ids = async (q: Partial<HistoryQuery>) => (await store.conversations.history(everything({ siteIds: [siteA, siteB], ...q }))).map((c) => c._id);

      beforeAll(async () => {
        for (const d of docs) await store.conversations.create(d);
      });

      it('keeps to the sites given, newest first', async () => {
        // a3 and a4 share a time: the larger id comes first.
        const tied = [a3._id, a4._id].sort().reverse();
        expect(await ids({ siteIds: [siteA] })).toEqual([...tied, a2._id, a1._id]);
        expect(await ids({ siteIds: [] })).toEqual([]);
      });

      it('narrows an agent to waiting, their own and the shoppers they serve', async () => {
        const got = await ids({ siteIds: [siteA], narrowTo: { agentId: mei, visitorIds: [served] } });
        expect(new Set(got)).toEqual(new Set([a1._id, a3._id, a4._id]));
      });

      it('filters by status, site, agent, tag, rating, dates and shopper', async () => {
        expect(new Set(await ids({ status: 'resolved' }))).toEqual(new Set([b1._id, a4._id, a1._id]));
        expect(await ids({ siteId: siteB })).toEqual([b1._id]);
        expect(await ids({ agentId: mei })).toEqual([b1._id, a1._id]);
        expect(await ids({ tag: 'refund' })).toEqual([b1._id, a2._id, a1._id]);
        expect(await ids({ tag: 'vip' })).toEqual([a1._id]);
        expect(await ids({ score: 1 })).toEqual([a4._id]);
        expect(await ids({ from: 150, to: 250 })).toEqual([a2._id]);
        expect(await ids({ visitorIds: [served] })).toEqual([a4._id]);
        expect(await ids({ ids: [a1._id, b1._id], siteIds: [siteA] })).toEqual([a1._id]);
      });

      it('follows a tag change (the multikey index is kept on update)', async () => {
        await store.conversations.setTags(a2._id, ['exchange'], 500);
        expect(await ids({ tag: 'refund' })).toEqual([b1._id, a1._id]);
        expect(await ids({ tag: 'exchange' })).toEqual([a2._id]);
      });

      it('pages by a (createdAt, id) cursor without repeats or gaps, whatever is inserted meanwhile', async () => {
        const all = await ids({});
        const seen: string[] = [];
        let after: HistoryQuery['after'] = null;
        for (;;) {
          const page = await store.conversations.history(everything({ siteIds: [siteA, siteB], after, limit: 2 }));
          if (!page.length) break;
          seen.push(...page.map((c) => c._id));
          // A new conversation sorts first: it never shifts the pages after the cursor.
          await store.conversations.create(conversationDoc({ siteId: siteA, createdAt: 1000 + seen.length }));
          const last = page.at(-1)!;
          after = { at: last.createdAt, id: last._id };
        }
        expect(seen).toEqual(all);
      });
    });
  });
}
