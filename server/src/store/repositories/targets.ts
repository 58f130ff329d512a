/**
 * Response targets (issue 14, item 4): the conversations whose shopper waits, the breaches
 * recorded for the reports, and the marks of escalations done. Breaches and marks are
 * insert-once documents with a derived `_id`, so several nodes sweeping at once record a
 * breach and escalate a wait exactly once on every backend, FerretDB v1 (whose updates are
 * not atomic) included.
 */
import type { SiteId } from '@counter/shared';
import type { Database, Filter } from '../collection.js';
import type { BreachDoc, ConversationDoc, EscalationMarkDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export interface BreachQuery {
  /** null: every site (the owner). */
  siteIds: readonly SiteId[] | null;
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

export interface TargetRepository {
  /** Open conversations whose shopper has waited for a reply since within [from, to], oldest first. */
  awaiting(from: number, to: number, limit: number): Promise<ConversationDoc[]>;
  /** true: this call recorded it; false: it was recorded already (by this node or another). */
  recordBreach(breach: BreachDoc): Promise<boolean>;
  /** true: this caller escalates the wait; false: someone already did. */
  claimEscalation(mark: EscalationMarkDoc): Promise<boolean>;
  /** Newest first, by the site + time index. */
  breaches(query: BreachQuery): Promise<BreachDoc[]>;
}

async function insertOnce<T extends { _id: string }>(insert: (doc: T) => Promise<void>, doc: T): Promise<boolean> {
  try {
    await insert(doc);
    return true;
  } catch (err) {
    if (err instanceof DuplicateKeyError) return false;
    throw err;
  }
}

export async function targetRepository(db: Database): Promise<TargetRepository> {
  // The conversations' own repository created the (status, awaitingReplySince) index this walks.
  const conversations = await db.collection<ConversationDoc>('conversations', []);
  const breaches = await db.collection<BreachDoc>('breaches', [{ name: 'site_at', keys: { siteId: 1, at: -1 } }]);
  const marks = await db.collection<EscalationMarkDoc>('escalation_marks', [{ name: 'at', keys: { at: 1 } }]);
  return {
    awaiting: (from, to, limit) =>
      conversations.find(
        { status: { $in: ['waiting', 'assigned'] }, awaitingReplySince: { $ne: null, $gte: from, $lte: to } },
        { sort: { awaitingReplySince: 1 }, limit },
      ),
    recordBreach: (breach) => insertOnce((d) => breaches.insertOne(d), breach),
    claimEscalation: (mark) => insertOnce((d) => marks.insertOne(d), mark),
    breaches: ({ siteIds, from, to, limit }) => {
      const all: Filter[] = [];
      if (siteIds) all.push({ siteId: { $in: [...siteIds] } });
      if (from !== undefined) all.push({ at: { $gte: from } });
      if (to !== undefined) all.push({ at: { $lte: to } });
      return breaches.find(all.length ? { $and: all } : {}, { sort: { at: -1 }, limit });
    },
  };
}
