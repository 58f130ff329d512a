import { afterAll, describe, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { supervisorSuite } from './supervisor-suite.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`supervisor live view: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
} else {
  const { server } = wire;
  afterAll(() => server.dispose());
  supervisorSuite(`mongodb (${server.description})`, () => ({ mongodbUrl: server.url }));
}
