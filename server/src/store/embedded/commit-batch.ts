/**
 * Commits a batch of writes as one transaction on the writer's connection: one fsync for all
 * of them (synchronous=FULL). One write's unique-key violation undoes that write only (a
 * statement rollback, or a SAVEPOINT around a write of several statements). When SQLite
 * rolls the whole transaction back (disk full, I/O error) or the COMMIT fails, the batch
 * fails as a whole: nothing of it is visible.
 *
 * Outcomes are plain data (they cross from the writer thread to the main thread).
 */
import { isUnavailable, isUniqueViolation, type SqliteEngine } from './sqlite-engine.js';
import { executeWrite, type WriteOp, type WriteResult } from './write-op.js';

export interface OpError {
  /** duplicate: a unique key; unavailable: the store cannot write now; bug: a bad query. */
  kind: 'duplicate' | 'unavailable' | 'bug';
  message: string;
  code?: string;
}

export type Outcome = { ok: true; value: WriteResult } | { ok: false; error: OpError };

/** One outcome per write, in order; or the error that rolled the whole batch back. */
export type BatchResult = { outcomes: Outcome[] } | { failed: OpError };

export function describeError(err: unknown): OpError {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown })?.code;
  const kind = isUniqueViolation(err) ? 'duplicate' : isUnavailable(err) ? 'unavailable' : 'bug';
  return typeof code === 'string' ? { kind, message, code } : { kind, message };
}

/**
 * Whether a write needs its own savepoint to fail alone: a single statement that fails is
 * undone by SQLite on its own (statement rollback); an updateMany that fails on its second
 * document must undo the first.
 */
const severalStatements = (op: WriteOp) => op.kind === 'update' && op.multi;

/** Transaction control, prepared once per connection (db.exec would parse it every time). */
const control = new WeakMap<SqliteEngine['db'], Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', { run(): unknown }>>();
function controlOf(db: SqliteEngine['db']) {
  let c = control.get(db);
  if (!c) {
    c = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT w'),
      release: db.prepare('RELEASE w'),
      rollbackTo: db.prepare('ROLLBACK TO w'),
    };
    control.set(db, c);
  }
  return c;
}

export function commitBatch(engine: SqliteEngine, ops: readonly WriteOp[]): BatchResult {
  const { db } = engine;
  const tx = controlOf(db);
  const outcomes: Outcome[] = [];
  try {
    tx.begin.run();
    for (const op of ops) {
      const savepoint = severalStatements(op);
      if (savepoint) tx.savepoint.run();
      try {
        outcomes.push({ ok: true, value: executeWrite(engine, op) });
        if (savepoint) tx.release.run();
      } catch (err) {
        // SQLite may have rolled the whole transaction back (SQLITE_FULL, IOERR): the
        // writes before this one are gone too.
        if (!db.inTransaction) return { failed: describeError(err) };
        if (savepoint) {
          tx.rollbackTo.run();
          tx.release.run();
        }
        outcomes.push({ ok: false, error: describeError(err) });
      }
    }
    tx.commit.run();
    return { outcomes };
  } catch (err) {
    if (db.inTransaction) {
      try {
        tx.rollback.run();
      } catch (rollbackErr) {
        // The connection is in an unknown state; the next BEGIN fails and says so.
        return { failed: describeError(new Error(`${describeError(err).message}; rollback failed too: ${describeError(rollbackErr).message}`)) };
      }
    }
    return { failed: describeError(err) };
  }
}
