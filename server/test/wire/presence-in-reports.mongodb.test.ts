import { afterAll, describe, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { presenceInReportsSuite } from './presence-in-reports-suite.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`presence history in the reports: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
} else {
  const { server } = wire;
  afterAll(() => server.dispose());
  presenceInReportsSuite(`mongodb (${server.description})`, () => ({ mongodbUrl: server.url }));
}
