/**
 * The 72-hour came-back figure (issue 13, item 5): of the conversations the bot resolved
 * (the shopper confirmed it, or got an article and said nothing more), how many
 * shoppers opened another conversation within the window after the bot's answer. A high
 * share means "resolved" was not.
 *
 * Written over the collection slice, so both stores answer it the same way: three bounded
 * reads (records, their conversations, the same shoppers' later conversations), joined here.
 */
import type { ConversationId, SiteId, VisitorId } from '@counter/shared';
import type { Database, DocCollection } from '../collection.js';
import type { BotRecordDoc, ConversationDoc } from '../documents.js';

export interface CameBack {
  /** Conversations the bot resolved: confirmed plus "no reply, assumed". */
  resolved: number;
  /** Of those, the shopper opened a new conversation within the window. */
  cameBack: number;
}

/** `$in` lists stay this short: SQLite bounds a statement's parameters. */
const BATCH = 500;

type Brief = Pick<ConversationDoc, '_id' | 'visitorId' | 'createdAt'>;
const BRIEF = { _id: 1, visitorId: 1, createdAt: 1 } as const;

/** Confirmed, or answered with an article and then silence; "no answer found" resolves nothing. */
const resolvedByBot = (r: BotRecordDoc) => r.handoffAt === null && (r.confirmed === true || (r.confirmed === null && r.answered.length > 0));
/** A confirmation is the moment it resolved; a silent shopper's conversation, its start. */
const resolvedAt = (r: BotRecordDoc) => r.confirmedAt ?? r.startedAt;

async function inBatches<T>(values: readonly string[], read: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += BATCH) out.push(...(await read(values.slice(i, i + BATCH))));
  return out;
}

export async function cameBackReader(db: Database, records: DocCollection<BotRecordDoc>) {
  const conversations = await db.collection<ConversationDoc>('conversations', []);
  return async (siteId: SiteId, since: number, limit: number, windowMs: number): Promise<CameBack> => {
    const resolved = (await records.find({ siteId, startedAt: { $gte: since } }, { sort: { startedAt: -1 }, limit })).filter(resolvedByBot);
    if (resolved.length === 0) return { resolved: 0, cameBack: 0 };
    const own = await inBatches(resolved.map((r) => r._id), (ids) =>
      conversations.find({ _id: { $in: ids } }, { projection: BRIEF }) as Promise<Brief[]>,
    );
    const byId = new Map(own.map((c) => [c._id, c]));
    const earliest = Math.min(...own.map((c) => c.createdAt));
    const later = await inBatches([...new Set(own.map((c) => c.visitorId))], (visitorIds) =>
      conversations.find({ visitorId: { $in: visitorIds }, createdAt: { $gt: earliest } }, { projection: BRIEF }) as Promise<Brief[]>,
    );
    const laterOf = new Map<VisitorId, Brief[]>();
    for (const c of later) laterOf.set(c.visitorId, [...(laterOf.get(c.visitorId) ?? []), c]);
    let cameBack = 0;
    for (const record of resolved) {
      const conversation = byId.get(record._id as ConversationId);
      if (!conversation) continue;
      const until = resolvedAt(record) + windowMs;
      const again = (laterOf.get(conversation.visitorId) ?? []).some(
        (c) => c._id !== conversation._id && c.createdAt > conversation.createdAt && c.createdAt <= until,
      );
      if (again) cameBack++;
    }
    return { resolved: resolved.length, cameBack };
  };
}
