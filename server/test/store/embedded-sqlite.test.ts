/**
 * The embedded store's guarantees on SQLite: acknowledged writes survive a SIGKILL and a
 * torn WAL tail, a failed write is visible to nobody and a retry writes again, the store
 * recovers by itself once the cause is gone, damage is reported with the file's name, an
 * old journal is imported once, and a data folder has one owner.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, stat, truncate, writeFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConversationId } from '@counter/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { DuplicateKeyError, StoreUnavailableError } from '../../src/store/errors.js';
import { openStore } from '../../src/store/open-store.js';
import { createStore } from '../../src/store/store.js';
import { conversationDoc, messageDoc, newTestId } from '../support/fixtures.js';

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-sqlite-'));
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
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Records what the store logs, to check that a failure is logged once and the recovery too. */
function recordingLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('embedded store on SQLite', () => {
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
    // Everything acknowledged is there, in order; at most the writes in flight are extra.
    expect(stored.slice(0, acked)).toEqual(range(acked));
    expect(stored).toEqual(range(stored.length));
  });

  it('discards a torn WAL tail after an unclean stop and keeps every commit before it', async () => {
    const dataDir = await tempDir();
    const conversationId = newTestId() as ConversationId;
    const store = await openStore({ dataDir });
    const wal = path.join(dataDir, `${DATABASE_FILE}-wal`);
    let walAfter40 = 0;
    for (let seq = 1; seq <= 50; seq++) {
      await store.messages.insert(messageDoc({ conversationId, seq }));
      if (seq === 40) walAfter40 = (await stat(wal)).size;
    }
    // The files as a crash leaves them (the store is still open: no checkpoint, WAL intact)...
    const crashed = await tempDir();
    await copyFile(path.join(dataDir, DATABASE_FILE), path.join(crashed, DATABASE_FILE));
    await copyFile(wal, path.join(crashed, `${DATABASE_FILE}-wal`));
    await store.close();
    // ...with the 41st commit torn in the middle of its first frame.
    expect((await stat(path.join(crashed, `${DATABASE_FILE}-wal`))).size).toBeGreaterThan(walAfter40 + 100);
    await truncate(path.join(crashed, `${DATABASE_FILE}-wal`), walAfter40 + 100);
    expect(await seqs(crashed, conversationId)).toEqual(range(40));
    // And it keeps working after that: a second start, a new write.
    const again = await openStore({ dataDir: crashed });
    await again.messages.insert(messageDoc({ conversationId, seq: 41 }));
    await again.close();
    expect(await seqs(crashed, conversationId)).toEqual(range(41));
  });

  it('a write that failed is visible to nobody, its retry fails again, and writes succeed once space returns', async () => {
    const dataDir = await tempDir();
    const { lines, log } = recordingLog();
    const db = await openEmbedded(dataDir, { log });
    const store = await createStore(db);
    const conversationId = newTestId() as ConversationId;
    await store.messages.insert(messageDoc({ conversationId, seq: 1 }));
    // The database may not grow any more: SQLite fails page allocation with SQLITE_FULL,
    // exactly as on a full disk.
    const pages = ((await db.pragma('page_count')) as { page_count: number }[])[0]!.page_count;
    await db.pragma(`max_page_count = ${pages}`);
    const big = (seq: number) => messageDoc({ conversationId, seq, text: 'x'.repeat(3000) });
    let failed: ReturnType<typeof big> | null = null;
    let seq = 2;
    for (; seq < 100 && !failed; seq++) {
      const m = big(seq);
      await store.messages.insert(m).catch((err: unknown) => {
        expect(err).toBeInstanceOf(StoreUnavailableError);
        failed = m;
      });
    }
    expect(failed).not.toBeNull();
    const lost = failed! as ReturnType<typeof big>;
    const lastStored = lost.seq - 1;
    // Nobody sees it; the client's retry (same client id) is not taken for a duplicate.
    expect(await store.messages.byClientId(conversationId, lost.clientId)).toBeNull();
    expect(await store.messages.lastSeq(conversationId)).toBe(lastStored);
    await expect(store.messages.insert(lost)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.messages.byClientId(conversationId, lost.clientId)).toBeNull();

    // Space returns: /ready recovers by itself and the retry writes.
    await db.pragma('max_page_count = 1073741823');
    await store.ping();
    await store.messages.insert(lost);
    expect(await store.messages.byClientId(conversationId, lost.clientId)).toEqual(lost);
    expect(await store.messages.lastSeq(conversationId)).toBe(lost.seq);
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.obj).toMatchObject({ file: db.file, collections: ['messages'] });
    expect(lines.filter((l) => l.level === 'info' && /succeed again/.test(l.msg))).toHaveLength(1);
    await store.close();
    expect(await seqs(dataDir, conversationId)).toEqual(range(lost.seq));
  });

  it('writes issued together commit together; a duplicate among them fails alone', async () => {
    const dataDir = await tempDir();
    const store = await openStore({ dataDir });
    const conversationId = newTestId() as ConversationId;
    const first = messageDoc({ conversationId, seq: 1 });
    const results = await Promise.allSettled([
      store.messages.insert(first),
      store.messages.insert({ ...first, _id: newTestId() as never, seq: 2 }),
      store.messages.insert(messageDoc({ conversationId, seq: 3 })),
      store.conversations.create(conversationDoc({ _id: conversationId })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateKeyError);
    await store.close();
    expect(await seqs(dataDir, conversationId)).toEqual([1, 3]);
  });

  it('refuses to start on a damaged database file, naming it', async () => {
    const dataDir = await tempDir();
    const store = await openStore({ dataDir });
    const conversationId = newTestId() as ConversationId;
    for (let seq = 1; seq <= 200; seq++) await store.messages.insert(messageDoc({ conversationId, seq }));
    await store.close();
    const file = path.join(dataDir, DATABASE_FILE);
    const pageSize = 4096;
    const pages = (await stat(file)).size / pageSize;
    expect(pages).toBeGreaterThan(3);
    // One byte: the page-type flag of a b-tree page in the middle of the file.
    const handle = await open(file, 'r+');
    await handle.write(Buffer.from([0x07]), 0, 1, Math.floor(pages / 2) * pageSize);
    await handle.close();
    await expect(openStore({ dataDir })).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged`));
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

/** Writes a journal the way the store before SQLite did (one JSON record per line). */
async function writeOldJournal(dataDir: string, records: object[], tail = '') {
  await writeFile(path.join(dataDir, 'journal.ndjson'), records.map((r) => JSON.stringify(r)).join('\n') + '\n' + tail);
}

describe('migration from the journal of the store before SQLite', () => {
  it('imports it once on first start, logs the counts and keeps the old file aside', async () => {
    const dataDir = await tempDir();
    const conversationId = newTestId() as ConversationId;
    const conversation = conversationDoc({ _id: conversationId });
    const messages = range(3).map((seq) => messageDoc({ conversationId, seq }));
    await writeOldJournal(
      dataDir,
      [
        { c: 'conversations', put: { ...conversation, lastSeq: 0, offline: true } },
        ...messages.map((m) => ({ c: 'messages', put: m })),
        { c: 'messages', put: messageDoc({ conversationId, seq: 9, _id: 'gone' as never }) },
        { c: 'messages', del: 'gone' },
        { c: 'conversations', set: { _id: conversationId, lastSeq: 3 }, unset: ['offline'] },
      ],
      '{"c":"messages","put":{"_id":"torn', // a crash mid-write: never acknowledged
    );
    const { lines, log } = recordingLog();
    const store = await createStore(await openEmbedded(dataDir, { log }));
    expect(await store.messages.after(conversationId, 0, 100, true)).toEqual({ messages, hasMore: false });
    const { offline: _dropped, ...rest } = conversation;
    expect(await store.conversations.byId(conversationId)).toEqual({ ...rest, lastSeq: 3 });
    const imported = lines.filter((l) => /imported the old journal/.test(l.msg));
    expect(imported).toHaveLength(1);
    expect(imported[0]!.obj).toMatchObject({ documents: { conversations: 1, messages: 3 } });
    await store.close();

    const files = await readdir(dataDir);
    expect(files).not.toContain('journal.ndjson');
    expect(files.some((f) => f.startsWith('journal.ndjson.imported-'))).toBe(true);
    // The second start imports nothing and has the same data.
    const again = recordingLog();
    const reopened = await createStore(await openEmbedded(dataDir, { log: again.log }));
    expect(again.lines.filter((l) => /imported/.test(l.msg))).toEqual([]);
    expect((await reopened.messages.after(conversationId, 0, 100, true)).messages).toEqual(messages);
    await reopened.close();
  });

  it('refuses a journal with a corrupt line before its end, naming it, and imports nothing', async () => {
    const dataDir = await tempDir();
    const conversationId = newTestId() as ConversationId;
    const m = messageDoc({ conversationId, seq: 1 });
    await writeOldJournal(dataDir, [{ c: 'messages', put: m }]);
    await writeFile(path.join(dataDir, 'journal.ndjson'), `{not json\n${JSON.stringify({ c: 'messages', put: m })}\n`);
    await expect(openStore({ dataDir })).rejects.toThrow(/journal\.ndjson: line 1 is corrupt/);
    expect(await readdir(dataDir)).toContain('journal.ndjson');
  });
});
