/**
 * The real network: REST for the visitor session, socket.io-client for everything live.
 * WebSocket first (one round trip less on open). Long-polling, for networks whose proxies
 * block WebSocket, is loaded after the first failed connection and tried next (see
 * transportsOnDemand in vite.config.ts). socket.io's manager reconnects with backoff after
 * network errors; a refusal by the server's middleware stops it, and the session decides
 * what to do with the code.
 */
import type { ErrorCode, VisitorAuth, VisitorSessionResponse } from '@counter/shared';
import { Manager } from 'socket.io-client';
import { RefusedError, TransportError, type Backend, type Transport, type TransportStatus } from './transport';

/** No Vite preload helper for the polling chunk (see ui/App.tsx). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const __vitePreload = (load: () => Promise<unknown>) => load();

/** How long a command may wait for its ack before it counts as unanswered. */
const ACK_TIMEOUT_MS = 10_000;

export function socketBackend(origin: string): Backend {
  return {
    async session(request) {
      const res = await fetch(`${origin}/api/v1/visitor/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      const body = (await res.json()) as VisitorSessionResponse & { code?: ErrorCode };
      if (!res.ok) throw new RefusedError(body.code ?? 'internal');
      return body;
    },
    revoke(siteId, token) {
      fetch(`${origin}/api/v1/visitor/sessions?siteId=${encodeURIComponent(siteId)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
        keepalive: true,
      }).catch(() => {});
    },
    connect: (auth) => socketTransport(origin, auth),
  };
}

function socketTransport(origin: string, auth: VisitorAuth): Transport {
  const credentials = { ...auth };
  const options = { auth: credentials, transports: ['websocket'], tryAllTransports: true, reconnectionDelayMax: 10_000 };
  // What io(url, options) does for a first connection, without its URL parsing and manager
  // cache (one socket per transport here): about 0.3 KB gzip out of the first render.
  const socket = new Manager(`${origin}/visitor`, options).socket('/visitor', options);
  const listeners: ((status: TransportStatus) => void)[] = [];
  const report = (status: TransportStatus) => listeners.forEach((l) => l(status));

  socket.on('connect', () => report({ up: true }));
  socket.on('disconnect', (reason) => {
    report({ up: false });
    // The server closed this socket on purpose; ask again (the handshake decides).
    if (reason === 'io server disconnect') socket.connect();
  });
  let polling: Promise<unknown> | undefined;
  socket.on('connect_error', (err: Error & { data?: { code?: ErrorCode } }) => {
    // Inactive after a middleware refusal: socket.io will not retry by itself.
    report(socket.active ? { up: false } : { up: false, refused: err.data?.code ?? 'internal' });
    // The next attempts may fall back to long-polling (the manager reads its options anew).
    polling ??= import('virtual:engine-polling').then(
      () => (socket.io.opts.transports = ['websocket', 'polling']),
      () => (polling = undefined), // the server is down: fetch it on a later failure
    );
  });

  return {
    request(name, payload) {
      if (!socket.connected) return Promise.reject(new TransportError('offline'));
      return new Promise((resolve, reject) => {
        socket.timeout(ACK_TIMEOUT_MS).emit(name, payload, (err: Error | null, ack: never) => {
          if (err) reject(new TransportError('timeout'));
          else resolve(ack);
        });
      });
    },
    on(event, listener) {
      socket.on(event, listener as never);
    },
    onStatus(listener) {
      listeners.push(listener);
    },
    setToken(token) {
      credentials.token = token;
    },
    reconnect() {
      if (!socket.connected) socket.connect();
    },
    close() {
      socket.disconnect();
    },
  };
}
