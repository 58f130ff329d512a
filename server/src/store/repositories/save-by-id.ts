import type { DocCollection } from '../collection.js';
import { DuplicateKeyError } from '../errors.js';

/**
 * Writes a settings-like document whole, creating it on first save. Update first (the usual
 * case); a first save racing another node's loses the insert and updates what won instead.
 */
export async function saveById<T extends { _id: string }>(collection: DocCollection<T>, doc: T): Promise<void> {
  const { _id, ...fields } = doc;
  if ((await collection.updateOne({ _id }, { $set: fields })) === 1) return;
  try {
    await collection.insertOne(doc);
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    await collection.updateOne({ _id }, { $set: fields });
  }
}
