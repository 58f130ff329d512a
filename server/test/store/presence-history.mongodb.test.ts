import { presenceHistoryContract } from './presence-history-contract.js';
import { mongoHarness, mongoWireOrSkip } from './harnesses.js';

const server = await mongoWireOrSkip('presence history');
if (server) presenceHistoryContract(`mongodb (${server.description})`, mongoHarness(server, { restartServer: false }));
