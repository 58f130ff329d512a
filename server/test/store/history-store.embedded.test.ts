import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationDoc } from '../../src/store/documents.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
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
});
