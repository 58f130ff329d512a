/**
 * The shopper's NPS answer (issue 15 leftovers), stored on the conversation (`nps`, which the
 * report engines already count) once: the write's filter only matches while none is stored.
 */
import type { ConversationId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { ConversationDoc } from '../documents.js';

export interface NpsAnswerRepository {
  /** Stores the answer if none is; returns the conversation as stored after (null: not resolved, or gone). */
  answer(id: ConversationId, score: number, at: number): Promise<ConversationDoc | null>;
}

export async function npsAnswerRepository(db: Database): Promise<NpsAnswerRepository> {
  // The conversation repository's collection; no index of its own (by _id).
  const conversations = await db.collection<ConversationDoc>('conversations', []);
  return {
    async answer(id, score, at) {
      // `nps: null` matches a missing field too, on both adapters.
      const stored = await conversations.findOneAndUpdate({ _id: id, status: 'resolved', nps: null }, { $set: { nps: score, updatedAt: at } });
      return stored ?? conversations.findOne({ _id: id });
    },
  };
}
