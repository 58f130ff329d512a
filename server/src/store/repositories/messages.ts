import type { ClientMessageId, ConversationId } from '@counter/shared';
import type { Database, Filter } from '../collection.js';
import type { MessageDoc } from '../documents.js';

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
}

export async function messageRepository(db: Database): Promise<MessageRepository> {
  const messages = await db.collection<MessageDoc>('messages', [
    { name: 'conversation_seq', keys: { conversationId: 1, seq: 1 }, unique: true },
    { name: 'conversation_client', keys: { conversationId: 1, clientId: 1 }, unique: true },
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
  };
}
