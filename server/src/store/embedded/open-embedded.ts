import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import type { Database, Doc, DocCollection, IndexSpec } from '../collection.js';
import { StoreUnavailableError } from '../errors.js';
import { Journal, replay, type JournalRecord } from './journal.js';
import { NedbCollection } from './nedb-collection.js';

export interface EmbeddedOptions {
  /** fdatasync each batch of writes before acknowledging it (default true). */
  fsync?: boolean;
  /** Rewrite the journal once this many bytes were appended since the last rewrite. */
  compactAfterBytes?: number;
}

const JOURNAL = 'journal.ndjson';
const LOCK = 'LOCK';

/**
 * The embedded default: documents in memory (nedb, which speaks MongoDB's query and update
 * language), every change appended to one journal file in `dataDir` and acknowledged once
 * it is on disk. Survives restarts, crashes and (with fsync, the default) power cuts.
 * One process per data folder, enforced by a lock file.
 */
export async function openEmbedded(dataDir: string, options: EmbeddedOptions = {}): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, LOCK);
  await takeLock(lockFile);
  const file = path.join(dataDir, JOURNAL);
  let loaded: Map<string, Map<string, Doc>>;
  let journal: Journal;
  try {
    loaded = await replay(file);
    journal = await Journal.open(file, { fsync: options.fsync ?? true });
  } catch (err) {
    await unlink(lockFile).catch(() => {});
    throw err;
  }
  const collections = new Map<string, NedbCollection<Doc>>();
  const compactAfter = options.compactAfterBytes ?? 64 * 1024 * 1024;
  let compacting: Promise<void> | null = null;
  let closed = false;

  const snapshot = (): JournalRecord[] => {
    const records: JournalRecord[] = [];
    for (const [name, coll] of collections) for (const doc of coll.all()) records.push({ c: name, put: doc });
    // Collections not opened in this run keep their documents too.
    for (const [name, docs] of loaded) if (!collections.has(name)) for (const doc of docs.values()) records.push({ c: name, put: doc });
    return records;
  };
  const compact = async () => {
    compacting ??= journal.compact(snapshot).finally(() => (compacting = null));
    await compacting;
  };
  const timer = setInterval(() => {
    if (journal.appendedBytes > compactAfter) void compact().catch(() => {});
  }, 10_000);
  timer.unref();

  return {
    kind: 'embedded',
    async collection<T extends Doc>(name: string, indexes: IndexSpec[]): Promise<DocCollection<T>> {
      let coll = collections.get(name) as NedbCollection<T> | undefined;
      if (!coll) {
        const ds = new Datastore<T>({ inMemoryOnly: true });
        const docs = loaded.get(name);
        if (docs?.size) await ds.insertAsync([...docs.values()] as T[]);
        loaded.delete(name);
        coll = new NedbCollection<T>(name, ds, journal);
        collections.set(name, coll as unknown as NedbCollection<Doc>);
      }
      await coll.ensureIndexes(indexes);
      return coll;
    },
    async ping() {
      if (closed) throw new StoreUnavailableError(new Error('embedded store closed'));
      if (journal.failed) throw new StoreUnavailableError(journal.failed);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      // Leave a compact file behind so the next start loads quickly.
      await compact().catch(() => {});
      await journal.close();
      await unlink(lockFile).catch(() => {});
    },
  };
}

/** One process per data folder: a second one would interleave journal writes. */
async function takeLock(lockFile: string): Promise<void> {
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
