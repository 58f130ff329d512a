import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import type { Database, Doc, DocCollection, IndexSpec } from '../collection.js';
import { NedbCollection } from './nedb-collection.js';

/** nedb appends every write to its file; compaction rewrites the file without history. */
const COMPACT_EVERY_MS = 15 * 60 * 1000;

/**
 * The embedded default: one append-only file per collection in `dataDir`, loaded into memory
 * at start. A write is acknowledged once it is appended to the file, so it survives a process
 * restart or crash (not a power cut before the OS flushes: use MongoDB for that).
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const stores = new Map<string, Datastore<Doc>>();
  let closed = false;

  return {
    kind: 'embedded',
    async collection<T extends Doc>(name: string, indexes: IndexSpec[]): Promise<DocCollection<T>> {
      let ds = stores.get(name) as Datastore<T> | undefined;
      if (!ds) {
        ds = new Datastore<T>({ filename: path.join(dataDir, `${name}.db`) });
        await ds.loadDatabaseAsync();
        ds.setAutocompactionInterval(COMPACT_EVERY_MS);
        stores.set(name, ds as unknown as Datastore<Doc>);
      }
      for (const index of indexes) {
        const fields = Object.keys(index.keys);
        await ds.ensureIndexAsync({ fieldName: fields.length === 1 ? fields[0]! : fields, unique: index.unique ?? false });
        // MongoDB answers a query on a compound index's first field from that index; nedb
        // only uses a compound index when every field is in the query. Index the prefix too.
        if (fields.length > 1) await ds.ensureIndexAsync({ fieldName: fields[0]! });
      }
      return new NedbCollection<T>(name, ds);
    },
    async ping() {
      if (closed) throw new Error('embedded store closed');
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const ds of stores.values()) {
        ds.stopAutocompaction();
        // Compact so the next start loads a short file; pending writes finish first (same queue).
        await ds.compactDatafileAsync();
      }
      stores.clear();
    },
  };
}
