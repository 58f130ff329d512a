/** The AgentTransport over socket.io-client, same origin, authenticated by the cookie. */
import { PROTOCOL_VERSION, type AgentAuth, type AgentClientToServerEvents, type AgentServerToClientEvents } from '@counter/shared';
import { io, type Socket } from 'socket.io-client';
import { clientError, fromErrorBody } from '../lib/client-error.js';
import type { AgentTransport, CommandResult, ConnectionEvent } from './agent-transport.js';

type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

const DEFAULT_TIMEOUT_MS = 15_000;
/** Handshake refusals that no retry will fix. */
const FINAL_REJECTIONS = new Set(['unauthorized', 'session_revoked', 'protocol_version_mismatch', 'origin_not_allowed', 'forbidden']);
const MANUAL_RETRY_MS = [1000, 2000, 5000, 10_000, 20_000];

export function createSocketTransport(url = '/agent'): AgentTransport {
  const auth: AgentAuth = { v: PROTOCOL_VERSION };
  const socket: AgentSocket = io(url, {
    autoConnect: false,
    auth,
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
  });
  const connectionListeners = new Set<(e: ConnectionEvent) => void>();
  const emit = (e: ConnectionEvent) => connectionListeners.forEach((l) => l(e));
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let manualRetries = 0;

  socket.on('connect', () => {
    manualRetries = 0;
    emit({ type: 'connected', recovered: socket.recovered });
  });
  socket.on('disconnect', (reason) => {
    // "io server disconnect" (session revoked, server shutting us out) and our own close()
    // are not retried by Socket.IO; everything else is.
    emit({ type: 'disconnected', willRetry: socket.active, reason });
  });
  socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
    const code = err.data?.code;
    if (code && FINAL_REJECTIONS.has(code)) {
      emit({ type: 'rejected', code, message: err.data?.message ?? err.message });
      return;
    }
    if (socket.active) {
      emit({ type: 'disconnected', willRetry: true, reason: err.message });
      return;
    }
    // A middleware refusal that may pass later (store briefly unavailable): retry ourselves.
    emit({ type: 'disconnected', willRetry: true, reason: code ?? err.message });
    const delay = MANUAL_RETRY_MS[Math.min(manualRetries++, MANUAL_RETRY_MS.length - 1)]!;
    retryTimer = setTimeout(() => !closed && socket.connect(), delay);
  });
  socket.io.on('reconnect_attempt', () => emit({ type: 'connecting' }));

  return {
    connect() {
      closed = false;
      emit({ type: 'connecting' });
      socket.connect();
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      socket.disconnect();
    },
    get connected() {
      return socket.connected;
    },
    async command(name, payload, options = {}) {
      // Never let Socket.IO buffer a command while offline: the caller decides to retry.
      if (!socket.connected) return { ok: false, error: clientError('disconnected') };
      try {
        const ack = (await (socket.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) as unknown as Socket).emitWithAck(
          name,
          payload,
        )) as CommandResult<never> | { ok: false; error: unknown };
        if (ack && ack.ok === true) return ack as CommandResult<never>;
        return { ok: false, error: fromErrorBody((ack as { error?: never })?.error) };
      } catch {
        return { ok: false, error: clientError(socket.connected ? 'timeout' : 'disconnected') };
      }
    },
    on(event, listener) {
      socket.on(event, listener as never);
      return () => {
        socket.off(event, listener as never);
      };
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
