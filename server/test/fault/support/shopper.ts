/**
 * A shopper as the widget behaves on a bad connection: every message gets a UUID client id
 * and stays in the outbox until the server acks it `ok`; the outbox is delivered one message
 * at a time, oldest first, and the whole of it is resent after every reconnect and after
 * every error ack. Unlike the widget's sender (widget/src/frame/session/sender.ts), an error
 * ack never lets a later message overtake an earlier one: per-conversation order is one of
 * the things under test.
 */
import { randomUUID } from 'node:crypto';
import { LIMITS, PROTOCOL_VERSION, type Message, type VisitorSessionResponse } from '@counter/shared';
import { io, type Socket } from 'socket.io-client';
import { waitFor } from '../../support/wait.js';

const SITE_ID = 'demo-store';
/** How long one attempt waits for its ack before resending (the store's own timeouts are shorter). */
const ACK_TIMEOUT_MS = 8000;
/** Back-off after an error ack: the store needs a moment, not a hot loop. */
const RETRY_AFTER_ERROR_MS = 100;

export interface OutboxEntry {
  clientId: string;
  text: string;
}

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export class Shopper {
  readonly sent: OutboxEntry[] = [];
  /** clientId -> seq in the `ok` ack. */
  readonly acked = new Map<string, number>();
  /** clientId -> seq of every visitor message this shopper saw announced (message:created). */
  readonly seen = new Map<string, number>();
  readonly errorAcks = new Map<string, number>();
  readonly ackedAfterError = new Set<string>();
  /** Sends that got no ack in time (or lost their connection): outcome unknown, resent. */
  unanswered = 0;
  conversationId = '';
  private readonly outbox: OutboxEntry[] = [];
  private readonly failedOnce = new Set<string>();
  private socket!: Socket;
  /**
   * A second tab of the same shopper. The sending connection gets its messages in the ack
   * only; the broadcast goes to the shopper's other connections, and this tab checks that
   * nothing is ever announced that was not stored.
   */
  private tab!: Socket;
  private closed = false;
  private wake: (() => void) | null = null;
  private pumping: Promise<void> | null = null;

  private constructor(
    readonly name: string,
    private readonly url: string,
    private readonly token: string,
  ) {}

  static async join(url: string, name: string): Promise<Shopper> {
    const res = await fetch(`${url}/api/v1/visitor/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteId: SITE_ID, pageOrigin: url }),
    });
    if (res.status !== 200) throw new Error(`visitor session failed: ${res.status} ${await res.text()}`);
    const session = (await res.json()) as VisitorSessionResponse;
    const shopper = new Shopper(name, url, session.token);
    await shopper.connect();
    return shopper;
  }

  private open(): Socket {
    return io(`${this.url}/visitor`, {
      auth: { v: PROTOCOL_VERSION, siteId: SITE_ID, token: this.token, pageOrigin: this.url },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
  }

  /** Keeps a socket coming back, as a browser tab does. */
  private persist(socket: Socket): Socket {
    socket.on('connect_error', () => {
      // A refusal by the server's middleware (e.g. its store is down) ends socket.io's own
      // reconnection; a browser tab would try again, so do we.
      if (!socket.active && !this.closed) setTimeout(() => !this.closed && socket.connect(), 200).unref();
    });
    socket.on('disconnect', (reason) => {
      // A server shutting down says goodbye, which socket.io takes as "do not come back".
      if (reason === 'io server disconnect' && !this.closed) socket.connect();
    });
    return socket;
  }

  private async connect(): Promise<void> {
    this.socket = this.persist(this.open());
    this.socket.on('connect', () => this.kick());
    this.tab = this.persist(this.open());
    this.tab.on('message:created', ({ message }: { message: Message }) => {
      if (message.author === 'visitor' && message.clientId) this.seen.set(message.clientId, message.seq);
    });
    await this.connectedNow();
    // Before any fault: an error here is a broken setup, not something to retry.
    const ack = await this.request<{ conversation: { id: string } }>('conversation:start', {});
    if (!ack?.ok) throw new Error(`${this.name}: conversation:start failed: ${JSON.stringify(ack)}`);
    this.conversationId = ack.data.conversation.id;
  }

  private connectedNow(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return waitFor<void>(
      (fn) => {
        this.socket.on('connect', fn);
        return () => this.socket.off('connect', fn);
      },
      () => true,
      `${this.name} to reconnect`,
      120_000,
    );
  }

  /** The ack, or null when none came (timeout or disconnect): the outcome is unknown. */
  private async request<T>(event: string, payload: unknown): Promise<Ack<T> | null> {
    try {
      return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
    } catch {
      return null; // unknown outcome: the caller resends the same client id
    }
  }

  /** Writes messages into the outbox; delivery runs in the background. */
  write(texts: string[]): void {
    for (const text of texts) {
      const entry = { clientId: randomUUID(), text };
      this.outbox.push(entry);
      this.sent.push(entry);
    }
    this.kick();
  }

  get pending(): number {
    return this.outbox.length;
  }

  private kick(): void {
    this.wake?.();
    this.pumping ??= this.pump().finally(() => (this.pumping = null));
  }

  /** One sender per shopper: the head of the outbox until it is acked, then the next. */
  private async pump(): Promise<void> {
    while (!this.closed && this.outbox.length > 0) {
      if (!this.socket.connected) return; // 'connect' kicks again
      const head = this.outbox[0]!;
      const ack = await this.request<{ message: Message }>('message:send', {
        conversationId: this.conversationId,
        clientId: head.clientId,
        text: head.text,
      });
      if (ack === null) {
        this.unanswered++;
        continue;
      }
      if (ack.ok) {
        if (ack.data.message.clientId !== head.clientId) throw new Error(`ack for another message: ${JSON.stringify(ack)}`);
        this.acked.set(head.clientId, ack.data.message.seq);
        if (this.failedOnce.has(head.clientId)) this.ackedAfterError.add(head.clientId);
        this.outbox.shift();
        continue;
      }
      this.failedOnce.add(head.clientId);
      this.errorAcks.set(ack.error.code, (this.errorAcks.get(ack.error.code) ?? 0) + 1);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, RETRY_AFTER_ERROR_MS);
      });
      this.wake = null;
    }
  }

  /** Every message of the conversation, oldest first, read through the wire. */
  async history(): Promise<Message[]> {
    const read = await this.tryHistory();
    if (typeof read === 'string') throw new Error(`${this.name}: message:history ${read}`);
    return read;
  }

  /**
   * Reads the conversation as the shopper's page would while the store is failing: what it
   * shows counts as seen (and must be there after the restart); a refusal is fair, and is
   * returned as its reason.
   */
  async tryHistory(): Promise<Message[] | string> {
    await this.connectedNow();
    const all: Message[] = [];
    for (;;) {
      const ack = await this.request<{ messages: Message[]; hasMore: boolean }>('message:history', {
        conversationId: this.conversationId,
        afterSeq: all.at(-1)?.seq ?? 0,
        limit: LIMITS.historyPageMax,
      });
      if (!ack) return 'unanswered';
      if (!ack.ok) return `failed: ${ack.error.code}`;
      all.push(...ack.data.messages);
      for (const m of ack.data.messages) if (m.author === 'visitor' && m.clientId) this.seen.set(m.clientId, m.seq);
      if (!ack.data.hasMore) return all;
    }
  }

  close(): void {
    this.closed = true;
    this.socket?.disconnect();
    this.tab?.disconnect();
  }
}
