import type { AttachmentId, UploadKey } from '@counter/shared';
import type { BlobStore } from '../blobs.js';
import type { Database } from '../collection.js';
import type { AttachmentDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export type AttachmentVariant = 'original' | 'thumb';

export interface AttachmentFiles {
  original: Uint8Array;
  thumb: Uint8Array | null;
}

/**
 * Attachments on either backend: the bytes as blobs (GridFS or files in the data folder),
 * the record as a document. The record is written only once the bytes are durable, so a
 * record always has its files; a crash in between leaves files without a record, which
 * sweepOrphans removes.
 */
export interface AttachmentStore {
  /**
   * Stores the files, then the record. A record with the same (conversation, uploader, key)
   * wins: its doc is returned with duplicate=true and this call's files are removed.
   */
  save(doc: AttachmentDoc, files: AttachmentFiles): Promise<{ doc: AttachmentDoc; duplicate: boolean }>;
  byId(id: AttachmentId): Promise<AttachmentDoc | null>;
  byKey(doc: Pick<AttachmentDoc, 'conversationId' | 'uploaderId' | 'key'>): Promise<AttachmentDoc | null>;
  read(id: AttachmentId, variant: AttachmentVariant): Promise<Buffer | null>;
  /** Removes files written before `before` that no record owns (crash between file and record). */
  sweepOrphans(before: number): Promise<number>;
}

const SUFFIX: Record<AttachmentVariant, string> = { original: '.orig', thumb: '.thumb' };
const blobName = (id: string, variant: AttachmentVariant) => `${id}${SUFFIX[variant]}`;
const idOfBlob = (name: string) => name.replace(/\.[a-z]+$/, '') as AttachmentId;

export async function attachmentRepository(db: Database): Promise<AttachmentStore> {
  const records = await db.collection<AttachmentDoc>('attachments', [
    { name: 'upload_key', keys: { conversationId: 1, uploaderId: 1, key: 1 }, unique: true },
  ]);
  const blobs: BlobStore = await db.blobs('attachments');
  const byKey: AttachmentStore['byKey'] = (q) =>
    records.findOne({ conversationId: q.conversationId, uploaderId: q.uploaderId, key: q.key });
  const removeFiles = async (id: AttachmentId) => {
    await blobs.delete(blobName(id, 'original'));
    await blobs.delete(blobName(id, 'thumb'));
  };

  return {
    async save(doc, files) {
      await blobs.write(blobName(doc._id, 'original'), files.original);
      if (files.thumb) await blobs.write(blobName(doc._id, 'thumb'), files.thumb);
      try {
        await records.insertOne(doc);
        return { doc, duplicate: false };
      } catch (err) {
        const first = err instanceof DuplicateKeyError ? await byKey(doc) : null;
        // Our files are nobody's now. Should removing them fail too, the sweep takes them later,
        // and the caller hears of it: a retry with the key then finds the first record.
        await removeFiles(doc._id).catch((cleanup: unknown) => {
          throw first ? cleanup : err;
        });
        if (!first) throw err;
        return { doc: first, duplicate: true };
      }
    },
    byId: (id) => records.findOne({ _id: id }),
    byKey,
    read: (id, variant) => blobs.read(blobName(id, variant)),
    async sweepOrphans(before) {
      let removed = 0;
      for (const blob of await blobs.list()) {
        if (blob.writtenAt >= before) continue; // maybe an upload whose record is being written
        if (await records.findOne({ _id: idOfBlob(blob.name) })) continue;
        await blobs.delete(blob.name);
        removed++;
      }
      return removed;
    },
  };
}
