import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationDoc } from '../../src/store/documents.js';
import Sqlite from 'better-sqlite3';
import { DATABASE_FILE, openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { createStore } from '../../src/store/store.js';
import { conversationDoc } from '../support/fixtures.js';
import { openStore } from '../../src/store/open-store.js';
import { historyContract } from './history-contract.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

historyContract('embedded (SQLite)', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-history-'));
  dirs.push(dataDir);
  return openStore({ dataDir });
});

describe('embedded multikey index on data stored before it', () => {
  it('copies the keys of earlier documents when the side table is made', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-history-'));
    dirs.push(dataDir);
    const db = await openEmbedded(dataDir);
    const earlier = conversationDoc({ tags: ['refund'], createdAt: 5 });
    await (await db.collection<ConversationDoc>('conversations', [])).insertOne(earlier);
    const store = await createStore(db);
    try {
      const found = await store.conversations.history({ siteIds: null, narrowTo: null, tag: 'refund', after: null, limit: 5 });
      expect(found.map((c) => c._id)).toEqual([earlier._id]);
    } finally {
      await store.close();
    }
  });

  it('replaces the first design\'s (key, id) side table and its triggers by the FTS5 index', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-history-'));
    dirs.push(dataDir);
    const first = await openEmbedded(dataDir);
    const earlier = conversationDoc({ tags: ['exchange'], createdAt: 7 });
    await (await first.collection<ConversationDoc>('conversations', [])).insertOne(earlier);
    await first.close();
    // What a data folder of the first design holds: the side table and a trigger that fills it.
    const raw = new Sqlite(path.join(dataDir, DATABASE_FILE));
    raw.exec(`CREATE TABLE "conversations__mk_tags" (key NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
      CREATE TRIGGER "conversations__mk_tags__insert" AFTER INSERT ON "conversations" BEGIN
        INSERT OR IGNORE INTO "conversations__mk_tags" (key, id) SELECT value, NEW.id FROM json_each(NEW.doc, '$.tags'); END`);
    raw.close();

    const store = await createStore(await openEmbedded(dataDir));
    try {
      const later = conversationDoc({ tags: ['exchange'], createdAt: 9 });
      await store.conversations.create(later);
      const found = await store.conversations.history({ siteIds: null, narrowTo: null, tag: 'exchange', after: null, limit: 5 });
      expect(found.map((c) => c._id)).toEqual([later._id, earlier._id]);
    } finally {
      await store.close();
    }
    const check = new Sqlite(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const names = check.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'conversations__mk_tags%'`).all();
    check.close();
    expect(names).toEqual([]);
  });
});
