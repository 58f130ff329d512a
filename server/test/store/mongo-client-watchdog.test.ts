/**
 * The MongoDB adapter replaces a client that fails every operation while the server answers
 * a new one (issue 9: a client that stayed broken for 290 s), and leaves the client alone
 * during a real outage. A broken client is made here the one way the driver offers: closing
 * it behind the adapter's back, after which it fails everything with a driver error, as the
 * stuck client did.
 */
import { randomUUID } from 'node:crypto';
import type { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DocCollection } from '../../src/store/collection.js';
import { StoreUnavailableError } from '../../src/store/errors.js';
import { openMongo } from '../../src/store/mongo/open-mongo.js';
import { startMongoWire, type MongoWireServer } from '../support/mongo-wire.js';
import { eventually } from '../support/wait.js';

const wire = await startMongoWire();

describe.skipIf('skipped' in wire)('MongoDB client watchdog', () => {
  let server: MongoWireServer;
  beforeAll(() => {
    if ('server' in wire) server = wire.server;
  });
  afterAll(async () => {
    await server?.dispose();
  });

  async function open() {
    const clients: MongoClient[] = [];
    const logged: string[] = [];
    const db: Database = await openMongo(server.url, {
      serverSelectionTimeoutMS: 500,
      watchdogMs: 300,
      log: { warn: (_o, msg) => logged.push(msg), error: (_o, msg) => logged.push(msg) },
      onClient: (c) => clients.push(c),
    });
    const coll: DocCollection<{ _id: string }> = await db.collection('watchdog_probe', []);
    const write = () => coll.insertOne({ _id: randomUUID() }).then(() => 'ok', (err: unknown) => err);
    return { db, clients, logged, write };
  }

  it('replaces a client that fails everything while the server answers a new one', async () => {
    const { db, clients, logged, write } = await open();
    try {
      expect(await write()).toBe('ok');
      await clients[0]!.close(); // broken for good: every operation now fails
      expect(await write()).toBeInstanceOf(StoreUnavailableError);
      await eventually(write, (r) => r === 'ok', 'writes through a replaced client', 15_000);
      expect(clients).toHaveLength(2);
      expect(logged.filter((m) => m.includes('replaced it'))).toHaveLength(1);
      expect(await db.ping().then(() => 'ready')).toBe('ready');
    } finally {
      await db.close();
    }
  });

  it('keeps its client through an outage, and the client recovers by itself', async () => {
    const { db, clients, logged, write } = await open();
    try {
      await server.stop();
      // Failing longer than the watchdog's delay: it probes, the server does not answer, it keeps the client.
      const failures = await eventually(
        async () => ({ result: await write(), logged: [...logged] }),
        ({ logged: l }) => l.some((m) => m.includes('does not answer a new client')),
        'the watchdog to probe during the outage',
        15_000,
      );
      expect(failures.result).toBeInstanceOf(StoreUnavailableError);
      await server.start();
      await eventually(write, (r) => r === 'ok', 'writes after the outage', 20_000);
      expect(clients).toHaveLength(1);
      expect(logged.some((m) => m.includes('replaced it'))).toBe(false);
    } finally {
      await db.close();
    }
  });
});
