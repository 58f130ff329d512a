/** The shopper's return requests, the quantities returned per order and the sites' return policies; both adapters. */
import type { ReturnStage, SiteId, VisitorId } from '@counter/shared';
import type { Database, Update } from '../collection.js';
import type { ReturnedLinesDoc, ReturnPolicyDoc, ReturnRequestDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

type Lines = { lineId: string; quantity: number }[];

export interface ReturnRepository {
  /** false: the id exists already (nothing written). */
  insert(doc: ReturnRequestDoc): Promise<boolean>;
  byId(id: string): Promise<ReturnRequestDoc | null>;
  byActionKey(key: string): Promise<ReturnRequestDoc | null>;
  byReturnId(siteId: SiteId, returnId: string): Promise<ReturnRequestDoc | null>;
  /** Moves it on only from one of `from`; null when it was elsewhere. */
  advance(id: string, from: readonly ReturnStage[], set: Partial<ReturnRequestDoc>, step: { stage: ReturnStage; at: number } | null): Promise<ReturnRequestDoc | null>;
  remove(id: string): Promise<void>;
  forVisitor(siteId: SiteId, visitorId: VisitorId, customerId: string | null): Promise<ReturnRequestDoc[]>;
  forConversation(conversationId: string): Promise<ReturnRequestDoc[]>;
  /**
   * Adds these quantities to what the order has returned unless a line would pass what was
   * bought (`bought`); false: it would (nothing written). A negative quantity gives back.
   */
  reserveLines(order: string, lines: Lines, bought: ReadonlyMap<string, number> | null, requestId: string, at: number): Promise<boolean>;
  returned(order: string): Promise<Map<string, number>>;
  /** Whether the chain has an entry written for this request (its hold, for one not yet marked held). */
  holds(order: string, requestId: string): Promise<boolean>;
  /** Requests whose quantities were never marked held and whose filing call is past its time. */
  unheld(now: number, limit: number): Promise<ReturnRequestDoc[]>;
  /** Takes over an unheld request until `until` (one caller wins); null: held, or someone else has it. */
  claimUnheld(id: string, now: number, until: number): Promise<ReturnRequestDoc | null>;
  markHeld(id: string): Promise<void>;
  policy(siteId: SiteId): Promise<ReturnPolicyDoc | null>;
  setPolicy(doc: ReturnPolicyDoc): Promise<void>;
}

/** Lost races for one slot before giving up: far more than one order's parallel returns. */
const MAX_ATTEMPTS = 100;

export async function returnRepository(db: Database): Promise<ReturnRepository> {
  const requests = await db.collection<ReturnRequestDoc>('return_requests', [
    { name: 'action_key', keys: { actionKey: 1 } },
    { name: 'site_return', keys: { siteId: 1, returnId: 1 } },
    { name: 'visitor', keys: { visitorId: 1, createdAt: -1 } },
    { name: 'site_customer', keys: { siteId: 1, customerId: 1, createdAt: -1 } },
    { name: 'conversation', keys: { conversationId: 1, createdAt: -1 } },
    { name: 'unheld', keys: { held: 1, holdUntil: 1 } },
  ]);
  const chain = await db.collection<ReturnedLinesDoc>('returned_lines', [
    { name: 'order_n', keys: { order: 1, n: -1 } },
    { name: 'order_request', keys: { order: 1, requestId: 1 } },
  ]);
  const policies = await db.collection<ReturnPolicyDoc>('return_policies', []);

  const head = async (order: string) => (await chain.find({ order }, { sort: { n: -1 }, limit: 1 }))[0] ?? null;
  const asMap = (doc: ReturnedLinesDoc | null) => new Map((doc?.returned ?? []).map((l) => [l.lineId, l.quantity]));
  const newest = { sort: { createdAt: -1 as const }, limit: 200 };

  return {
    insert: async (doc) => {
      try {
        await requests.insertOne(doc);
        return true;
      } catch (err) {
        if (err instanceof DuplicateKeyError) return false;
        throw err;
      }
    },
    byId: (id) => requests.findOne({ _id: id }),
    byActionKey: (key) => requests.findOne({ actionKey: key }),
    byReturnId: (siteId, returnId) => requests.findOne({ siteId, returnId }),
    advance: (id, from, set, step) =>
      requests.findOneAndUpdate({ _id: id, stage: { $in: [...from] } }, { $set: set, ...(step ? { $push: { steps: step } } : {}) } as Update),
    remove: (id) => requests.deleteOne({ _id: id }).then(() => {}),
    forVisitor: (siteId, visitorId, customerId) =>
      customerId === null ? requests.find({ visitorId }, newest) : requests.find({ siteId, customerId }, newest),
    forConversation: (conversationId) => requests.find({ conversationId }, newest),
    reserveLines: async (order, lines, bought, requestId, at) => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const last = await head(order);
        const totals = asMap(last);
        for (const { lineId, quantity } of lines) totals.set(lineId, Math.max(0, (totals.get(lineId) ?? 0) + quantity));
        if (bought && lines.some(({ lineId }) => (totals.get(lineId) ?? 0) > (bought.get(lineId) ?? 0))) return false;
        const n = (last?.n ?? 0) + 1;
        try {
          await chain.insertOne({ _id: `${order}#${n}`, order, n, returned: [...totals].map(([lineId, quantity]) => ({ lineId, quantity })), requestId, at });
          return true;
        } catch (err) {
          if (!(err instanceof DuplicateKeyError)) throw err;
        }
      }
      throw new Error(`returned lines ${order}: too much contention`);
    },
    returned: async (order) => asMap(await head(order)),
    holds: async (order, requestId) => (await chain.findOne({ order, requestId })) !== null,
    unheld: (now, limit) => requests.find({ held: false, holdUntil: { $lt: now } }, { sort: { holdUntil: 1 }, limit }),
    claimUnheld: (id, now, until) => requests.findOneAndUpdate({ _id: id, held: false, holdUntil: { $lt: now } }, { $set: { holdUntil: until } }),
    markHeld: (id) => requests.updateOne({ _id: id }, { $set: { held: true } }).then(() => {}),
    policy: (siteId) => policies.findOne({ _id: siteId }),
    setPolicy: async (doc) => {
      const matched = await policies.updateOne({ _id: doc._id }, { $set: { policy: doc.policy, updatedAt: doc.updatedAt } });
      if (matched > 0) return;
      try {
        await policies.insertOne(doc);
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
        await policies.updateOne({ _id: doc._id }, { $set: { policy: doc.policy, updatedAt: doc.updatedAt } });
      }
    },
  };
}
