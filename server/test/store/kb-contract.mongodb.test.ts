import { describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { kbContract } from './kb-contract.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`knowledge-base store contract: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
  console.warn(`[mongodb] knowledge-base store contract skipped: ${wire.skipped}`);
} else {
  const { server } = wire;
  console.info(`[mongodb] knowledge-base store contract on ${server.description}`);
  kbContract(`mongodb (${server.description})`, async () => ({
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
