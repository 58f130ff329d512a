/**
 * Blobs as files in the data folder. A write goes to a temporary file that is fsynced and
 * then renamed into place (and the folder fsynced), so a crash leaves either the whole file
 * or a temporary one, never a torn file under a real name; the attachment's record is
 * written only after this resolves. Temporary files and files without a record are removed
 * by the attachment sweep (list() reports both; a temporary name matches no record).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { checkBlobName, type BlobInfo, type BlobStore } from '../blobs.js';

/** A valid blob name whose id no record has, so the sweep removes one left by a crash. */
const tempName = () => `tmp-${randomBytes(8).toString('hex')}.part`;

async function fsyncPath(file: string, flags: 'r' | 'r+'): Promise<void> {
  const handle = await open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export async function fileBlobs(dir: string, fsync: boolean): Promise<BlobStore> {
  await mkdir(dir, { recursive: true });
  return {
    async write(name, bytes) {
      const target = path.join(dir, checkBlobName(name));
      const temp = path.join(dir, tempName());
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        if (fsync) await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
      // The rename itself is durable only once the folder's entry is.
      if (fsync) await fsyncPath(dir, 'r');
    },
    async read(name) {
      try {
        return await readFile(path.join(dir, checkBlobName(name)));
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },
    async delete(name) {
      await unlink(path.join(dir, checkBlobName(name))).catch((err: unknown) => {
        if (!missing(err)) throw err;
      });
    },
    async list() {
      const found: BlobInfo[] = [];
      for (const name of await readdir(dir)) {
        const info = await stat(path.join(dir, name)).catch((err: unknown) => {
          if (missing(err)) return null; // deleted meanwhile
          throw err;
        });
        if (info?.isFile()) found.push({ name, writtenAt: info.mtimeMs });
      }
      return found;
    },
  };
}
