/**
 * Files too large for a document (attachments): named byte strings in a bucket. The embedded
 * store keeps them as files in the data folder (embedded/file-blobs.ts), MongoDB in GridFS
 * (mongo/gridfs-blobs.ts). Names are chosen by the server, never by a client.
 */
export interface BlobInfo {
  name: string;
  /** Epoch ms the blob was written (file mtime, GridFS uploadDate). */
  writtenAt: number;
}

export interface BlobStore {
  /** Resolves once the bytes are durable; a name is written once. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** null: no such blob. */
  read(name: string): Promise<Buffer | null>;
  /** Deleting a missing blob is not an error. */
  delete(name: string): Promise<void>;
  /** Every blob, for the orphan sweep. */
  list(): Promise<BlobInfo[]>;
}

/** Server-made names only (ids, a suffix): nothing that could climb out of a folder. */
const SAFE_NAME = /^[A-Za-z0-9_-]{1,64}(\.[a-z]{1,8})?$/;

export function checkBlobName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`invalid blob name ${JSON.stringify(name)}`);
  return name;
}
