/**
 * Messages written but not yet stored by the server, kept under their client id (in the
 * shop's first-party storage, see kept-storage.ts): a reload, a closed tab or an offline
 * spell loses none of them, and resending one is safe because the server answers a known
 * client id with the stored message. One key per entry, so tabs never overwrite each
 * other's lists.
 */
import type { KeyValue } from './kept-storage';

export interface OutboxEntry {
  clientId: string;
  /** null: no conversation yet; delivering it starts one. */
  conversationId: string | null;
  text: string;
  createdAt: number;
  /** Why the last attempt failed; unset while waiting to be sent. */
  failed?: string;
}

const PREFIX = 'o:';

export class Outbox {
  constructor(private readonly storage: KeyValue) {}

  /** Oldest first: the order they were written, and are sent. */
  list(): OutboxEntry[] {
    return this.storage
      .keys()
      .filter((k) => k.startsWith(PREFIX))
      .map((k) => this.read(k))
      .filter((e): e is OutboxEntry => !!e)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  get(clientId: string): OutboxEntry | undefined {
    return this.read(PREFIX + clientId);
  }

  add(entry: OutboxEntry): void {
    this.storage.set(PREFIX + entry.clientId, JSON.stringify(entry));
  }

  update(clientId: string, patch: Partial<OutboxEntry>): void {
    const entry = this.get(clientId);
    if (entry) this.add({ ...entry, ...patch });
  }

  remove(clientId: string): void {
    if (this.get(clientId)) this.storage.set(PREFIX + clientId, null);
  }

  private read(key: string): OutboxEntry | undefined {
    try {
      return JSON.parse(this.storage.get(key) ?? 'null') ?? undefined;
    } catch {
      return undefined;
    }
  }
}
