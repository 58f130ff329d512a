/**
 * The main thread's handle on the writer thread: sends batches, receives their results. If
 * the thread dies, the batches it held fail as unavailable (their writes may or may not have
 * committed before it died: a retry finds out, by the unique client id) and the next batch
 * starts a new thread.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, threadId } from 'node:worker_threads';
import type { BatchResult } from './commit-batch.js';
import type { StatementHook, StoreLog } from './sqlite-engine.js';
import type { FromWriter, ToWriter, WriterData } from './writer-thread.js';
import type { WriteOp } from './write-op.js';

/**
 * The thread's entry: dist/writer-thread.js in the bundle. Run from source (tests, `pnpm
 * dev`), a worker thread does not inherit tsx's loader, so the source is bundled once per
 * process with esbuild (a dev dependency) next to the server's node_modules, where the
 * bundle's import of better-sqlite3 resolves.
 */
const fromSource = import.meta.url.endsWith('.ts');
let devEntry: Promise<URL> | null = null;

function entry(): Promise<URL> {
  if (!fromSource) return Promise.resolve(new URL('./writer-thread.js', import.meta.url));
  devEntry ??= (async () => {
    // A computed name keeps esbuild itself out of the production bundle.
    const esbuildName = 'esbuild';
    const { build } = (await import(esbuildName)) as typeof import('esbuild');
    const outfile = fileURLToPath(
      new URL(`../../../node_modules/.cache/writer-thread-${process.pid}-${threadId}.mjs`, import.meta.url),
    );
    await build({
      entryPoints: [fileURLToPath(new URL('./writer-thread.ts', import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['better-sqlite3'],
      logLevel: 'warning',
    });
    process.once('exit', () => rmSync(outfile, { force: true }));
    return pathToFileURL(outfile);
  })();
  return devEntry;
}

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
    this.started ??= entry().then((url) => this.spawn(url));
    return this.started;
  }

  private spawn(url: URL): Promise<Worker> {
    return new Promise<Worker>((resolve, reject) => {
      const data: WriterData = { file: this.options.file, fsync: this.options.fsync, trace: !!this.options.onStatement };
      const worker = new Worker(url, { workerData: data });
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
