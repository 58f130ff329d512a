/**
 * The physical floor: a bare Socket.IO relay. Shoppers connect to /visitor naming their pair,
 * agents to /agent and join the rooms of their pairs; a shopper's message is forwarded to its
 * pair's room and acked on receipt. No auth, no validation, no storage.
 *
 * Same socket.io as the product (imported from the server package, so the very same
 * installed version) and the same settings as server/src/plugins/realtime.ts (path, packet
 * size limit, ping interval and timeout; no connection state recovery).
 *
 * Bundled by the bench into one plain .mjs and run with plain `node`, like the product's
 * dist/main.js, so that neither carries a TypeScript loader.
 */
import { createServer } from 'node:http';
import { LIMITS } from '@counter/shared';
import { Server } from '../../../server/node_modules/socket.io/dist/index.js';

const port = Number(process.env.PORT ?? 0);
const http = createServer();
const io = new Server(http, {
  path: '/socket.io/',
  maxHttpBufferSize: LIMITS.payloadBytes,
  serveClient: false,
  pingInterval: 20_000,
  pingTimeout: 20_000,
});
const agents = io.of('/agent');

io.of('/visitor').on('connection', (socket) => {
  const room = `pair-${String(socket.handshake.auth.pair)}`;
  void socket.join(room);
  socket.on('message', (payload: unknown, ack?: (answer: unknown) => void) => {
    agents.to(room).emit('message', payload);
    ack?.({ ok: true, data: null });
  });
});

agents.on('connection', (socket) => {
  socket.on('join', (pairs: number[], ack?: (answer: unknown) => void) => {
    void socket.join(pairs.map((p) => `pair-${p}`));
    ack?.({ ok: true, data: null });
  });
});

http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  console.log(`relay listening on ${typeof address === 'object' && address ? address.port : port}`);
});

const stop = () => {
  io.close();
  http.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
