/**
 * Messages written but not yet stored by the server, kept under their client id in a
 * key-value storage the client injects (the widget's kept-storage, which lives in the shop's
 * first-party storage; the console's localStorage; memory). A reload, a closed tab or an
 * offline spell loses none of them, and resending one is safe: the server answers a known
 * client id with the stored message. One key per entry, so two tabs never overwrite each
 * other's lists.
 */
import type { ConversationId } from '../ids';

export interface KeyValue {
  get(key: string): string | null | undefined;
  /** null forgets the key. */
  set(key: string, value: string | null): void;
  keys(): string[];
}

export interface OutboxEntry {
  clientId: string;
  /** null: no conversation yet; delivering it starts one (the widget's first message). */
  conversationId: ConversationId | null;
  text: string;
  createdAt: number;
  /** An agent's internal note (console only). */
  internal?: boolean;
  /** A refusal no resend fixes (see delivery.ts); the entry waits for the person. */
  failed?: string;
}

/** For tests, and for browsers that refuse every storage. */
export function memoryStorage(): KeyValue {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void (value === null ? values.delete(key) : values.set(key, value)),
    keys: () => [...values.keys()],
  };
}

export class Outbox {
  /** `prefix` keeps this outbox's keys apart from others in the same storage. */
  constructor(
    private readonly storage: KeyValue,
    private readonly prefix = 'o:',
  ) {}

  /** Oldest first: the order they were written, and are sent. */
  list(): OutboxEntry[] {
    return this.storage
      .keys()
      .filter((k) => k.startsWith(this.prefix))
      .map((k) => this.read(k))
      .filter((e): e is OutboxEntry => typeof e?.clientId === 'string' && typeof e.text === 'string')
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  get(clientId: string): OutboxEntry | undefined {
    return this.read(this.prefix + clientId);
  }

  add(entry: OutboxEntry): void {
    this.storage.set(this.prefix + entry.clientId, JSON.stringify(entry));
  }

  update(clientId: string, patch: Partial<OutboxEntry>): void {
    const entry = this.get(clientId);
    if (entry) this.add({ ...entry, ...patch });
  }

  remove(clientId: string): void {
    if (this.get(clientId)) this.storage.set(this.prefix + clientId, null);
  }

  private read(key: string): OutboxEntry | undefined {
    try {
      return JSON.parse(this.storage.get(key) ?? 'null') ?? undefined;
    } catch {
      // Garbage under our key (an old format, a hand edit): not an entry, never sent.
      return undefined;
    }
  }
}
