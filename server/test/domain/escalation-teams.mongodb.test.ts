import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { escalationTeamsSuite } from './escalation-teams-suite.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  console.warn(`[mongodb] team-aware escalation suite skipped: ${wire.skipped}`);
  describe.skip(`team-aware escalation on mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
} else {
  const { server } = wire;
  afterAll(() => server.dispose());
  escalationTeamsSuite(`mongodb (${server.description})`, () => {
    // A database per test: tests must not see each other's agents.
    const url = new URL(server.url);
    url.pathname = `/escalation_${randomBytes(5).toString('hex')}`;
    return openStore({ mongodbUrl: url.toString() });
  });
}
