import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConversationId } from '@counter/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/store/embedded/journal.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { openStore } from '../../src/store/open-store.js';
import { createStore } from '../../src/store/store.js';
import { conversationDoc, messageDoc, newTestId } from '../support/fixtures.js';

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-journal-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const seqs = async (dataDir: string, conversationId: string) => {
  const store = await openStore({ dataDir });
  try {
    return (await store.messages.after(conversationId as ConversationId, 0, 100_000, true)).messages.map((m) => m.seq);
  } finally {
    await store.close();
  }
};

describe('embedded store journal', () => {
  it('keeps every acknowledged write through a SIGKILL', async () => {
    const dataDir = await tempDir();
    const conversationId = newTestId();
    const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, conversationId], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acked = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        acked = Math.max(acked, Number(lines.at(-1)));
        if (acked >= 200) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const stored = await seqs(dataDir, conversationId);
    // Everything acknowledged is there, in order; at most the write in flight is extra.
    expect(stored.slice(0, acked)).toEqual(Array.from({ length: acked }, (_, i) => i + 1));
    expect(stored.length - acked).toBeLessThanOrEqual(1);
  });

  it('skips a torn last line, and refuses a corrupt line in the middle', async () => {
    const dataDir = await tempDir();
    const conversationId = newTestId() as ConversationId;
    const store = await openStore({ dataDir });
    for (let seq = 1; seq <= 3; seq++) await store.messages.insert(messageDoc({ conversationId, seq }));
    await store.close();
    const journal = path.join(dataDir, 'journal.ndjson');
    await appendFile(journal, '{"c":"messages","put":{"_id":"torn');
    expect(await seqs(dataDir, conversationId)).toEqual([1, 2, 3]);

    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    await writeFile(journal, [lines[0], '{not json', ...lines.slice(1)].join('\n') + '\n');
    await expect(openStore({ dataDir })).rejects.toThrow(/corrupt record/);
  });

  it('compacts without losing writes made during the rewrite', async () => {
    const dataDir = await tempDir();
    const db = await openEmbedded(dataDir, { compactAfterBytes: Number.MAX_SAFE_INTEGER });
    const store = await createStore(db);
    const conversationId = newTestId() as ConversationId;
    for (let seq = 1; seq <= 300; seq++) await store.messages.insert(messageDoc({ conversationId, seq }));
    // Many versions of one document make the journal long; compaction keeps the last only.
    const c = newTestId();
    await store.conversations.create(conversationDoc({ _id: c as never }));
    for (let i = 1; i <= 200; i++) await store.conversations.recordMessage(c as never, { seq: i, at: i, preview: `p${i}`, by: 'visitor' });
    const before = (await stat(path.join(dataDir, 'journal.ndjson'))).size;
    // Close compacts; writes racing with it still land.
    const racing = Array.from({ length: 50 }, (_, i) => store.messages.insert(messageDoc({ conversationId, seq: 301 + i })));
    await Promise.all([...racing, store.close()]);
    const after = (await stat(path.join(dataDir, 'journal.ndjson'))).size;
    expect(after).toBeLessThan(before);
    expect(await seqs(dataDir, conversationId)).toEqual(Array.from({ length: 350 }, (_, i) => i + 1));
    const reopened = await openStore({ dataDir });
    expect(await reopened.conversations.byId(c as never)).toMatchObject({ lastSeq: 200, unreadByAgent: 200, lastMessagePreview: 'p200' });
    await reopened.close();
  });

  it('journals an update as the fields it touched, and replays it to the same document', async () => {
    const dataDir = await tempDir();
    const db = await openEmbedded(dataDir, { compactAfterBytes: Number.MAX_SAFE_INTEGER });
    type Item = { _id: string; n: number; tags: string[]; note?: string; nested: { a: number; b: number } };
    const items = await db.collection<Item>('items', []);
    await items.insertOne({ _id: 'x', n: 0, tags: [], note: 'drop me', nested: { a: 1, b: 1 } });
    await items.insertOne({ _id: 'y', n: 0, tags: [], nested: { a: 0, b: 0 } });
    await items.updateOne({ _id: 'x' }, { $inc: { n: 2, 'nested.a': 5 }, $push: { tags: 'vip' } });
    await items.updateOne({ _id: 'x' }, { $set: { n: 7 }, $unset: { note: true } });
    await items.updateMany({}, { $max: { n: 3 } });
    await items.deleteOne({ _id: 'y' });
    await items.updateMany({ _id: 'y' }, { $set: { n: 9 } }); // matches nothing: journals nothing

    const journal = path.join(dataDir, 'journal.ndjson');
    const lines = (await readFile(journal, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Updates carry only what they touched, never the whole document.
    expect(lines[2]).toEqual({ c: 'items', set: { _id: 'x', n: 2, nested: { a: 6, b: 1 }, tags: ['vip'] } });
    expect(lines[3]).toEqual({ c: 'items', set: { _id: 'x', n: 7 }, unset: ['note'] });
    const replayed = (await replay(journal)).get('items')!;
    expect([...replayed.values()]).toEqual([{ _id: 'x', n: 7, tags: ['vip'], nested: { a: 6, b: 1 } }]);
    expect(await items.find({})).toEqual([...replayed.values()]);
    await db.close();
  });

  it('refuses a data folder another live process holds', async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, 'LOCK'), String(process.ppid));
    await expect(openStore({ dataDir })).rejects.toThrow(/in use by process/);
    // A lock left by a process that is gone is taken over.
    await writeFile(path.join(dataDir, 'LOCK'), '999999');
    const store = await openStore({ dataDir });
    await store.close();
  });
});
