/**
 * Who is signed in. The console's lifecycle follows `phase`: signed-in starts the socket,
 * signed-out stops it and clears everything (see app/console-app.ts).
 */
import type { Agent, AgentStatus } from '@counter/shared';
import { createStore } from 'zustand/vanilla';
import type { RestApi } from '../api/rest-api.js';
import { shellText } from '../i18n/shell.js';
import { describeError, type ClientError } from '../lib/client-error.js';

export type SessionPhase = 'checking' | 'signed-out' | 'signed-in';

export interface SessionState {
  phase: SessionPhase;
  agent: Agent | null;
  /** Why the agent is looking at the sign-in page (session ended elsewhere...). */
  notice: string | null;
  check(): Promise<void>;
  login(email: string, password: string): Promise<ClientError | null>;
  logout(): Promise<void>;
  changePassword(current: string, next: string): Promise<ClientError | null>;
  /** The server revoked this browser's session: still signed in (new cookie) or not? */
  revoked(): Promise<'still-signed-in' | 'signed-out'>;
  agentUpdated(agent: Agent): void;
  statusChanged(status: AgentStatus): void;
  signedOut(notice: string | null): void;
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export function createSessionStore(api: RestApi) {
  // A password change revokes every session, this browser's included, and sets a fresh
  // cookie in its response: a revocation arriving meanwhile must wait for that cookie.
  let passwordChange: Promise<unknown> | null = null;

  return createStore<SessionState>()((set, get) => ({
    phase: 'checking',
    agent: null,
    notice: null,

    async check() {
      const me = await api.session();
      if (!me.ok) set({ phase: 'signed-out', agent: null, notice: describeError(me.error) });
      else if (me.data.agent) set({ phase: 'signed-in', agent: me.data.agent, notice: null });
      else set({ phase: 'signed-out', agent: null });
    },

    async login(email, password) {
      const result = await api.login(email.trim(), password);
      if (!result.ok) return result.error;
      set({ phase: 'signed-in', agent: result.data.agent, notice: null });
      return null;
    },

    async logout() {
      await api.logout();
      set({ phase: 'signed-out', agent: null, notice: null });
    },

    async changePassword(current, next) {
      const pending = api.changePassword(current, next);
      passwordChange = pending;
      try {
        const result = await pending;
        return result.ok ? null : result.error;
      } finally {
        passwordChange = null;
      }
    },

    async revoked() {
      if (passwordChange) await passwordChange.catch(() => {});
      const me = await api.session();
      if (me.ok && me.data.agent) {
        set({ agent: me.data.agent });
        return 'still-signed-in';
      }
      get().signedOut(shellText().sessionEnded);
      return 'signed-out';
    },

    agentUpdated(agent) {
      if (get().agent?.id === agent.id) set({ agent });
    },

    statusChanged(status) {
      const agent = get().agent;
      if (agent) set({ agent: { ...agent, status } });
    },

    signedOut(notice) {
      if (get().phase !== 'signed-out' || notice) set({ phase: 'signed-out', agent: null, notice });
    },
  }));
}
