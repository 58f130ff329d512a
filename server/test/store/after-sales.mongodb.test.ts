import { describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { afterSalesContract } from './after-sales-contract.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`after-sales store: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
  console.warn(`[mongodb] after-sales store skipped: ${wire.skipped}`);
} else {
  const { server } = wire;
  console.info(`[mongodb] after-sales store on ${server.description}`);
  afterSalesContract(`mongodb (${server.description})`, async () => ({
    open: () => openStore({ mongodbUrl: server.url }),
    async reopen(store) {
      await store.close();
      // A real restart of the database server, on the same data.
      await server.stop();
      await server.start();
      return openStore({ mongodbUrl: server.url });
    },
    dispose: () => server.dispose(),
  }));
}
