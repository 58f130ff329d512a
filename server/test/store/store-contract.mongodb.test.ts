import { afterSalesContract } from './after-sales-contract.js';
import { storeContract } from './contract.js';
import { mongoHarness, mongoWireOrSkip } from './harnesses.js';

const server = await mongoWireOrSkip('store contract');
if (server) {
  const harness = mongoHarness(server);
  // After-sales (issue 12): the ledger, daily totals, audit and limits on the same server;
  // first, and leaving the server to the store contract, which stops it after its last test.
  afterSalesContract(`mongodb (${server.description})`, async () => ({ ...(await harness()), dispose: async () => {} }));
  storeContract(`mongodb (${server.description})`, harness);
}
