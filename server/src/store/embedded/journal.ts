/**
 * The embedded store's durability: an append-only journal of document versions with group
 * commit. Writers append records and wait; one flush writes everything pending in a single
 * write() and one fdatasync(), then releases every waiter. A write is acknowledged only after
 * its record is on disk, at a cost of one fsync per batch rather than per write.
 *
 * Format: one JSON record per line: `{"c":collection,"put":doc}` (a whole document),
 * `{"c":collection,"set":{_id,...fields},"unset":[fields]}` (an update: only the top-level
 * fields it touched, as they are after it) or `{"c":collection,"del":id}`. Updates are most
 * of the writes (every message updates its conversation), and writing whole documents for
 * them was most of the journal's bytes: under load, the disk's share of the latency.
 * Compaction rewrites the file as one `put` per live document (temp file, fsync, rename).
 */
import { createReadStream } from 'node:fs';
import { open, rename, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Doc } from '../collection.js';
import { StoreUnavailableError } from '../errors.js';

export type JournalRecord = { c: string; put: Doc } | { c: string; set: Doc; unset?: string[] } | { c: string; del: string };

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface JournalOptions {
  /** fdatasync after each batch (survives power loss); false: the OS flushes when it likes. */
  fsync: boolean;
}

/** Reads a journal into the latest version of every document, per collection. */
export async function replay(file: string): Promise<Map<string, Map<string, Doc>>> {
  const collections = new Map<string, Map<string, Doc>>();
  const exists = await stat(file).catch(() => null);
  if (!exists) return collections;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let pendingError: Error | null = null;
  for await (const line of lines) {
    if (!line) continue;
    if (pendingError) throw pendingError;
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
    } catch {
      // Only the last line may be torn (a crash mid-write, never acknowledged): skip it there.
      pendingError = new Error(`${file}: corrupt record before the end of the journal`);
      continue;
    }
    let docs = collections.get(record.c);
    if (!docs) collections.set(record.c, (docs = new Map()));
    if ('put' in record) docs.set(record.put._id, record.put);
    else if ('set' in record) {
      const doc = docs.get(record.set._id);
      // An update always follows its document's put (or a compaction's); without it, the
      // document was deleted in between and the update is moot.
      if (!doc) continue;
      Object.assign(doc, record.set);
      for (const field of record.unset ?? []) delete (doc as unknown as Record<string, unknown>)[field];
    } else docs.delete(record.del);
  }
  return collections;
}

export class Journal {
  private pending: Buffer[] = [];
  private waiters: Waiter[] = [];
  private scheduled = false;
  /** Flushes and compactions run one at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** Bytes appended since the last compaction, to decide when to compact. */
  appendedBytes = 0;

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    private readonly options: JournalOptions,
  ) {}

  static async open(file: string, options: JournalOptions): Promise<Journal> {
    return new Journal(file, await open(file, 'a'), options);
  }

  private exclusive(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => {});
    return run;
  }

  append(records: JournalRecord[]): Promise<void> {
    if (this.failure) return Promise.reject(new StoreUnavailableError(this.failure));
    if (!records.length) return Promise.resolve();
    const buffer = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    this.appendedBytes += buffer.length;
    this.pending.push(buffer);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      // Let the other writes of this turn of the event loop join the batch.
      setImmediate(() => {
        this.scheduled = false;
        void this.exclusive(() => this.flushPending());
      });
    }
    return done;
  }

  private async flushPending(): Promise<void> {
    while (this.pending.length && !this.failure) {
      const batch = Buffer.concat(this.pending.splice(0));
      const waiters = this.waiters.splice(0);
      try {
        await this.handle.write(batch);
        if (this.options.fsync) await this.handle.datasync();
      } catch (err) {
        this.fail(err, waiters);
        return;
      }
      for (const w of waiters) w.resolve();
    }
  }

  /** A failed write leaves memory ahead of disk: refuse every write from now on. */
  private fail(err: unknown, waiters: Waiter[]): void {
    this.failure = err;
    this.pending = [];
    for (const w of [...waiters, ...this.waiters.splice(0)]) w.reject(new StoreUnavailableError(err));
  }

  get failed(): unknown {
    return this.failure;
  }

  /**
   * Rewrites the journal from a snapshot of every live document. Records still pending are
   * already applied in memory, so they are in the snapshot and become durable with it;
   * records appended during the rewrite are flushed to the new file after it.
   */
  compact(snapshot: () => JournalRecord[]): Promise<void> {
    return this.exclusive(async () => {
      if (this.failure) return;
      const carried = this.waiters.splice(0);
      this.pending = [];
      const records = snapshot();
      const tmp = `${this.file}.compact`;
      try {
        const out = await open(tmp, 'w');
        try {
          for (let i = 0; i < records.length; i += 1000) {
            await out.write(records.slice(i, i + 1000).map((r) => JSON.stringify(r)).join('\n') + '\n');
          }
          await out.datasync();
        } finally {
          await out.close();
        }
        await rename(tmp, this.file);
        await syncDir(path.dirname(this.file));
        const old = this.handle;
        this.handle = await open(this.file, 'a');
        await old.close();
        this.appendedBytes = 0;
      } catch (err) {
        this.fail(err, carried);
        return;
      }
      for (const w of carried) w.resolve();
    });
  }

  async close(): Promise<void> {
    await this.exclusive(() => this.flushPending());
    await this.handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}
