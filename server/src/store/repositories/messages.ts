import type { ClientMessageId, ConversationId } from '@counter/shared';
import type { Database, Filter } from '../collection.js';
import type { MessageDoc, MessageSearchFields } from '../documents.js';

export interface MessagePage {
  messages: MessageDoc[];
  hasMore: boolean;
}

export interface MessageRepository {
  /** Throws DuplicateKeyError on a taken (conversation, seq) or (conversation, clientId). */
  insert(message: MessageDoc): Promise<void>;
  byClientId(conversationId: ConversationId, clientId: ClientMessageId): Promise<MessageDoc | null>;
  lastSeq(conversationId: ConversationId): Promise<number>;
  /** Oldest first: the messages with seq > afterSeq. */
  after(conversationId: ConversationId, afterSeq: number, limit: number, withNotes: boolean): Promise<MessagePage>;
  /** Oldest first: the latest `limit` messages with seq < beforeSeq (or the latest at all). */
  before(conversationId: ConversationId, beforeSeq: number | null, limit: number, withNotes: boolean): Promise<MessagePage>;

  // ---- history and search (issue 16) ----
  /** Newest first: messages holding every key, strictly after `after` in that order. */
  search(query: MessageSearch): Promise<MessageDoc[]>;
  /** Messages whose keys are missing or older than `version` (the start-up backfill). */
  unkeyed(version: number, limit: number): Promise<MessageDoc[]>;
  /** Stores a message's keys unless a newer version already did (idempotent, any node). */
  setSearchKeys(id: MessageDoc['_id'], fields: Required<MessageSearchFields>): Promise<void>;
}

export interface MessageSearch {
  keys: string[];
  /** Staff only: a shopper-facing search passes false, and never sees a note. */
  withNotes: boolean;
  /** The (createdAt, id) of the last message of the previous page. */
  after: { at: number; id: string } | null;
  limit: number;
}

/** Newest first, ties broken by id: the order search pages follow and their cursors name. */
const NEWEST = { createdAt: -1, _id: -1 } as const;

/**
 * Strictly after (at, id) in NEWEST order. The `$lte` is implied by the `$or`; it is there so
 * both stores seek the sorted index to the cursor instead of walking it from the newest.
 */
export const afterPosition = (p: { at: number; id: string }, field: string): Filter => ({
  [field]: { $lte: p.at },
  $or: [{ [field]: { $lt: p.at } }, { _id: { $lt: p.id } }],
});

export async function messageRepository(db: Database): Promise<MessageRepository> {
  const messages = await db.collection<MessageDoc>('messages', [
    { name: 'conversation_seq', keys: { conversationId: 1, seq: 1 }, unique: true },
    { name: 'conversation_client', keys: { conversationId: 1, clientId: 1 }, unique: true },
    // MongoDB walks one key's entries newest first and stops at the page's end.
    { name: 'search_keys', keys: { searchKeys: 1, createdAt: -1, _id: -1 }, multikey: true },
    // The embedded store walks this one for a key common enough (see embedded/newest-first.ts).
    { name: 'newest', keys: NEWEST },
    { name: 'keys_version', keys: { keysVersion: 1 } },
  ]);

  const scope = (conversationId: ConversationId, withNotes: boolean, seq: Filter): Filter =>
    withNotes ? { conversationId, seq } : { conversationId, seq, kind: { $ne: 'note' } };

  return {
    insert: (message) => messages.insertOne(message),
    byClientId: (conversationId, clientId) => messages.findOne({ conversationId, clientId }),
    async lastSeq(conversationId) {
      const last = await messages.findOne({ conversationId }, { sort: { seq: -1 }, projection: { seq: 1 } });
      return last?.seq ?? 0;
    },
    async after(conversationId, afterSeq, limit, withNotes) {
      const found = await messages.find(scope(conversationId, withNotes, { $gt: afterSeq }), {
        sort: { seq: 1 },
        limit: limit + 1,
      });
      return { messages: found.slice(0, limit), hasMore: found.length > limit };
    },
    async before(conversationId, beforeSeq, limit, withNotes) {
      const found = await messages.find(
        scope(conversationId, withNotes, beforeSeq === null ? { $gte: 0 } : { $lt: beforeSeq }),
        { sort: { seq: -1 }, limit: limit + 1 },
      );
      return { messages: found.slice(0, limit).reverse(), hasMore: found.length > limit };
    },

    search: ({ keys, withNotes, after, limit }) => {
      if (!keys.length) return Promise.resolve([]);
      const filter: Filter = { searchKeys: { $all: keys } };
      if (!withNotes) filter.kind = { $ne: 'note' };
      if (after) Object.assign(filter, afterPosition(after, 'createdAt'));
      return messages.find(filter, { sort: NEWEST, limit });
    },
    unkeyed: (version, limit) =>
      messages.find({ $or: [{ keysVersion: null }, { keysVersion: { $lt: version } }] }, { limit }),
    async setSearchKeys(id, fields) {
      await messages.updateOne(
        { _id: id, $or: [{ keysVersion: null }, { keysVersion: { $lt: fields.keysVersion } }] },
        { $set: fields },
      );
    },
  };
}
