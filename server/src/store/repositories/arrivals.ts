/**
 * Shopper arrivals (conversations created) per site over time: what the peak forecast
 * (issue 15 item 5) reads. One indexed count per window, on both adapters, instead of loading
 * conversations: the forecast asks a few dozen windows a minute per watched site.
 */
import type { SiteId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { ConversationDoc } from '../documents.js';

export interface ArrivalRepository {
  /** Conversations of the site created in [from, to). */
  count(siteId: SiteId, from: number, to: number): Promise<number>;
  /** The site's first conversation's creation time; null without any. */
  first(siteId: SiteId): Promise<number | null>;
}

export async function arrivalRepository(db: Database): Promise<ArrivalRepository> {
  // The same collection as the conversation repository; this index serves the range counts.
  const conversations = await db.collection<ConversationDoc>('conversations', [
    { name: 'site_created', keys: { siteId: 1, createdAt: 1 } },
  ]);
  return {
    count: (siteId, from, to) => conversations.count({ siteId, createdAt: { $gte: from, $lt: to } }),
    async first(siteId) {
      const doc = await conversations.findOne({ siteId }, { sort: { createdAt: 1 }, projection: { createdAt: 1 } });
      return doc?.createdAt ?? null;
    },
  };
}
