import { arrivalsContract } from './arrivals-contract.js';
import { mongoHarness, mongoWireOrSkip } from './harnesses.js';

const server = await mongoWireOrSkip('arrival counts');
if (server) arrivalsContract(`mongodb (${server.description})`, mongoHarness(server, { restartServer: false }));
