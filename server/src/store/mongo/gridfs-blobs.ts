/**
 * Blobs in GridFS (the driver's GridFSBucket): chunks of 255 KB in `<bucket>.chunks`, one
 * entry per file in `<bucket>.files`, both written with w: "majority" so a write resolves
 * only once durable. The database comes from the current client (the watchdog may replace it).
 */
import { GridFSBucket, type Db } from 'mongodb';
import { checkBlobName, type BlobStore } from '../blobs.js';
import { translateError } from './mongo-collection.js';

export function gridfsBlobs(db: () => Db, bucketName: string): BlobStore {
  const bucket = () => new GridFSBucket(db(), { bucketName, writeConcern: { w: 'majority' } });
  const ids = async (name: string) =>
    (await bucket().find({ filename: checkBlobName(name) }, { projection: { _id: 1 } }).toArray()).map((f) => f._id);
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
        for (const id of await ids(name)) await bucket().delete(id);
      }),
    list: () =>
      guarded(async () =>
        (await bucket().find({}, { projection: { filename: 1, uploadDate: 1 } }).toArray()).map((f) => ({
          name: f.filename,
          writtenAt: f.uploadDate.getTime(),
        })),
      ),
  };
}
