/**
 * Messages the agent sent that the server has not confirmed yet. Kept in browser storage
 * so a reload or a dropped connection resends them; the client id makes resends
 * idempotent on the server, so a message is never doubled.
 */
import type { ConversationId } from '@counter/shared';
import { createStore } from 'zustand/vanilla';

export interface Outgoing {
  clientId: string;
  conversationId: ConversationId;
  text: string;
  internal: boolean;
  /** sending: on the wire; waiting: for the connection; failed: refused (see error). */
  state: 'sending' | 'waiting' | 'failed';
  error: string | null;
  createdAt: number;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface OutboxState {
  items: Outgoing[];
  /** Switches to this agent's saved outbox (sign-in). */
  load(agentId: string): void;
  add(item: Outgoing): void;
  update(clientId: string, change: Partial<Pick<Outgoing, 'state' | 'error'>>): void;
  remove(clientId: string): void;
  clear(): void;
}

const keyFor = (agentId: string) => `counter.console.outbox.${agentId}`;

function read(storage: KeyValueStorage | null, key: string): Outgoing[] {
  try {
    const raw = storage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return (parsed as Outgoing[])
      .filter((o) => typeof o?.clientId === 'string' && typeof o.text === 'string' && typeof o.conversationId === 'string')
      .map((o) => ({ ...o, state: o.state === 'failed' ? 'failed' : 'waiting' }));
  } catch {
    return [];
  }
}

export function createOutboxStore(storage: KeyValueStorage | null) {
  let key: string | null = null;
  const save = (items: Outgoing[]) => {
    if (!storage || !key) return;
    try {
      if (items.length) storage.setItem(key, JSON.stringify(items));
      else storage.removeItem(key);
    } catch {
      // Storage full or blocked: the outbox still works for this page's lifetime.
    }
  };

  return createStore<OutboxState>()((set, get) => {
    const commit = (items: Outgoing[]) => {
      set({ items });
      save(items);
    };
    return {
      items: [],
      load(agentId) {
        key = keyFor(agentId);
        set({ items: read(storage, key) });
      },
      add(item) {
        if (get().items.some((o) => o.clientId === item.clientId)) return;
        commit([...get().items, item]);
      },
      update(clientId, change) {
        commit(get().items.map((o) => (o.clientId === clientId ? { ...o, ...change } : o)));
      },
      remove(clientId) {
        if (get().items.some((o) => o.clientId === clientId)) commit(get().items.filter((o) => o.clientId !== clientId));
      },
      clear() {
        key = null;
        set({ items: [] });
      },
    };
  });
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
