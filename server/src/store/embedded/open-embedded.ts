import { mkdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import type { Database, Doc, DocCollection, IndexSpec } from '../collection.js';
import { StoreUnavailableError } from '../errors.js';
import { fileBlobs } from './file-blobs.js';
import { GroupCommit } from './group-commit.js';
import { takeLock } from './lock.js';
import { importJournal } from './migrate-journal.js';
import { SqliteCollection } from './sqlite-collection.js';
import { SqliteEngine, applyPragmas, isUnavailable, type StatementHook, type StoreLog } from './sqlite-engine.js';
import { WriterClient } from './writer-client.js';
import { createIndexSql, createTableSql, multikeyIndexSql, multikeyTable, tableName } from './sql-query.js';
import { META_TABLE } from './write-op.js';
import type { SqlAccess } from '../reports/sqlite-report-engine.js';

export interface EmbeddedOptions {
  /**
   * true (default): synchronous=FULL, every acknowledged batch is fsynced and survives a
   * power cut. false: synchronous=NORMAL, still crash-safe for the process, but the last
   * batches before a power cut or kernel crash may be lost.
   */
  fsync?: boolean;
  log?: StoreLog;
  /** Sees every SQL statement run (tests check the query plans with it). */
  onStatement?: StatementHook;
  /**
   * Files up to this size are checked (`PRAGMA quick_check`) before the store opens; larger
   * ones after, in the writer thread, so the start-up does not grow with the history (the
   * check reads every page: ~1 s for 335 MB here). Default 64 MiB.
   */
  checkAtOpenBytes?: number;
}

const CHECK_AT_OPEN_BYTES = 64 * 2 ** 20;

export const DATABASE_FILE = 'counter.sqlite';
const LOCK = 'LOCK';

export interface EmbeddedDatabase extends Database {
  readonly file: string;
  /** A PRAGMA on the writer's connection (diagnostics; fault tests use max_page_count). */
  pragma(sql: string): Promise<unknown>;
  /** Reports (issue 15): DDL and reads on the reader connection (see reports/sqlite-report-engine.ts). */
  reportSql: SqlAccess;
}

const silent: StoreLog = { info() {}, warn() {}, error() {} };

const damaged = (file: string, reason: string) =>
  `embedded store: ${file} is damaged or unreadable (${reason}). Restore it from a backup, or move it aside to start empty.`;

/**
 * Opens the file in WAL mode and checks it (all of it when `fullCheck`, else its header and
 * schema); a damaged file fails with its name in the error.
 */
function openFile(file: string, fsync: boolean, fullCheck: boolean): Sqlite.Database {
  let db: Sqlite.Database | undefined;
  try {
    db = new Sqlite(file);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch to WAL mode (${String(mode)})`);
    applyPragmas(db, fsync);
    if (fullCheck) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`PRAGMA quick_check: ${String(check)}`);
    } else {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    }
    db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
    return db;
  } catch (err) {
    db?.close();
    throw new Error(damaged(file, err instanceof Error ? err.message : String(err)), { cause: err });
  }
}

/** The checked connection, with an old journal imported into it. */
async function openEngine(dataDir: string, file: string, options: EmbeddedOptions, fullCheck: boolean): Promise<SqliteEngine> {
  const engine = new SqliteEngine(openFile(file, options.fsync ?? true, fullCheck), file, options.log ?? silent, options.onStatement);
  try {
    await importJournal(engine, dataDir);
    // From here this connection only reads and creates tables and indexes (idempotent, redone
    // at every start): no fsync per statement. The writer thread's connection keeps FULL.
    engine.db.pragma('synchronous = NORMAL');
    return engine;
  } catch (err) {
    engine.db.close();
    throw err;
  }
}

/**
 * The whole-file check of a large database, after the start (writes wait behind it in the
 * writer thread, reads do not): a damaged file is reported once, loudly, with its name; its
 * damaged pages then fail their reads and writes as unavailable.
 */
function checkLater(writerThread: WriterClient, file: string, log: StoreLog, closed: () => boolean): void {
  const t0 = performance.now();
  writerThread.pragma('quick_check').then(
    (rows) => {
      const result = (rows as { quick_check: string }[]).map((r) => r.quick_check);
      if (result.join() === 'ok') log.info({ file, ms: Math.round(performance.now() - t0) }, 'embedded store: quick_check ok');
      else log.error({ file, quickCheck: result.slice(0, 10) }, damaged(file, 'PRAGMA quick_check after start'));
    },
    (err: unknown) => {
      if (!closed()) log.error({ err, file }, damaged(file, 'PRAGMA quick_check after start failed'));
    },
  );
}

/**
 * A multikey index (see sql-query.ts): FTS5 table and triggers in one transaction with the
 * copy of the elements already stored, so a write never falls between the copy and the
 * triggers. A data folder of the first design loses its (key, id) side table in the same
 * transaction: the copy is made from the documents, not from it.
 */
function createMultikeyIndex(engine: SqliteEngine, collection: string, index: IndexSpec): void {
  const { create, fill, dropLegacy } = multikeyIndexSql(collection, index);
  const fts = multikeyTable(collection, Object.keys(index.keys)[0]!).slice(1, -1);
  engine.db.transaction(() => {
    const exists = engine.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(fts);
    for (const sql of dropLegacy) engine.db.exec(sql);
    for (const sql of create) engine.db.exec(sql);
    if (!exists) engine.db.exec(fill);
  }).immediate();
}

/**
 * The embedded default: SQLite in `dataDir` (one file, WAL mode). Documents live on disk,
 * read through a bounded page cache; writes are group-committed and acknowledged once
 * durable. One process per data folder, enforced by a lock file.
 */
export async function openEmbedded(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, LOCK);
  await takeLock(lockFile);
  const file = path.join(dataDir, DATABASE_FILE);
  let engine: SqliteEngine;
  let writerThread: WriterClient;
  const size = await stat(file).then((st) => st.size, () => 0);
  const fullCheck = size <= (options.checkAtOpenBytes ?? CHECK_AT_OPEN_BYTES);
  try {
    engine = await openEngine(dataDir, file, options, fullCheck);
    writerThread = new WriterClient({ file, fsync: options.fsync ?? true, log: engine.log, ...(options.onStatement ? { onStatement: options.onStatement } : {}) });
    await writerThread.start().catch((err: unknown) => {
      engine.db.close();
      throw new Error(`embedded store: the writer thread could not open ${file}`, { cause: err });
    });
  } catch (err) {
    await unlink(lockFile).catch(() => {});
    throw err;
  }
  const writer = new GroupCommit(writerThread, file, engine.log);
  const collections = new Map<string, SqliteCollection<Doc>>();
  let closed = false;
  if (!fullCheck) checkLater(writerThread, file, engine.log, () => closed);

  return {
    kind: 'embedded',
    file,
    pragma: (sql) => writerThread.pragma(sql),
    reportSql: {
      exec: (sql) => void engine.db.exec(sql),
      all: (sql, params) => engine.all(sql, params),
      insertDocs(collection, docs) {
        const insert = engine.db.prepare(`INSERT INTO ${tableName(collection)} (id, doc) VALUES (?, ?)`);
        engine.db.transaction(() => {
          for (const doc of docs) insert.run(doc._id, JSON.stringify(doc));
        }).immediate();
      },
    },
    async collection<T extends Doc>(name: string, indexes: IndexSpec[]): Promise<DocCollection<T>> {
      let coll = collections.get(name) as SqliteCollection<T> | undefined;
      if (!coll) {
        engine.db.exec(createTableSql(name));
        coll = new SqliteCollection<T>(name, engine, writer);
        collections.set(name, coll as unknown as SqliteCollection<Doc>);
      }
      for (const index of indexes) {
        if (index.multikey) createMultikeyIndex(engine, name, index);
        else engine.db.exec(createIndexSql(name, index));
        coll.addIndex(index);
      }
      return coll;
    },
    blobs: (bucket) => fileBlobs(path.join(dataDir, bucket), options.fsync ?? true),
    async ping() {
      if (closed) throw new StoreUnavailableError(new Error('embedded store closed'));
      // After a failed write, only a write tells whether the cause is gone.
      if (writer.failed) {
        await writer.submit({ kind: 'probe' });
        return;
      }
      try {
        engine.get(`SELECT count(*) FROM ${META_TABLE}`, []);
      } catch (err) {
        if (!isUnavailable(err)) throw err;
        throw new StoreUnavailableError(err);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await writer.close();
      await writerThread.close();
      // Closing the last connection checkpoints the WAL into the database file.
      engine.db.close();
      await unlink(lockFile).catch(() => {});
    },
  };
}
