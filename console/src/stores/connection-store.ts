/** The socket's state as the agent should see it (a dot in the top bar, a banner when off). */
import type { AgentStatus } from '@counter/shared';
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
  /**
   * A status the agent chose while not connected: sent on the next connect (console-sync).
   * Until the server confirms it, the switch shows the server's status and this as pending.
   */
  wantedStatus: AgentStatus | null;
  set(state: ConnectionState, detail?: string | null): void;
  want(status: AgentStatus | null): void;
  reset(): void;
}

export function createConnectionStore(now: () => number = Date.now) {
  return createStore<ConnectionStoreState>()((set, get) => ({
    state: 'idle',
    since: now(),
    detail: null,
    everConnected: false,
    wantedStatus: null,
    want(status) {
      if (get().wantedStatus !== status) set({ wantedStatus: status });
    },
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
      set({ state: 'idle', since: now(), detail: null, everConnected: false, wantedStatus: null });
    },
  }));
}
export type ConnectionStore = ReturnType<typeof createConnectionStore>;
