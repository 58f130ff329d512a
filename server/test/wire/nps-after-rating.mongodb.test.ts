import { afterAll, describe, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { npsAfterRatingSuite } from './nps-after-rating-suite.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`NPS after the rating: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
} else {
  const { server } = wire;
  afterAll(() => server.dispose());
  npsAfterRatingSuite(`mongodb (${server.description})`, () => ({ mongodbUrl: server.url }));
}
