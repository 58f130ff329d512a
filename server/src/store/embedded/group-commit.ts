/**
 * Group commit, main-thread side: the writes issued during one turn of the event loop go to
 * the writer thread as one batch, one transaction, one fsync. Every promise settles after
 * that COMMIT returned: a write is acknowledged only once it is durable, and a batch whose
 * commit failed (disk full, I/O error) fails as a whole, visible to nobody.
 *
 * Nothing stays failed: each batch is a new transaction, so once the cause is gone (space
 * freed) writes succeed again without a restart. A failure is logged once, with context, and
 * the recovery too.
 */
import { DuplicateKeyError, StoreUnavailableError } from '../errors.js';
import type { BatchResult, OpError } from './commit-batch.js';
import type { StoreLog } from './sqlite-engine.js';
import type { WriteOp, WriteResult } from './write-op.js';

interface Pending {
  op: WriteOp;
  resolve: (value: WriteResult) => void;
  reject: (err: unknown) => void;
}

export interface BatchExecutor {
  execute(ops: WriteOp[]): Promise<BatchResult>;
}

const collectionOf = (op: WriteOp) => ('collection' in op ? op.collection : 'counter_meta');

function toError(op: WriteOp, error: OpError): Error {
  const cause = Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
  if (error.kind === 'duplicate') return new DuplicateKeyError(collectionOf(op), cause);
  if (error.kind === 'unavailable') return new StoreUnavailableError(cause);
  return cause; // a bug (an unsupported query), not the store's state
}

export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private inFlight = new Set<Promise<void>>();
  private closed = false;
  /** What made writes fail, until a batch commits again. */
  private failure: { error: OpError; failedBatches: number } | null = null;

  constructor(
    private readonly executor: BatchExecutor,
    private readonly file: string,
    private readonly log: StoreLog,
  ) {}

  get failed(): OpError | null {
    return this.failure?.error ?? null;
  }

  submit(op: WriteOp): Promise<WriteResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError(new Error('embedded store closed')));
    return new Promise((resolve, reject) => {
      this.pending.push({ op, resolve, reject });
      // Let the other writes of this turn of the event loop join the batch.
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    if (!batch.length) return;
    this.pending = [];
    const done = this.executor.execute(batch.map((p) => p.op)).then((result) => this.settle(batch, result));
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  private settle(batch: Pending[], result: BatchResult): void {
    if ('failed' in result) {
      this.noteFailure(result.failed, batch);
      for (const p of batch) p.reject(toError(p.op, { ...result.failed, kind: 'unavailable' }));
      return;
    }
    let unavailable: OpError | null = null;
    batch.forEach((p, i) => {
      const outcome = result.outcomes[i]!;
      if (outcome.ok) return p.resolve(outcome.value);
      if (outcome.error.kind === 'unavailable') unavailable ??= outcome.error;
      p.reject(toError(p.op, outcome.error));
    });
    if (unavailable) this.noteFailure(unavailable, batch);
    else this.noteSuccess();
  }

  private noteFailure(error: OpError, batch: Pending[]): void {
    if (this.failure && this.failure.error.code === error.code) {
      this.failure.failedBatches++;
      return;
    }
    this.failure = { error, failedBatches: 1 };
    this.log.error(
      { err: error, file: this.file, writes: batch.length, collections: [...new Set(batch.map((p) => collectionOf(p.op)))] },
      'embedded store: write failed, nothing of it is stored; writes are retried as they come',
    );
  }

  private noteSuccess(): void {
    if (!this.failure) return;
    this.log.info({ file: this.file, failedBatches: this.failure.failedBatches }, 'embedded store: writes succeed again');
    this.failure = null;
  }

  /** Sends what is pending and waits for every batch to settle; later writes are refused. */
  async close(): Promise<void> {
    this.flush();
    this.closed = true;
    await Promise.all(this.inFlight);
  }
}
