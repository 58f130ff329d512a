import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * One process per data folder: a lock file holding the owner's pid. A lock left by a process
 * that is gone (a crash) is taken over; one held by a live process fails with a clear error.
 */
export async function takeLock(lockFile: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      if (pid && pid !== process.pid && alive(pid)) {
        throw new Error(`data folder ${path.dirname(lockFile)} is in use by process ${pid}`);
      }
      // Left by a process that is gone (or by this one, in tests): take it over.
      await unlink(lockFile).catch(() => {});
    }
  }
  throw new Error(`could not lock ${lockFile}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
