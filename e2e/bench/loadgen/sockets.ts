/**
 * The one client setup both the relay and the product get: socket.io-client over WebSocket
 * only (as the widget and the console start), its own connection per client, no automatic
 * reconnection (a dropped socket must show up as a failure, not be papered over).
 */
import { io, type Socket } from 'socket.io-client';

export function connectSocket(url: string, auth: Record<string, unknown>, headers?: Record<string, string>): Promise<Socket> {
  const socket = io(url, {
    auth,
    ...(headers ? { extraHeaders: headers } : {}),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.off('connect_error');
      resolve(socket);
    });
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      socket.close();
      reject(new Error(`connect ${url}: ${err.data?.code ?? err.message}`));
    });
  });
}

type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** Emits a command and resolves with its ack's data; rejects on an error ack or no answer. */
export async function command<T>(socket: Socket, name: string, payload: unknown, timeoutMs = 30_000): Promise<T> {
  const ack = (await socket.timeout(timeoutMs).emitWithAck(name, payload)) as Ack;
  if (!ack.ok) throw new Error(`${name}: ${ack.error.code} ${ack.error.message}`);
  return ack.data as T;
}
