import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { queueLookaheadSuite } from './queue-lookahead-suite.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  console.warn(`[mongodb] the queue past a blocked head suite skipped: ${wire.skipped}`);
  describe.skip(`the queue past a blocked head on mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
} else {
  const { server } = wire;
  afterAll(() => server.dispose());
  queueLookaheadSuite(`mongodb (${server.description})`, () => {
    // A database per test: tests must not see each other's agents.
    const url = new URL(server.url);
    url.pathname = `/lookahead_${randomBytes(5).toString('hex')}`;
    return openStore({ mongodbUrl: url.toString() });
  });
}
