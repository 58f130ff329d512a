import { describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { presenceHistoryContract } from './presence-history-contract.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`presence history: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
  console.warn(`[mongodb] presence history skipped: ${wire.skipped}`);
} else {
  const { server } = wire;
  presenceHistoryContract(`mongodb (${server.description})`, async () => ({
    open: () => openStore({ mongodbUrl: server.url }),
    async reopen(store) {
      await store.close();
      return openStore({ mongodbUrl: server.url });
    },
    dispose: () => server.dispose(),
  }));
}
