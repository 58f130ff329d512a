/**
 * Where the store contracts run: the embedded store in a scratch data folder, and a real
 * MongoDB-wire server (FerretDB on CI, or MONGODB_URL / a mongod on the PATH). Each
 * `*.embedded.test.ts` / `*.mongodb.test.ts` pair runs one contract on both.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire, type MongoWireServer } from '../support/mongo-wire.js';
import type { StoreHarness } from './contract.js';

/** A fresh data folder per harness; reopen is a restart of the process on the same folder. */
export async function embeddedHarness(prefix = 'counter-store-'): Promise<StoreHarness & { dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  return {
    dataDir,
    open: () => openStore({ dataDir }),
    async reopen(store) {
      await store.close();
      return openStore({ dataDir });
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * This file's MongoDB-wire server, or null when none can run here (outside CI): then the
 * contract shows as skipped, with the reason, rather than passing unseen.
 */
export async function mongoWireOrSkip(contract: string): Promise<MongoWireServer | null> {
  const wire = await startMongoWire();
  if ('skipped' in wire) {
    describe.skip(`${contract}: mongodb (skipped: ${wire.skipped})`, () => {
      it('needs a MongoDB-wire server', () => {});
    });
    console.warn(`[mongodb] ${contract} skipped: ${wire.skipped}`);
    return null;
  }
  console.info(`[mongodb] ${contract} on ${wire.server.description}`);
  return wire.server;
}

/**
 * The store on `server`. reopen is a real restart of the database server on the same data,
 * unless `restartServer` is false (reopening the client only); dispose stops it for good.
 */
export function mongoHarness(server: MongoWireServer, { restartServer = true } = {}) {
  return async (): Promise<StoreHarness> => ({
    open: () => openStore({ mongodbUrl: server.url }),
    async reopen(store) {
      await store.close();
      if (restartServer) {
        await server.stop();
        await server.start();
      }
      return openStore({ mongodbUrl: server.url });
    },
    dispose: () => server.dispose(),
  });
}
