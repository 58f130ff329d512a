import { mongoHarness, mongoWireOrSkip } from './harnesses.js';
import { kbContract } from './kb-contract.js';

const server = await mongoWireOrSkip('knowledge-base store contract');
if (server) kbContract(`mongodb (${server.description})`, mongoHarness(server));
