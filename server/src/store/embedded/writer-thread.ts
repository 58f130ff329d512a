/**
 * The embedded store's writer, in a worker thread: it owns the connection that writes, so
 * the fsync of each commit (and WAL checkpoints) never stalls the main thread's event loop.
 * Batches that arrive while one commits are merged into the next transaction: the longer a
 * commit takes, the more writes share the following one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { commitBatch, describeError, type BatchResult } from './commit-batch.js';
import { applyPragmas, SqliteEngine } from './sqlite-engine.js';
import type { WriteOp } from './write-op.js';

export interface WriterData {
  file: string;
  fsync: boolean;
  /** Send every statement back to the main thread (for its onStatement hook). */
  trace: boolean;
}

export type ToWriter =
  | { type: 'batch'; id: number; ops: WriteOp[] }
  | { type: 'pragma'; id: number; sql: string }
  | { type: 'close' };

export type FromWriter =
  | { type: 'ready' }
  | { type: 'batch'; id: number; result: BatchResult }
  | { type: 'pragma'; id: number; value?: unknown; error?: string }
  | { type: 'statement'; sql: string; params: unknown[] };

const port = parentPort!;
const { file, fsync, trace } = workerData as WriterData;
const post = (message: FromWriter) => port.postMessage(message);

const db = new Sqlite(file);
applyPragmas(db, fsync);
const silent = { info() {}, warn() {}, error() {} };
const engine = new SqliteEngine(db, file, silent, trace ? (sql, params) => post({ type: 'statement', sql, params: [...params] }) : undefined);

let queued: { id: number; ops: WriteOp[] }[] = [];
let scheduled = false;

function commitQueued(): void {
  scheduled = false;
  const batches = queued;
  queued = [];
  if (!batches.length) return;
  const result = commitBatch(engine, batches.flatMap((b) => b.ops));
  let at = 0;
  for (const batch of batches) {
    const mine: BatchResult = 'failed' in result ? result : { outcomes: result.outcomes.slice(at, at + batch.ops.length) };
    at += batch.ops.length;
    post({ type: 'batch', id: batch.id, result: mine });
  }
}

port.on('message', (message: ToWriter) => {
  switch (message.type) {
    case 'batch':
      queued.push({ id: message.id, ops: message.ops });
      if (!scheduled) {
        scheduled = true;
        setImmediate(commitQueued);
      }
      break;
    case 'pragma':
      try {
        post({ type: 'pragma', id: message.id, value: db.pragma(message.sql) });
      } catch (err) {
        post({ type: 'pragma', id: message.id, error: describeError(err).message });
      }
      break;
    case 'close':
      commitQueued();
      db.close();
      port.close();
      break;
  }
});
post({ type: 'ready' });
