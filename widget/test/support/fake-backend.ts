/**
 * An in-memory stand-in for the chat server's visitor side, behind the same Backend and
 * Transport interfaces the real socket.io client implements. It keeps the server's rules
 * that the widget relies on: sequence numbers per conversation, a resend with a known
 * client id answers with the stored message, history after/before a seq, resolved
 * conversations refuse messages. Tests drive the agent's side and the connection.
 */
import type {
  Ack,
  Availability,
  ConversationEvent,
  ErrorCode,
  Message,
  VisitorConversation,
  VisitorServerToClientEvents,
  VisitorSessionResponse,
} from '@counter/shared';
import { visitorConversation } from './fixtures';
import { RefusedError, TransportError, type Backend, type Command, type Transport, type TransportStatus } from '../../src/frame/session/transport';

type Events = VisitorServerToClientEvents;
type Payload = Record<string, unknown>;

export interface FakeOptions {
  availability?: Availability;
  /** The session request fails with this code (e.g. origin_not_allowed). */
  sessionError?: ErrorCode;
  /** The socket's handshake is refused with this code (e.g. too_many_connections). */
  connectRefusal?: ErrorCode;
  /** The site's server sends email (default: no SMTP). */
  email?: boolean;
}

let ids = 0;
const id = (prefix: string) => `${prefix}${++ids}`.padEnd(10, '0');

export class FakeBackend implements Backend {
  availability: Availability;
  /** Every command received, in order (what the widget said). */
  readonly calls: { name: Command; payload: Payload }[] = [];
  readonly conversations: VisitorConversation[] = [];
  readonly messages: Message[] = [];
  readonly revoked: string[] = [];
  /** Tokens the server knows; a session request with another one gets a new visitor. */
  readonly tokens = new Set<string>();
  sessionError: ErrorCode | undefined;
  /** The server sends email (SMTP configured). */
  email: boolean;
  connectRefusal: ErrorCode | undefined;
  identities: Record<string, { token: string | null; verified: boolean }> = {};
  connected = false;
  auth: { token: string } | null = null;
  /** Commands to refuse once with a code (e.g. message:send -> store_unavailable). */
  refuseNext: Partial<Record<Command, ErrorCode>> = {};
  /** Commands whose ack never comes (a timeout). */
  swallow = new Set<Command>();
  /** Which visitor (by token) each conversation belongs to. */
  private owners = new Map<string, string>();
  private listeners: { [E in keyof Events]?: Events[E][] } = {};
  private statusListeners: ((s: TransportStatus) => void)[] = [];
  private now = Date.now();

  constructor(options: FakeOptions = {}) {
    this.availability = options.availability ?? { agentsOnline: 1, open: true, typicalReplySeconds: 120 };
    this.sessionError = options.sessionError;
    this.connectRefusal = options.connectRefusal;
    this.email = options.email ?? false;
  }

  // ---- Backend ----------------------------------------------------------------------

  async session(request: { siteId: string; pageOrigin: string; token?: string }): Promise<VisitorSessionResponse> {
    if (this.sessionError) throw new RefusedError(this.sessionError);
    const token = request.token && this.tokens.has(request.token) ? request.token : `token-${id('t')}`;
    this.tokens.add(token);
    return {
      visitorId: 'visitor-1' as never,
      token,
      config: {
        siteId: request.siteId as never,
        name: 'Trail shop',
        greeting: { en: 'Hello from the shop', zh: '您好，欢迎光临' },
        defaultLocale: 'en',
        availability: this.availability,
        orders: false,
        email: this.email,
      },
    };
  }

  revoke(_siteId: string, token: string): void {
    this.revoked.push(token);
    this.tokens.delete(token);
  }

  connect(auth: { token: string }): Transport {
    this.auth = { ...auth };
    const transport: Transport = {
      request: (name, payload) => this.request(name, payload as Payload) as never,
      on: (event, listener) => {
        (this.listeners[event] ??= [] as never[]).push(listener as never);
      },
      onStatus: (listener) => {
        this.statusListeners.push(listener);
      },
      setToken: (token) => {
        this.auth = { token };
      },
      reconnect: () => this.goOnline(),
      close: () => this.goOffline(),
    };
    queueMicrotask(() => this.goOnline());
    return transport;
  }

  // ---- the connection -----------------------------------------------------------------

  goOnline(): void {
    if (this.connected) return;
    if (this.connectRefusal) {
      const refused = this.connectRefusal;
      this.statusListeners.forEach((l) => l({ up: false, refused }));
      return;
    }
    if (this.auth && !this.tokens.has(this.auth.token)) {
      this.statusListeners.forEach((l) => l({ up: false, refused: 'unauthorized' }));
      return;
    }
    this.connected = true;
    this.statusListeners.forEach((l) => l({ up: true }));
  }

  goOffline(): void {
    if (!this.connected) return;
    this.connected = false;
    this.statusListeners.forEach((l) => l({ up: false }));
  }

  emit<E extends keyof Events>(event: E, payload: Parameters<Events[E]>[0]): void {
    if (!this.connected) return;
    for (const l of this.listeners[event] ?? []) (l as (p: unknown) => void)(payload);
  }

  // ---- what the agent side does -------------------------------------------------------

  /** The current visitor's open conversation. */
  open(): VisitorConversation | undefined {
    return this.mine().find((c) => c.status !== 'resolved');
  }

  private append(conversation: VisitorConversation, message: Omit<Message, 'id' | 'conversationId' | 'seq' | 'createdAt'>): Message {
    const stored: Message = {
      ...message,
      id: id('m') as never,
      conversationId: conversation.id as never,
      seq: ++conversation.lastSeq,
      createdAt: (this.now += 1000),
    };
    this.messages.push(stored);
    if (stored.kind !== 'note') this.emit('message:created', { message: stored });
    return stored;
  }

  agentSays(text: string, name = 'Ann'): Message {
    return this.append(this.open()!, { clientId: id('c') as never, author: 'agent', agentId: 'agent-1' as never, authorName: name, kind: 'text', text, event: null });
  }

  note(text: string): Message {
    return this.append(this.open()!, { clientId: id('c') as never, author: 'agent', agentId: 'agent-1' as never, authorName: 'Ann', kind: 'note', text, event: null });
  }

  event(event: ConversationEvent): Message {
    const conversation = this.open() ?? this.mine().at(-1)!;
    return this.append(conversation, { clientId: id('c') as never, author: 'system', agentId: null, authorName: null, kind: 'event', text: '', event });
  }

  update(patch: Partial<VisitorConversation>): VisitorConversation {
    const conversation = this.open() ?? this.mine().at(-1)!;
    Object.assign(conversation, patch);
    this.emit('conversation:updated', { conversation: { ...conversation } });
    return conversation;
  }

  assign(agentName = 'Ann'): void {
    this.update({ status: 'assigned', agentName, queuedAt: null });
    this.event({ type: 'assigned', agentName });
  }

  resolve(): void {
    this.update({ status: 'resolved', resolvedAt: this.now });
    this.event({ type: 'resolved' });
  }

  texts(): string[] {
    return this.messages.filter((m) => m.kind === 'text').map((m) => m.text);
  }

  // ---- commands -----------------------------------------------------------------------

  private async request(name: Command, payload: Payload): Promise<Ack<unknown>> {
    this.calls.push({ name, payload });
    await Promise.resolve();
    if (!this.connected) throw new TransportError('offline');
    if (this.swallow.has(name)) throw new TransportError('timeout');
    const refusal = this.refuseNext[name];
    if (refusal) {
      delete this.refuseNext[name];
      return { ok: false, error: { code: refusal, message: refusal } };
    }
    try {
      return { ok: true, data: this.handle(name, payload) };
    } catch (err) {
      if (err instanceof RefusedError) return { ok: false, error: { code: err.code, message: err.code } };
      throw err;
    }
  }

  private startConversation(): VisitorConversation {
    const open = this.open();
    if (open) return open;
    const conversation = visitorConversation(id('conv'), this.now);
    this.conversations.push(conversation);
    this.owners.set(conversation.id, this.auth!.token);
    return conversation;
  }

  private mine(): VisitorConversation[] {
    return this.conversations.filter((c) => this.owners.get(c.id) === this.auth?.token);
  }

  private find(conversationId: unknown): VisitorConversation {
    const conversation = this.mine().find((c) => c.id === conversationId);
    if (!conversation) throw new RefusedError('not_found');
    return conversation;
  }

  private handle(name: Command, p: Payload): unknown {
    switch (name) {
      case 'conversation:list':
        return { conversations: this.mine().reverse().map((c) => ({ ...c })) };
      case 'conversation:start':
        return { conversation: { ...this.startConversation() } };
      case 'message:send': {
        const conversation = this.find(p.conversationId);
        const known = this.messages.find((m) => m.conversationId === conversation.id && m.clientId === p.clientId);
        if (known) return { message: known };
        if (conversation.status === 'resolved') throw new RefusedError('conversation_resolved');
        const message = this.append(conversation, { clientId: p.clientId as never, author: 'visitor', agentId: null, authorName: null, kind: 'text', text: p.text as string, event: null });
        return { message };
      }
      case 'message:history': {
        const conversation = this.find(p.conversationId);
        const limit = (p.limit as number | undefined) ?? 50;
        const all = this.messages.filter((m) => m.conversationId === conversation.id && m.kind !== 'note');
        if (p.afterSeq !== undefined) {
          const after = all.filter((m) => m.seq > (p.afterSeq as number));
          return { messages: after.slice(0, limit), hasMore: after.length > limit };
        }
        const before = p.beforeSeq === undefined ? all : all.filter((m) => m.seq < (p.beforeSeq as number));
        return { messages: before.slice(-limit), hasMore: before.length > limit };
      }
      case 'message:read':
        return { seq: p.seq };
      case 'typing:set':
      case 'visitor:context':
        return null;
      case 'conversation:rate': {
        const conversation = this.find(p.conversationId);
        if (conversation.status !== 'resolved') throw new RefusedError('conflict');
        conversation.rating = { score: p.score as number, comment: (p.comment as string | undefined) ?? null, at: this.now };
        return { conversation: { ...conversation } };
      }
      case 'conversation:leave-message': {
        const conversation = this.startConversation();
        conversation.offline = true;
        const known = this.messages.find((m) => m.clientId === p.clientId);
        const message = known ?? this.append(conversation, { clientId: p.clientId as never, author: 'visitor', agentId: null, authorName: (p.name as string) ?? null, kind: 'text', text: p.text as string, event: null });
        return { conversation: { ...conversation }, message };
      }
      case 'visitor:identify': {
        // As the server: a claim that does not verify is refused, never answered "not verified".
        const result = this.identities[p.id as string];
        if (!result?.verified) throw new RefusedError('identity_rejected');
        if (result.token) {
          // The browser becomes the customer's visitor record; its conversations move along.
          for (const c of this.mine()) this.owners.set(c.id, result.token);
          this.tokens.add(result.token);
          this.auth = { token: result.token };
        }
        return { verified: result.verified, visitorId: 'visitor-1', token: result.token };
      }
    }
  }
}
