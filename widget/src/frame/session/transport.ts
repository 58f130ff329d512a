/**
 * What the chat needs from the network, as interfaces: the real one is socket.io-client +
 * fetch (socket-backend.ts); tests pass a fake. Nothing here connects on import.
 */
import type {
  Ack,
  ErrorCode,
  VisitorAuth,
  VisitorCommandInput,
  VisitorResults,
  VisitorServerToClientEvents,
  VisitorSessionResponse,
} from '@counter/shared';
import type { VisitorSchemas } from '@counter/shared';

export type Command = keyof VisitorResults & keyof VisitorSchemas;
export type ServerEvents = VisitorServerToClientEvents;

/** up: connected. Down without `refused`: lost, the transport retries by itself. */
export interface TransportStatus {
  up: boolean;
  /** The server's handshake said no: no retry until something changes (say, the token). */
  refused?: ErrorCode;
}

export interface Transport {
  /**
   * Sends a command and resolves with its ack (ok or error). Rejects with a TransportError
   * when there is no answer: not connected, or no ack in time.
   */
  request<K extends Command>(name: K, payload: VisitorCommandInput<K>): Promise<Ack<VisitorResults[K]>>;
  on<E extends keyof ServerEvents>(event: E, listener: ServerEvents[E]): void;
  onStatus(listener: (status: TransportStatus) => void): void;
  /** The credential for the next (re)connection. */
  setToken(token: string): void;
  /** Connects again after a refusal (say, with a renewed token). */
  reconnect(): void;
  close(): void;
}

export interface SessionRequest {
  siteId: string;
  pageOrigin: string;
  token?: string;
}

export interface Backend {
  /** A visitor token (the same one while still valid) and the site's widget settings. */
  session(request: SessionRequest): Promise<VisitorSessionResponse>;
  /** Logout: the token stops working. Best effort, survives the frame going away. */
  revoke(siteId: string, token: string): void;
  connect(auth: VisitorAuth): Transport;
}

/** No answer came (offline, or no ack in time): the command may or may not have run. */
export class TransportError extends Error {
  constructor(readonly reason: 'offline' | 'timeout') {
    super(reason);
  }
}

/** The server answered no, with a catalogue code. */
export class RefusedError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/** Unwraps an ok ack or throws RefusedError with its code. */
export function unwrap<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new RefusedError(ack.error.code);
  return ack.data;
}
