import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { mongoWireOrSkip } from './harnesses.js';
import { reportsContract } from './reports-contract.js';

const server = await mongoWireOrSkip('reports store contract');
if (server) {
  reportsContract(`mongodb (${server.description})`, () => openStore({ mongodbUrl: server.url }));
  afterAll(() => server.dispose());
}
