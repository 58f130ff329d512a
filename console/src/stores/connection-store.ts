/** The socket's state as the agent should see it (a dot in the top bar, a banner when off). */
import { createStore } from 'zustand/vanilla';

export type ConnectionState =
  /** Not started (signed out). */
  | 'idle'
  | 'connecting'
  | 'connected'
  /** Was connected, lost it, retrying: what is typed now is sent when back. */
  | 'reconnecting'
  /** The server refused us for good (protocol changed: reload). */
  | 'refused';

export interface ConnectionStoreState {
  state: ConnectionState;
  /** When the current state began (epoch ms). */
  since: number;
  detail: string | null;
  /** Connected at least once since sign-in (first connect vs reconnect). */
  everConnected: boolean;
  set(state: ConnectionState, detail?: string | null): void;
  reset(): void;
}

export function createConnectionStore(now: () => number = Date.now) {
  return createStore<ConnectionStoreState>()((set, get) => ({
    state: 'idle',
    since: now(),
    detail: null,
    everConnected: false,
    set(state, detail = null) {
      const current = get();
      const next = state === 'connecting' && current.everConnected ? 'reconnecting' : state;
      if (current.state === next && current.detail === detail) return;
      set({
        state: next,
        since: current.state === next ? current.since : now(),
        detail,
        everConnected: current.everConnected || next === 'connected',
      });
    },
    reset() {
      set({ state: 'idle', since: now(), detail: null, everConnected: false });
    },
  }));
}
export type ConnectionStore = ReturnType<typeof createConnectionStore>;
