/**
 * Start-up time and memory of the embedded store against its history: seeds a data folder
 * with N messages (through the store, in large group commits), then, in a fresh process per
 * measurement, times `openStore` + the first queries (a conversation's latest page, the
 * queue) and reads the RSS. The figures should not grow with N.
 *
 *   node --import tsx e2e/bench/store/store-startup.ts [--counts=100000,1000000] [--keep]
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../../server/src/store/open-store.js';

const PER_CONVERSATION = 100;
const BATCH = 5000;

async function seed(dataDir: string, count: number): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    for (let done = 0; done < count; ) {
      const writes: Promise<void>[] = [];
      for (let k = 0; k < BATCH && done < count; k++, done++) {
        const conversation = Math.floor(done / PER_CONVERSATION);
        const seq = (done % PER_CONVERSATION) + 1;
        writes.push(
          store.messages.insert({
            _id: `m${done}`,
            conversationId: `c${conversation}`,
            seq,
            clientId: `k${done}`,
            author: 'visitor',
            agentId: null,
            authorName: null,
            kind: 'text',
            text: `message ${seq} of conversation ${conversation}, about an order that has not arrived yet`,
            event: null,
            createdAt: 1_700_000_000_000 + done,
          } as never),
        );
      }
      await Promise.all(writes);
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
  const t0 = performance.now();
  const store = await openStore({ dataDir });
  const opened = performance.now();
  const page = await store.messages.before(lastConversation as never, null, 50, true);
  await store.conversations.queue(50);
  const queried = performance.now();
  const rss = process.memoryUsage().rss;
  await store.close();
  console.log(JSON.stringify({ openMs: opened - t0, firstQueriesMs: queried - opened, messagesRead: page.messages.length, rssMB: rss / 2 ** 20 }));
}

const [mode, dir, last] = process.argv.slice(2);
if (mode === '--measure') {
  await measure(dir!, last!);
} else {
  const counts = (process.argv.find((a) => a.startsWith('--counts='))?.split('=')[1] ?? '100000,1000000').split(',').map(Number);
  const self = fileURLToPath(import.meta.url);
  for (const count of counts) {
    const dataDir = await mkdtemp(path.join(tmpdir(), `counter-startup-${count}-`));
    try {
      const t0 = performance.now();
      await seed(dataDir, count);
      const seedSeconds = (performance.now() - t0) / 1000;
      const size = (await stat(path.join(dataDir, 'counter.sqlite'))).size;
      const lastConversation = `c${Math.floor((count - 1) / PER_CONVERSATION)}`;
      const runs = [0, 1, 2].map(() =>
        JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--measure', dataDir, lastConversation], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as { openMs: number; firstQueriesMs: number; rssMB: number },
      );
      const best = runs.reduce((a, b) => (a.openMs + a.firstQueriesMs <= b.openMs + b.firstQueriesMs ? a : b));
      console.log(JSON.stringify({ messages: count, seedSeconds: Math.round(seedSeconds), fileMB: Math.round(size / 2 ** 20), runs: runs.map((r) => ({ openMs: Math.round(r.openMs), firstQueriesMs: Math.round(r.firstQueriesMs), rssMB: Math.round(r.rssMB) })), best: { openMs: Math.round(best.openMs), rssMB: Math.round(best.rssMB) } }));
    } finally {
      if (!process.argv.includes('--keep')) await rm(dataDir, { recursive: true, force: true });
    }
  }
}
