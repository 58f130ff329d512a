/**
 * Commits a batch of writes as one transaction on the writer's connection: one fsync for all
 * of them (synchronous=FULL). Each write runs in its own SAVEPOINT, so one write's unique-key
 * violation undoes that write only. When SQLite rolls the whole transaction back (disk full,
 * I/O error) or the COMMIT fails, the batch fails as a whole: nothing of it is visible.
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

export function commitBatch(engine: SqliteEngine, ops: readonly WriteOp[]): BatchResult {
  const { db } = engine;
  const outcomes: Outcome[] = [];
  try {
    db.exec('BEGIN IMMEDIATE');
    for (const op of ops) {
      db.exec('SAVEPOINT w');
      try {
        outcomes.push({ ok: true, value: executeWrite(engine, op) });
        db.exec('RELEASE w');
      } catch (err) {
        // SQLite may have rolled the whole transaction back (SQLITE_FULL, IOERR): the
        // writes before this one are gone too.
        if (!db.inTransaction) return { failed: describeError(err) };
        db.exec('ROLLBACK TO w');
        db.exec('RELEASE w');
        outcomes.push({ ok: false, error: describeError(err) });
      }
    }
    db.exec('COMMIT');
    return { outcomes };
  } catch (err) {
    if (db.inTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch (rollbackErr) {
        // The connection is in an unknown state; the next BEGIN fails and says so.
        return { failed: describeError(new Error(`${describeError(err).message}; rollback failed too: ${describeError(rollbackErr).message}`)) };
      }
    }
    return { failed: describeError(err) };
  }
}
