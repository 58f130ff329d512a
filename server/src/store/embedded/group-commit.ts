/**
 * Group commit: the writes issued during one turn of the event loop share one transaction
 * and one fsync (synchronous=FULL). Each write runs in its own SAVEPOINT, so one write's
 * unique-key violation undoes that write only. Every promise settles after COMMIT returned:
 * a write is acknowledged only once it is durable, and when the COMMIT fails (disk full,
 * I/O error) the whole batch is rolled back and every write in it fails, visible to nobody.
 *
 * The store keeps trying: the next batch starts a new transaction, so once the cause is gone
 * (space freed) writes succeed again without a restart. A failure is logged once, with
 * context; the recovery is logged too.
 */
import { DuplicateKeyError, StoreUnavailableError } from '../errors.js';
import { isUnavailable, isUniqueViolation, type SqliteEngine } from './sqlite-engine.js';
import { executeWrite, type WriteOp, type WriteResult } from './write-op.js';

interface Pending {
  op: WriteOp;
  resolve: (value: WriteResult) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: WriteResult } | { ok: false; err: unknown };

export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private closed = false;
  /** The error that made the store unavailable, until a batch commits again. */
  private failure: { err: unknown; failedBatches: number } | null = null;

  constructor(private readonly engine: SqliteEngine) {}

  get failed(): unknown {
    return this.failure?.err ?? null;
  }

  submit(op: WriteOp): Promise<WriteResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError(new Error('embedded store closed')));
    return new Promise((resolve, reject) => {
      this.pending.push({ op, resolve, reject });
      // Let the other writes of this turn of the event loop join the batch.
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits everything pending now (also used by close). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    if (!batch.length) return;
    this.pending = [];
    const outcomes = this.commit(batch);
    if (!Array.isArray(outcomes)) {
      this.noteFailure(outcomes, batch);
      const err = new StoreUnavailableError(outcomes);
      for (const p of batch) p.reject(err);
      return;
    }
    let unavailable: unknown = null;
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) return p.resolve(outcome.value);
      const collection = 'collection' in p.op ? p.op.collection : 'counter_meta';
      if (isUniqueViolation(outcome.err)) return p.reject(new DuplicateKeyError(collection, outcome.err));
      if (isUnavailable(outcome.err)) {
        unavailable ??= outcome.err;
        return p.reject(new StoreUnavailableError(outcome.err));
      }
      p.reject(outcome.err); // a bug (an unsupported query): not the store's state
    });
    if (unavailable) this.noteFailure(unavailable, batch);
    else this.noteSuccess();
  }

  /** Runs the batch in one transaction: its outcomes, or the error that rolled it all back. */
  private commit(batch: Pending[]): Outcome[] | unknown {
    const { db } = this.engine;
    const outcomes: Outcome[] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
      for (const { op } of batch) {
        db.exec('SAVEPOINT w');
        try {
          outcomes.push({ ok: true, value: executeWrite(this.engine, op) });
          db.exec('RELEASE w');
        } catch (err) {
          // SQLite may have rolled the whole transaction back (SQLITE_FULL, IOERR): then
          // the writes before this one are gone too, and the batch fails as a whole.
          if (!db.inTransaction) return err;
          db.exec('ROLLBACK TO w');
          db.exec('RELEASE w');
          outcomes.push({ ok: false, err });
        }
      }
      db.exec('COMMIT');
      return outcomes;
    } catch (err) {
      if (db.inTransaction) {
        try {
          db.exec('ROLLBACK');
        } catch (rollbackErr) {
          this.engine.log.error({ err: rollbackErr, file: this.engine.file }, 'embedded store: rollback failed');
        }
      }
      return err;
    }
  }

  private noteFailure(err: unknown, batch: Pending[]): void {
    if (this.failure && sameCause(this.failure.err, err)) {
      this.failure.failedBatches++;
      return;
    }
    this.failure = { err, failedBatches: 1 };
    const collections = [...new Set(batch.map((p) => ('collection' in p.op ? p.op.collection : 'counter_meta')))];
    this.engine.log.error(
      { err, file: this.engine.file, writes: batch.length, collections },
      'embedded store: write failed, nothing of it is stored; writes are retried as they come',
    );
  }

  private noteSuccess(): void {
    if (!this.failure) return;
    this.engine.log.info(
      { file: this.engine.file, failedBatches: this.failure.failedBatches },
      'embedded store: writes succeed again',
    );
    this.failure = null;
  }

  close(): void {
    this.flush();
    this.closed = true;
  }
}

function sameCause(a: unknown, b: unknown): boolean {
  return (a as { code?: unknown })?.code === (b as { code?: unknown })?.code;
}
