/** Article candidates mined from resolved conversations (issue 13 leftovers), per site. */
import type { SiteId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { CandidateDoc, ConversationDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export interface CandidateRepository {
  /** Waiting for review (not dismissed), most asked first. */
  list(siteId: SiteId, limit: number): Promise<CandidateDoc[]>;
  /** A mining run's result becomes the site's review queue; dismissed ones are left as they are. */
  replace(siteId: SiteId, docs: CandidateDoc[]): Promise<void>;
  dismissedIds(siteId: SiteId): Promise<Set<string>>;
  /** False when the site has no such candidate. */
  dismiss(siteId: SiteId, id: string): Promise<boolean>;
  /** An article now answers these (ids as unanswered questions'): they leave the queue. */
  dropAnswered(ids: readonly string[]): Promise<void>;
  /** The site's conversations a person resolved, most recent first: what mining reads. */
  resolvedByPeople(siteId: SiteId, limit: number): Promise<Pick<ConversationDoc, '_id' | 'resolvedAt'>[]>;
}

export async function candidateRepository(db: Database): Promise<CandidateRepository> {
  const candidates = await db.collection<CandidateDoc>('kb_candidates', [{ name: 'site_dismissed_count', keys: { siteId: 1, dismissed: 1, count: -1 } }]);
  const conversations = await db.collection<ConversationDoc>('conversations', [{ name: 'site_status_resolved', keys: { siteId: 1, status: 1, resolvedAt: -1 } }]);
  return {
    list: (siteId, limit) => candidates.find({ siteId, dismissed: false }, { sort: { count: -1, lastAt: -1 }, limit }),
    async replace(siteId, docs) {
      // No transactions on FerretDB v1: each document is written on its own, so two nodes
      // mining at once each leave a whole, current queue.
      for (const doc of docs) {
        const { _id, ...fields } = doc;
        if ((await candidates.updateOne({ _id, siteId, dismissed: false }, { $set: fields })) === 1) continue;
        try {
          await candidates.insertOne(doc);
        } catch (err) {
          if (!(err instanceof DuplicateKeyError)) throw err; // Dismissed meanwhile, or inserted by another node.
        }
      }
      await candidates.deleteMany({ siteId, dismissed: false, _id: { $nin: docs.map((d) => d._id) } });
    },
    dismissedIds: async (siteId) => new Set((await candidates.find({ siteId, dismissed: true }, { projection: { _id: 1 } })).map((d) => d._id)),
    dismiss: async (siteId, id) => (await candidates.updateOne({ _id: id, siteId }, { $set: { dismissed: true } })) === 1,
    async dropAnswered(ids) {
      if (ids.length > 0) await candidates.deleteMany({ _id: { $in: [...ids] } });
    },
    resolvedByPeople: (siteId, limit) =>
      conversations.find(
        { siteId, status: 'resolved', assignedAt: { $ne: null } },
        { sort: { resolvedAt: -1 }, limit, projection: { _id: 1, resolvedAt: 1 } },
      ) as Promise<Pick<ConversationDoc, '_id' | 'resolvedAt'>[]>,
  };
}
