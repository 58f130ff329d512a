import { describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { storeContract, type StoreHarness } from './contract.js';
import { afterSalesContract } from './after-sales-contract.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`store contract: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
  console.warn(`[mongodb] store contract skipped: ${wire.skipped}`);
} else {
  const { server } = wire;
  console.info(`[mongodb] store contract on ${server.description}`);
  const harness = async (): Promise<StoreHarness> => ({
    open: () => openStore({ mongodbUrl: server.url }),
    async reopen(store) {
      await store.close();
      // A real restart of the database server, on the same data.
      await server.stop();
      await server.start();
      return openStore({ mongodbUrl: server.url });
    },
    dispose: () => server.dispose(),
  });
  // After-sales (issue 12): the ledger, daily totals, audit and limits on the same server;
  // first, and leaving the server to the store contract, which stops it after its last test.
  afterSalesContract(`mongodb (${server.description})`, async () => ({ ...(await harness()), dispose: async () => {} }));
  storeContract(`mongodb (${server.description})`, harness);
}
