/**
 * An AgentTransport for tests: commands are answered by handlers the test sets (or a
 * default "not found"), server events are pushed with emit(), connection changes with
 * connection(). Every command is recorded.
 */
import type { AgentCommand, AgentCommandInput, AgentResults, AgentServerToClientEvents } from '@counter/shared';
import { clientError, type ClientError } from '../../src/lib/client-error.js';
import type { AgentTransport, CommandResult, ConnectionEvent, ServerEvent } from '../../src/transport/agent-transport.js';

type Handler<K extends AgentCommand> = (
  payload: AgentCommandInput<K>,
) => CommandResult<AgentResults[K]> | Promise<CommandResult<AgentResults[K]>>;

export class FakeTransport implements AgentTransport {
  connected = false;
  closed = false;
  readonly calls: { name: AgentCommand; payload: unknown }[] = [];
  private readonly handlers = new Map<AgentCommand, Handler<never>>();
  private readonly listeners = new Map<string, Set<(payload: never) => void>>();
  private readonly connectionListeners = new Set<(e: ConnectionEvent) => void>();

  constructor(private readonly autoConnect = true) {}

  handle<K extends AgentCommand>(name: K, handler: Handler<K>): this {
    this.handlers.set(name, handler as unknown as Handler<never>);
    return this;
  }

  /** Shorthand: always answer ok with this data. */
  answer<K extends AgentCommand>(name: K, data: AgentResults[K]): this {
    return this.handle(name, () => ({ ok: true, data }));
  }

  fail<K extends AgentCommand>(name: K, error: ClientError): this {
    return this.handle(name, () => ({ ok: false, error }));
  }

  callsOf<K extends AgentCommand>(name: K): AgentCommandInput<K>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.payload as AgentCommandInput<K>);
  }

  connect(): void {
    this.closed = false;
    this.connection({ type: 'connecting' });
    if (this.autoConnect) this.connection({ type: 'connected', recovered: false });
  }

  close(): void {
    this.closed = true;
    this.connected = false;
  }

  async command<K extends AgentCommand>(name: K, payload: AgentCommandInput<K>): Promise<CommandResult<AgentResults[K]>> {
    this.calls.push({ name, payload });
    if (!this.connected) return { ok: false, error: clientError('disconnected') };
    const handler = this.handlers.get(name) as Handler<K> | undefined;
    if (!handler) return { ok: false, error: clientError('not_found', `no handler for ${name}`) };
    return handler(payload);
  }

  /** Whether anything listens to `event` now (for listeners in lazy parts, loaded after the first paint). */
  listening(event: ServerEvent): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  on<E extends ServerEvent>(event: E, listener: AgentServerToClientEvents[E]): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as never);
    this.listeners.set(event, set);
    return () => set.delete(listener as never);
  }

  onConnection(listener: (e: ConnectionEvent) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** The server pushes an event. */
  emit<E extends ServerEvent>(event: E, ...args: Parameters<AgentServerToClientEvents[E]>): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }

  connection(e: ConnectionEvent): void {
    if (e.type === 'connected') this.connected = true;
    if (e.type === 'disconnected' || e.type === 'rejected') this.connected = false;
    this.connectionListeners.forEach((l) => l(e));
  }
}
