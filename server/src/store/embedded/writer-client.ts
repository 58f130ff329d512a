/**
 * The main thread's handle on the writer thread: sends batches, receives their results. If
 * the thread dies, the batches it held fail as unavailable (their writes may or may not have
 * committed before it died: a retry finds out, by the unique client id) and the next batch
 * starts a new thread.
 */
import { Worker } from 'node:worker_threads';
import type { BatchResult } from './commit-batch.js';
import type { StatementHook, StoreLog } from './sqlite-engine.js';
import type { FromWriter, ToWriter, WriterData } from './writer-thread.js';
import type { WriteOp } from './write-op.js';

/** Under tsx (tests, dev) the thread runs the TypeScript source; in the bundle, dist/writer-thread.js. */
const fromSource = import.meta.url.endsWith('.ts');
const ENTRY = new URL(fromSource ? './writer-thread.dev.mjs' : './writer-thread.js', import.meta.url);

export interface WriterOptions {
  file: string;
  fsync: boolean;
  log: StoreLog;
  onStatement?: StatementHook;
}

export class WriterClient {
  private worker: Worker | null = null;
  private started: Promise<Worker> | null = null;
  private readonly waiting = new Map<number, (reply: FromWriter) => void>();
  private nextId = 0;
  private closing = false;

  constructor(private readonly options: WriterOptions) {}

  /** Starts the thread; rejects when it cannot open the database. */
  start(): Promise<Worker> {
    this.started ??= new Promise<Worker>((resolve, reject) => {
      const data: WriterData = { file: this.options.file, fsync: this.options.fsync, trace: !!this.options.onStatement };
      const worker = new Worker(ENTRY, { workerData: data });
      worker.on('message', (message: FromWriter) => {
        if (message.type === 'ready') {
          this.worker = worker;
          resolve(worker);
        } else if (message.type === 'statement') {
          this.options.onStatement?.(message.sql, message.params as never);
        } else {
          const settle = this.waiting.get(message.id);
          this.waiting.delete(message.id);
          settle?.(message);
        }
      });
      worker.on('error', (err) => {
        this.options.log.error({ err, file: this.options.file }, 'embedded store: the writer thread failed');
        reject(err);
      });
      worker.on('exit', (code) => {
        this.worker = null;
        this.started = null;
        if (!this.closing) reject(new Error(`writer thread exited with code ${code}`));
        const lost = [...this.waiting.values()];
        this.waiting.clear();
        for (const settle of lost) {
          settle({
            type: 'batch',
            id: -1,
            result: { failed: { kind: 'unavailable', message: `the writer thread exited (code ${code})` } },
          });
        }
      });
    });
    return this.started;
  }

  private async request(message: ToWriter & { id: number }): Promise<FromWriter> {
    const worker = await this.start();
    return new Promise((resolve) => {
      this.waiting.set(message.id, resolve);
      worker.postMessage(message);
    });
  }

  async execute(ops: WriteOp[]): Promise<BatchResult> {
    let reply: FromWriter;
    try {
      reply = await this.request({ type: 'batch', id: ++this.nextId, ops });
    } catch (err) {
      return { failed: { kind: 'unavailable', message: `writer thread: ${(err as Error).message}` } };
    }
    return reply.type === 'batch' ? reply.result : { failed: { kind: 'bug', message: 'unexpected reply' } };
  }

  async pragma(sql: string): Promise<unknown> {
    const reply = await this.request({ type: 'pragma', id: ++this.nextId, sql });
    if (reply.type !== 'pragma') throw new Error('unexpected reply');
    if (reply.error) throw new Error(reply.error);
    return reply.value;
  }

  /** Lets the thread commit what it holds, then waits for it to exit. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage({ type: 'close' } satisfies ToWriter);
    await exited;
  }
}
