/**
 * Imports a data folder written by the embedded store before SQLite (one `journal.ndjson`
 * of put/set/unset/del records) on its first start: once, in one transaction, then renames
 * the journal aside (kept, not deleted). A crash before the rename is safe: the import is
 * recorded in the same transaction, so the next start only renames.
 *
 * Journal records: `{"c":collection,"put":doc}`, `{"c":collection,"set":{_id,...fields},
 * "unset":[fields]}` and `{"c":collection,"del":id}`. The last line may be torn by a crash
 * mid-write (never acknowledged): it is skipped; a bad line before it is corruption.
 */
import { createReadStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Doc } from '../collection.js';
import type { SqliteEngine } from './sqlite-engine.js';
import { createTableSql, tableName } from './sql-query.js';
import { META_TABLE } from './write-op.js';

export const JOURNAL = 'journal.ndjson';
const IMPORTED_KEY = 'journal_imported';

type JournalRecord = { c: string; put: Doc } | { c: string; set: Doc; unset?: string[] } | { c: string; del: string };

async function replay(file: string): Promise<Map<string, Map<string, Doc>>> {
  const collections = new Map<string, Map<string, Doc>>();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let torn: number | null = null;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line) continue;
    if (torn !== null) throw new Error(`${file}: line ${torn} is corrupt (not the last line); the journal was not imported`);
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
      if (typeof record?.c !== 'string') throw new Error('no collection');
    } catch {
      torn = lineNo;
      continue;
    }
    let docs = collections.get(record.c);
    if (!docs) collections.set(record.c, (docs = new Map()));
    if ('put' in record) docs.set(record.put._id, record.put);
    else if ('set' in record) {
      const doc = docs.get(record.set._id) as Record<string, unknown> | undefined;
      // An update follows its document's put; without it, the document was deleted since.
      if (!doc) continue;
      Object.assign(doc, record.set);
      for (const field of record.unset ?? []) delete doc[field];
    } else docs.delete(record.del);
  }
  return collections;
}

/** Returns the documents imported per collection, or null when there was no journal to import. */
export async function importJournal(engine: SqliteEngine, dataDir: string): Promise<Record<string, number> | null> {
  const file = path.join(dataDir, JOURNAL);
  if (!(await stat(file).catch(() => null))) return null;
  const done = engine.get(`SELECT value FROM ${META_TABLE} WHERE key = ?`, [IMPORTED_KEY], true);
  let counts: Record<string, number> = {};
  if (done === undefined) {
    const collections = await replay(file);
    engine.db.transaction(() => {
      for (const [name, docs] of collections) {
        engine.db.exec(createTableSql(name));
        const insert = engine.db.prepare(`INSERT OR REPLACE INTO ${tableName(name)} (id, doc) VALUES (?, ?)`);
        for (const doc of docs.values()) insert.run(doc._id, JSON.stringify(doc));
        counts[name] = docs.size;
      }
      engine.run(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?)`, [IMPORTED_KEY, JSON.stringify(counts)]);
    }).immediate();
  } else {
    counts = JSON.parse(String(done)) as Record<string, number>;
  }
  const aside = `${file}.imported-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  engine.log.info(
    { file, keptAs: aside, documents: counts },
    `embedded store: imported the old journal into SQLite (${Object.values(counts).reduce((a, b) => a + b, 0)} documents)`,
  );
  return counts;
}
