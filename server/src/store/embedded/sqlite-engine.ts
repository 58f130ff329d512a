/**
 * One SQLite connection with what every part of the embedded store needs around it: cached
 * prepared statements, the data file's name for error messages, the logger, and an optional
 * hook that sees every statement run (tests use it to check query plans).
 */
import Sqlite from 'better-sqlite3';
import type { SqlValue } from './sql-query.js';

export interface StoreLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type StatementHook = (sql: string, params: readonly SqlValue[]) => void;

/** SQLite result codes that mean "cannot read or write right now", not a bug in a query. */
const UNAVAILABLE = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|NOMEM|CORRUPT|NOTADB|PROTOCOL)/;

export const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Sqlite.SqliteError &&
  (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');

export const isUnavailable = (err: unknown): err is InstanceType<typeof Sqlite.SqliteError> =>
  err instanceof Sqlite.SqliteError && UNAVAILABLE.test(err.code);

export class SqliteEngine {
  private readonly statements = new Map<string, Sqlite.Statement>();

  constructor(
    readonly db: Sqlite.Database,
    readonly file: string,
    readonly log: StoreLog,
    private readonly hook?: StatementHook,
  ) {}

  private prepare(sql: string, pluck: boolean): Sqlite.Statement {
    const key = pluck ? `P${sql}` : `R${sql}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (pluck && statement.reader) statement.pluck(true);
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** Rows of a query; with `pluck`, the first column of each. */
  all<R>(sql: string, params: readonly SqlValue[], pluck = false): R[] {
    this.hook?.(sql, params);
    return this.prepare(sql, pluck).all(...params) as R[];
  }

  get<R>(sql: string, params: readonly SqlValue[], pluck = false): R | undefined {
    this.hook?.(sql, params);
    return this.prepare(sql, pluck).get(...params) as R | undefined;
  }

  run(sql: string, params: readonly SqlValue[]): Sqlite.RunResult {
    this.hook?.(sql, params);
    return this.prepare(sql, false).run(...params);
  }
}

/** The per-connection settings both connections (reader and writer) use. */
export function applyPragmas(db: Sqlite.Database, fsync: boolean): void {
  // FULL: the WAL is fsynced at every commit, so an acknowledged write survives a power cut.
  // NORMAL (EMBEDDED_FSYNC=false): fsynced at checkpoints only.
  db.pragma(`synchronous = ${fsync ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  // A bounded page cache (32 MiB): the data stays on disk, not in the process.
  db.pragma('cache_size = -32768');
  // Keep the WAL file from staying large after a burst.
  db.pragma('journal_size_limit = 67108864');
}
