import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { responseTargetsSuite } from './response-targets-suite.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  console.warn(`[mongodb] response targets suite skipped: ${wire.skipped}`);
  describe.skip(`response targets on mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
} else {
  const { server } = wire;
  afterAll(() => server.dispose());
  responseTargetsSuite(`mongodb (${server.description})`, () => {
    // A database per test: tests must not see each other's agents.
    const url = new URL(server.url);
    url.pathname = `/targets_${randomBytes(5).toString('hex')}`;
    return openStore({ mongodbUrl: url.toString() });
  });
}
