/**
 * What the agent wrote that the server has not confirmed yet, as the UI shows it. The
 * entries themselves live in the shared delivery engine's Outbox (@counter/shared/delivery),
 * persisted in browser storage per agent, so a reload or a dropped connection resends them;
 * this store mirrors them with their delivery status for rendering.
 */
import type { ConversationId } from '@counter/shared';
import { Outbox, type DeliveryStatus, type KeyValue } from '@counter/shared/delivery';
import { createStore } from 'zustand/vanilla';
import { clientError, describeError, type ClientErrorCode } from '../lib/client-error.js';

export interface Outgoing {
  clientId: string;
  conversationId: ConversationId;
  text: string;
  internal: boolean;
  /** sending: on the wire; waiting: for the connection or a retry; failed: refused (see error). */
  state: 'sending' | 'waiting' | 'failed';
  error: string | null;
  createdAt: number;
}

/** The part of Web Storage (localStorage) the outbox uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export interface OutboxState {
  items: Outgoing[];
  /** The signed-in agent's entries (empty before sign-in). */
  outbox: Outbox;
  /** Switches to this agent's saved outbox (sign-in). */
  load(agentId: string): void;
  /** A delivery status from the engine; shows the entries as they are now. */
  status(clientId: string, status: DeliveryStatus, reason?: string): void;
  /** Shows the entries as they are now (one was confirmed or discarded). */
  refresh(): void;
  clear(): void;
}

const prefixFor = (agentId: string) => `counter.console.outbox.${agentId}.`;

/** Web Storage under one agent's prefix, as the engine's key-value storage. */
function agentStorage(storage: KeyValueStorage | null, prefix: string | null): KeyValue {
  return {
    get: (key) => (storage && prefix ? storage.getItem(prefix + key) : null),
    set(key, value) {
      if (!storage || !prefix) return;
      try {
        if (value === null) storage.removeItem(prefix + key);
        else storage.setItem(prefix + key, value);
      } catch (err) {
        // Storage full or blocked: the entry still goes out from this page, unpersisted.
        console.warn('counter: outbox entry not kept in storage', err);
      }
    },
    keys() {
      const keys: string[] = [];
      for (let i = 0; storage && prefix && i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) keys.push(key.slice(prefix.length));
      }
      return keys;
    },
  };
}

export function createOutboxStore(storage: KeyValueStorage | null) {
  /** Not persisted: after a reload everything not refused for good is waiting. */
  const live = new Map<string, Pick<Outgoing, 'state' | 'error'>>();
  const describe = (code: string) => describeError(clientError(code as ClientErrorCode));

  return createStore<OutboxState>()((set, get) => {
    const show = () => {
      for (const id of live.keys()) if (!get().outbox.get(id)) live.delete(id);
      set({
        items: get()
          .outbox.list()
          // Every console entry has a conversation (agents write in one); anything else is not ours to show.
          .flatMap(({ conversationId, ...e }) => (conversationId ? [{ ...e, conversationId }] : []))
          .map((e) => ({
            clientId: e.clientId,
            conversationId: e.conversationId,
            text: e.text,
            internal: !!e.internal,
            createdAt: e.createdAt,
            ...(e.failed ? { state: 'failed' as const, error: describe(e.failed) } : (live.get(e.clientId) ?? { state: 'waiting' as const, error: null })),
          })),
      });
    };
    return {
      items: [],
      outbox: new Outbox(agentStorage(null, null), ''),
      load(agentId) {
        live.clear();
        set({ outbox: new Outbox(agentStorage(storage, prefixFor(agentId)), '') });
        show();
      },
      status(clientId, status, reason) {
        if (status === 'failed') live.delete(clientId);
        else live.set(clientId, { state: status === 'sending' ? 'sending' : 'waiting', error: reason ? describe(reason) : null });
        show();
      },
      refresh: show,
      clear() {
        live.clear();
        set({ items: [], outbox: new Outbox(agentStorage(null, null), '') });
      },
    };
  });
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
