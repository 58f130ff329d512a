import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VisitorId } from '@counter/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/collection.js';
import type { ConversationDoc, VisitorDoc } from '../../src/store/documents.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { openMongo } from '../../src/store/mongo/open-mongo.js';
import { createStore } from '../../src/store/store.js';
import { conversationDoc, newTestId, visitorDoc } from '../support/fixtures.js';
import { startMongoWire } from '../support/mongo-wire.js';

/**
 * Data written before the one-open-conversation key (`openKey`) and visitor expiry
 * (`retained`) existed: the store fills both in at start, before the unique index is built,
 * even where the old race left two open conversations for one visitor.
 */
const wire = await startMongoWire();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  if (!('skipped' in wire)) await wire.server.dispose();
});

const backends: [string, (() => Promise<Database>) | null][] = [
  [
    'embedded',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'counter-backfill-'));
      dirs.push(dir);
      return openEmbedded(dir);
    },
  ],
  // A fresh database for this file: nothing was stored in it before.
  ['mongodb', 'skipped' in wire ? null : () => openMongo(wire.server.url)],
];

const legacy = <T extends object>(doc: T, ...fields: string[]) =>
  Object.fromEntries(Object.entries(doc).filter(([k]) => !fields.includes(k))) as T;

describe.each(backends)('start-up backfill of openKey and retained (%s)', (_label, open) => {
  it.skipIf(!open)('gives the newest open conversation the visitor key and every other its own id', async () => {
    const db = await open!();
    const visitorId = newTestId() as VisitorId;
    const older = conversationDoc({ visitorId, status: 'waiting', createdAt: 1 });
    const newer = conversationDoc({ visitorId, status: 'assigned', createdAt: 2 });
    const done = conversationDoc({ visitorId, status: 'resolved', createdAt: 0 });
    const conversations = await db.collection<ConversationDoc>('conversations', []);
    for (const c of [older, newer, done]) await conversations.insertOne(legacy(c, 'openKey'));
    const visitor = visitorDoc({ _id: visitorId });
    await (await db.collection<VisitorDoc>('visitors', [])).insertOne(legacy(visitor, 'retained'));

    const store = await createStore(db);
    try {
      expect((await store.conversations.openForVisitor(visitorId))?._id).toBe(newer._id);
      expect((await store.conversations.byId(older._id))?.openKey).toBe(older._id);
      expect((await store.conversations.byId(done._id))?.openKey).toBe(done._id);
      expect((await store.visitors.byId(visitorId))?.retained).toBe(false);
      // From now on the store holds the rule.
      await expect(store.conversations.create(conversationDoc({ visitorId }))).rejects.toThrow(/duplicate/);
    } finally {
      await store.close();
    }
  });
});
