/**
 * Blobs in GridFS (the driver's GridFSBucket): chunks of 255 KB in `<bucket>.chunks`, one
 * entry per file in `<bucket>.files`, both written with w: "majority" so a write resolves
 * only once durable. The database comes from the current client (the watchdog may replace it).
 *
 * The driver writes a file's chunks first and its `files` entry last, so an upload cut off by a
 * crash leaves chunks that no entry names. list() reports each such group as `partial-<id>`
 * (dated by its ObjectId), so the attachment sweep removes them like any file without a record.
 */
import { GridFSBucket, ObjectId, type Db } from 'mongodb';
import { checkBlobName, type BlobInfo, type BlobStore } from '../blobs.js';
import { translateError } from './mongo-collection.js';

export function gridfsBlobs(db: () => Db, bucketName: string): BlobStore {
  const bucket = () => new GridFSBucket(db(), { bucketName, writeConcern: { w: 'majority' } });
  const ids = async (name: string) =>
    (await bucket().find({ filename: checkBlobName(name) }, { projection: { _id: 1 } }).toArray()).map((f) => f._id);
  const PARTIAL = /^partial-([0-9a-f]{24})$/;
  /** Chunks whose file entry never came: distinct() reads them from the (files_id, n) index. */
  const partials = async (): Promise<BlobInfo[]> => {
    const chunkIds: unknown[] = await db().collection(`${bucketName}.chunks`).distinct('files_id');
    if (chunkIds.length === 0) return [];
    const named = new Set(
      (await bucket().find({}, { projection: { _id: 1 } }).toArray()).map((f) => String(f._id)),
    );
    return chunkIds
      .filter((id): id is ObjectId => id instanceof ObjectId && !named.has(String(id)))
      .map((id) => ({ name: `partial-${id.toHexString()}`, writtenAt: id.getTimestamp().getTime() }));
  };
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw translateError(`${bucketName}.files`, err);
    }
  };

  return {
    write: (name, bytes) =>
      guarded(
        () =>
          new Promise<void>((resolve, reject) => {
            const upload = bucket().openUploadStream(checkBlobName(name));
            upload.once('error', reject);
            upload.once('finish', () => resolve());
            upload.end(bytes);
          }),
      ),
    read: (name) =>
      guarded(async () => {
        const [id] = await ids(name);
        if (id === undefined) return null;
        const parts: Buffer[] = [];
        for await (const chunk of bucket().openDownloadStream(id)) parts.push(chunk as Buffer);
        return Buffer.concat(parts);
      }),
    delete: (name) =>
      guarded(async () => {
        const partial = PARTIAL.exec(checkBlobName(name));
        if (partial) {
          await db().collection(`${bucketName}.chunks`).deleteMany({ files_id: new ObjectId(partial[1]) });
          return;
        }
        for (const id of await ids(name)) await bucket().delete(id);
      }),
    list: () =>
      guarded(async () => [
        ...(await bucket().find({}, { projection: { filename: 1, uploadDate: 1 } }).toArray()).map((f) => ({
          name: f.filename,
          writtenAt: f.uploadDate.getTime(),
        })),
        ...(await partials()),
      ]),
  };
}
