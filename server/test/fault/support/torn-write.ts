/**
 * A crash in the middle of a write: the store's newest file ends in part of a record that was
 * never acknowledged. For a line-based journal that is the first half of a copy of its last
 * line, with no newline; for a binary log (SQLite's -wal) the first half of a copy of its last
 * 4 KiB page frame. What was acknowledged before stays intact: a disk that loses fsynced
 * bytes is not a torn write, and no store could pass that test.
 */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Never the store's write log: the admin's first-run credentials, SQLite's shared-memory index. */
const NOT_A_LOG = [/credentials/i, /-shm$/, /\.lock$/];
const FRAME = 4096 + 24;

async function newestFile(dir: string): Promise<string> {
  let best: { file: string; mtime: number } | null = null;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || NOT_A_LOG.some((re) => re.test(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs, size } = await stat(file);
    if (size > 0 && (!best || mtimeMs > best.mtime)) best = { file, mtime: mtimeMs };
  }
  if (!best) throw new Error(`no store file in ${dir}`);
  return best.file;
}

/** Appends a torn record to the newest file; returns which file and how many bytes. */
export async function tearNewestFile(dir: string): Promise<{ file: string; bytes: number }> {
  const file = await newestFile(dir);
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 256 * 1024);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let fragment: Buffer;
    if (tail.at(-1) === 0x0a) {
      const lastLine = tail.subarray(tail.lastIndexOf(0x0a, tail.length - 2) + 1, tail.length - 1);
      fragment = lastLine.subarray(0, Math.max(1, Math.floor(lastLine.length / 2)));
    } else {
      const frame = tail.subarray(Math.max(0, tail.length - FRAME));
      fragment = frame.subarray(0, Math.max(1, Math.floor(frame.length / 2)));
    }
    await handle.write(fragment, 0, fragment.length, size);
    await handle.sync();
    return { file: path.basename(file), bytes: fragment.length };
  } finally {
    await handle.close();
  }
}
