import type { CannedReplyId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { CannedReplyDoc } from '../documents.js';

export interface CannedReplyRepository {
  /** Throws DuplicateKeyError when the shortcut is taken. */
  create(reply: CannedReplyDoc): Promise<void>;
  list(): Promise<CannedReplyDoc[]>;
  update(id: CannedReplyId, patch: Pick<CannedReplyDoc, 'shortcut' | 'title' | 'text' | 'updatedAt'>): Promise<CannedReplyDoc | null>;
  delete(id: CannedReplyId): Promise<boolean>;
}

export async function cannedReplyRepository(db: Database): Promise<CannedReplyRepository> {
  const replies = await db.collection<CannedReplyDoc>('canned_replies', [
    { name: 'shortcut', keys: { shortcut: 1 }, unique: true },
  ]);
  return {
    create: (reply) => replies.insertOne(reply),
    list: () => replies.find({}, { sort: { shortcut: 1 } }),
    update: (id, patch) => replies.findOneAndUpdate({ _id: id }, { $set: patch }),
    delete: async (id) => (await replies.deleteOne({ _id: id })) === 1,
  };
}
