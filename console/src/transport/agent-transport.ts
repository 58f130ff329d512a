/**
 * The one owner of the /agent socket. Nothing connects on import: the console creates a
 * transport after sign-in and closes it at sign-out. Tests use a fake with this interface.
 */
import type { AgentCommand, AgentCommandInput, AgentResults, AgentServerToClientEvents } from '@counter/shared';
import type { ClientError } from '../lib/client-error.js';

export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: ClientError };

export type ConnectionEvent =
  | { type: 'connecting' }
  /** recovered: Socket.IO replayed what was missed (a fast path only; we still catch up). */
  | { type: 'connected'; recovered: boolean }
  /** willRetry false: the transport gave up (signed out, closed); the console decides. */
  | { type: 'disconnected'; willRetry: boolean; reason: string }
  /** The server refused the handshake with a catalogue code (e.g. unauthorized). */
  | { type: 'rejected'; code: string; message: string };

export type ServerEvent = keyof AgentServerToClientEvents;

export interface AgentTransport {
  connect(): void;
  close(): void;
  readonly connected: boolean;
  command<K extends AgentCommand>(
    name: K,
    payload: AgentCommandInput<K>,
    options?: { timeoutMs?: number },
  ): Promise<CommandResult<AgentResults[K]>>;
  on<E extends ServerEvent>(event: E, listener: AgentServerToClientEvents[E]): () => void;
  onConnection(listener: (event: ConnectionEvent) => void): () => void;
}
