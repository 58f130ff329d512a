/**
 * Start-up time and memory of the embedded store against its history: seeds a data folder
 * with N messages (through the store, in large group commits), then, in a fresh process per
 * measurement, times `openStore` + the first queries (a conversation's latest page, the
 * queue) and reads the RSS. The figures should not grow with N: it exits 1 over the targets
 * of issue 9 (start-up <= 2 s at every count, RSS within 50 MB between the smallest and the
 * largest count).
 *
 *   pnpm bench:startup [--counts=100000,1000000] [--seed=store] [--keep]
 *
 * --seed=store writes the messages through the store's group commits; by default they are
 * bulk-inserted through the store's own connection (same rows and indexes, see seedBulk).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { messageSearchFields } from '../../../server/src/domain/search/message-keys.js';
import { openEmbedded } from '../../../server/src/store/embedded/open-embedded.js';
import { openStore } from '../../../server/src/store/open-store.js';
import { createStore } from '../../../server/src/store/store.js';

const PER_CONVERSATION = 100;
const BATCH = 5000;
const BULK = 20_000;
const MAX_STARTUP_MS = 2000;
const MAX_RSS_SPREAD_MB = 50;

function message(n: number) {
  const conversation = Math.floor(n / PER_CONVERSATION);
  const seq = (n % PER_CONVERSATION) + 1;
  // The words vary so the search index holds as many distinct keys as real chats do.
  const text = `message ${seq} of conversation ${conversation}, about order #${100000 + (n % 9973)} that has not arrived yet`;
  return {
    _id: `m${n}`,
    conversationId: `c${conversation}`,
    seq,
    clientId: `k${n}`,
    author: 'visitor',
    agentId: null,
    authorName: null,
    kind: 'text',
    text,
    event: null,
    createdAt: 1_700_000_000_000 + n,
    // Written by the product with every message (see message-keys.ts): part of the file's size.
    ...messageSearchFields({ kind: 'text', text }),
  };
}

/** Through the store's writes, BATCH at a time (so they share group commits): what the product does. */
async function seedThroughStore(dataDir: string, count: number): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    for (let done = 0; done < count; ) {
      const writes: Promise<void>[] = [];
      for (let k = 0; k < BATCH && done < count; k++, done++) writes.push(store.messages.insert(message(done) as never));
      await Promise.all(writes);
    }
  } finally {
    await store.close();
  }
}

/**
 * Bulk: the store creates its tables, indexes and search triggers, then the documents go in
 * through its own connection in transactions of BULK rows (the reports' insert path), so the
 * rows, indexes and FTS5 segments are the ones the store writes, without a commit per batch
 * of 5,000. Seeding 1,000,000 messages through the store's group commits took more than
 * 10 minutes on the shared machine (100,000 took 202 s at load average 28).
 */
async function seedBulk(dataDir: string, count: number): Promise<void> {
  const db = await openEmbedded(dataDir);
  const store = await createStore(db);
  try {
    for (let done = 0; done < count; ) {
      const docs = [];
      for (let k = 0; k < BULK && done < count; k++, done++) docs.push(message(done));
      db.reportSql.insertDocs('messages', docs);
    }
  } finally {
    await store.close();
  }
}

/** Runs in a fresh process: what a restart costs. */
async function measure(dataDir: string, lastConversation: string): Promise<void> {
  // Loading the code (tsx, and the writer thread's dev bundle) is not the store's cost.
  const empty = await mkdtemp(path.join(tmpdir(), 'counter-startup-warmup-'));
  await (await openStore({ dataDir: empty })).close();
  await rm(empty, { recursive: true, force: true });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const store = await openStore({ dataDir });
  const opened = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const page = await store.messages.before(lastConversation as never, null, 50, true);
  await store.conversations.queue(50);
  const queried = performance.now();
  const rss = process.memoryUsage().rss;
  await store.close();
  // CPU time of the open (this thread and the writer thread's): less noisy than the wall time on a shared machine.
  const openCpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({ openMs: opened - t0, openCpuMs, firstQueriesMs: queried - opened, messagesRead: page.messages.length, rssMB: rss / 2 ** 20 }));
}

/** Every file of the data folder (database, WAL, shared memory, lock). */
async function folderBytes(dataDir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dataDir)) total += (await stat(path.join(dataDir, name))).size;
  return total;
}

interface Run {
  openMs: number;
  openCpuMs: number;
  firstQueriesMs: number;
  messagesRead: number;
  rssMB: number;
}
interface Row {
  messages: number;
  seedSeconds: number;
  folderMB: number;
  runs: Run[];
  best: Run;
}

const [mode, dir, last] = process.argv.slice(2);
if (mode === '--measure') {
  await measure(dir!, last!);
} else {
  const counts = (process.argv.find((a) => a.startsWith('--counts='))?.split('=')[1] ?? '100000,1000000').split(',').map(Number);
  const self = fileURLToPath(import.meta.url);
  const throughStore = process.argv.includes('--seed=store');
  const rows: Row[] = [];
  for (const count of counts) {
    const dataDir = await mkdtemp(path.join(tmpdir(), `counter-startup-${count}-`));
    try {
      const t0 = performance.now();
      await (throughStore ? seedThroughStore : seedBulk)(dataDir, count);
      const seedSeconds = (performance.now() - t0) / 1000;
      const folderMB = (await folderBytes(dataDir)) / 2 ** 20;
      const lastConversation = `c${Math.floor((count - 1) / PER_CONVERSATION)}`;
      const runs = [0, 1, 2].map(
        () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--measure', dataDir, lastConversation], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as Run,
      );
      // Best of 3: the machine is shared, the slower runs measure the neighbours.
      const best = runs.reduce((a, b) => (a.openMs + a.firstQueriesMs <= b.openMs + b.firstQueriesMs ? a : b));
      const row = { messages: count, seedSeconds, folderMB, runs, best };
      rows.push(row);
      console.log(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
    } finally {
      if (!process.argv.includes('--keep')) await rm(dataDir, { recursive: true, force: true });
    }
  }
  const cell = (f: (r: Row) => string) => rows.map(f).join(' | ');
  console.log(`\n| store-startup (best of 3) | ${cell((r) => `${r.messages.toLocaleString('en')} messages`)} |`);
  console.log(`| --- |${rows.map(() => ' ---: |').join('')}`);
  console.log(`| data folder | ${cell((r) => `${Math.round(r.folderMB)} MB`)} |`);
  console.log(`| seeding (${throughStore ? 'through the store' : 'bulk'}) | ${cell((r) => `${Math.round(r.seedSeconds)} s`)} |`);
  console.log(`| \`openStore\` wall (CPU) | ${cell((r) => `${(r.best.openMs / 1000).toFixed(2)} s (${(r.best.openCpuMs / 1000).toFixed(2)} s)`)} |`);
  console.log(`| first queries (latest page, queue) | ${cell((r) => `${r.best.firstQueriesMs.toFixed(1)} ms`)} |`);
  console.log(`| RSS after the first queries | ${cell((r) => `${Math.round(r.best.rssMB)} MB`)} |`);

  const failures: string[] = [];
  for (const r of rows) {
    const ms = r.best.openMs + r.best.firstQueriesMs;
    if (ms > MAX_STARTUP_MS) failures.push(`start-up with ${r.messages} messages took ${Math.round(ms)} ms (target <= ${MAX_STARTUP_MS} ms)`);
  }
  const rss = rows.map((r) => r.best.rssMB);
  const spread = Math.max(...rss) - Math.min(...rss);
  if (spread > MAX_RSS_SPREAD_MB) failures.push(`RSS differs by ${Math.round(spread)} MB between counts (target <= ${MAX_RSS_SPREAD_MB} MB)`);
  for (const f of failures) console.error(`MISSED: ${f}`);
  if (!failures.length) console.log(`\ntargets met: start-up <= ${MAX_STARTUP_MS} ms, RSS spread ${Math.round(spread)} MB <= ${MAX_RSS_SPREAD_MB} MB`);
  process.exitCode = failures.length ? 1 : 0;
}
