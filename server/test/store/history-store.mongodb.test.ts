import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { mongoWireOrSkip } from './harnesses.js';
import { historyContract } from './history-contract.js';

const server = await mongoWireOrSkip('history store contract');
if (server) {
  historyContract(`mongodb (${server.description})`, () => openStore({ mongodbUrl: server.url }));
  afterAll(() => server.dispose());
}
