import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { teamsSuite } from './teams-suite.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  console.warn(`[mongodb] teams suite skipped: ${wire.skipped}`);
  describe.skip(`teams on mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
} else {
  const { server } = wire;
  afterAll(() => server.dispose());
  teamsSuite(`mongodb (${server.description})`, () => {
    // A database per test: routing tests must not see each other's agents.
    const url = new URL(server.url);
    url.pathname = `/teams_${randomBytes(5).toString('hex')}`;
    return openStore({ mongodbUrl: url.toString() });
  });
}
