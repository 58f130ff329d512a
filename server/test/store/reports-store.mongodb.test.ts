import { describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { reportsContract } from './reports-contract.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`reports store contract: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
} else {
  const { server } = wire;
  reportsContract(`mongodb (${server.description})`, () => openStore({ mongodbUrl: server.url }));
  const { afterAll } = await import('vitest');
  afterAll(() => server.dispose());
}
