/**
 * What a message's search keys cost the embedded store's writer (issue 9): stores the same
 * messages, with the `searchKeys` of real shopper lines, into a collection with and without
 * the multikey index, many writers at once as under load (so group commits batch them), and
 * prints the process's CPU time per message (the writer thread's included). No budget: the
 * figure is for comparing designs of the index. Run: pnpm bench:search-keys
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { searchKeys } from '../../src/domain/search/tokenize.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import type { IndexSpec } from '../../src/store/collection.js';

const MESSAGES = Number(process.env.MESSAGES ?? 20_000);
const CONCURRENT = 200;
const LINES = [
  'Hi, where is my parcel? Order 10234 was due on Monday',
  '我的快递到哪了？订单号 10234，说好周一到的',
  'Can I return the blue jacket in size M, it is too small',
  '这件蓝色外套 M 码太小了，可以退货吗',
  'The refund has not arrived on my card yet, it has been a week',
  '退款一周了还没到账，怎么回事',
  'Do you ship to Lyon and how long does it take?',
  '发顺丰吗？多久能到上海',
];

async function measure(label: string, indexes: IndexSpec[]): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-keys-bench-'));
  const db = await openEmbedded(dir);
  try {
    const messages = await db.collection<{ _id: string; conversationId: string; seq: number; text: string; createdAt: number; searchKeys: string[] }>('messages', indexes);
    const docs = Array.from({ length: MESSAGES }, (_, i) => {
      const text = `${LINES[i % LINES.length]} #${i}`;
      return { _id: `m${String(i).padStart(9, '0')}`, conversationId: `c${i % 500}`, seq: i, text, createdAt: 1_700_000_000_000 + i, searchKeys: searchKeys(text) };
    });
    const keys = docs.reduce((n, d) => n + d.searchKeys.length, 0) / docs.length;
    const before = process.cpuUsage();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        while (next < docs.length) await messages.insertOne(docs[next++]!);
      }),
    );
    const cpu = process.cpuUsage(before);
    const perMessage = (cpu.user + cpu.system) / MESSAGES;
    console.log(`${label.padEnd(28)} ${MESSAGES} messages, ${keys.toFixed(1)} keys each: ${perMessage.toFixed(0)} µs CPU per message, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await measure('without a search-key index', []);
await measure('with the multikey index', [{ name: 'search_keys', keys: { searchKeys: 1, createdAt: -1, _id: -1 }, multikey: true }]);
