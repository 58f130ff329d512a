/**
 * A small tmpfs as the data folder: a disk that can be filled, or shrunk under the store, for
 * real ENOSPC. Needs root (or CAP_SYS_ADMIN); where mounting is not allowed, says why.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, open, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Tmpfs {
  dir: string;
  /** Writes a file until the disk is full, to the last byte it accepts. */
  fill(name: string): Promise<number>;
  /** Sets the size limit: below the usage, every write that needs a new page fails. */
  resize(size: string): Promise<void>;
  usedKiB(): Promise<number>;
  unmount(): Promise<void>;
}

export async function mountTmpfs(size: string): Promise<Tmpfs | { skipped: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-tmpfs-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  } catch (err) {
    await rmdir(dir);
    return { skipped: `cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): ${(err as Error).message.split('\n')[0]}` };
  }
  return {
    dir,
    async fill(name) {
      const handle = await open(path.join(dir, name), 'a');
      let written = 0;
      try {
        for (let chunk = 64 * 1024; chunk >= 1; ) {
          try {
            written += (await handle.write(Buffer.alloc(chunk))).bytesWritten;
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
            chunk = Math.floor(chunk / 2);
          }
        }
      } finally {
        await handle.close();
      }
      return written;
    },
    async resize(newSize) {
      await run('mount', ['-o', `remount,size=${newSize}`, dir]);
    },
    async usedKiB() {
      const { stdout } = await run('df', ['--output=used', '-k', dir]);
      return Number(stdout.trim().split('\n').at(-1));
    },
    async unmount() {
      // lazy: a child process that still holds a file must not keep the mount (or the test) alive
      await run('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
