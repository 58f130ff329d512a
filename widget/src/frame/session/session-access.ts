/**
 * Getting (and keeping) a visitor session: network trouble is retried with back-off (1 s,
 * 2 s, 4 s ... at most 30 s), a refusal that no retry fixes blocks the chat, and a token
 * that stopped working (logout in another tab, expiry) becomes a new visitor. Also tells
 * the loader which token to keep.
 */
import type { Outbox } from '@counter/shared/delivery';
import type { Core } from './core';
import { RefusedError, type Transport, type TransportStatus } from './transport';

/** Session refusals that no retry fixes: this page may not use the chat. */
const BLOCKING = ['origin_not_allowed', 'site_not_found', 'validation_failed', 'protocol_version_mismatch'];

export function createSessionAccess({ deps, state }: Core, outbox: Outbox) {
  const { backend, siteId, pageOrigin } = deps;
  const delay = deps.delay ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let token = deps.token;
  let stopped = false;
  let renewing = false;
  let remembered = '';

  async function open() {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        const session = await backend.session({ siteId, pageOrigin, ...(token && { token }) });
        token = session.token;
        remember();
        return session;
      } catch (err) {
        if (err instanceof RefusedError && BLOCKING.includes(err.code)) {
          state().setConnection('blocked');
          return null;
        }
        state().setConnection('offline');
        await delay(Math.min(30_000, 1000 * 2 ** attempt));
      }
    }
    return null;
  }

  /** Tells the loader which token to keep, and whether a conversation exists (unread checks). */
  function remember(): void {
    const c = !!state().conversation || outbox.list().length > 0;
    if (!token || remembered === token + c) return;
    remembered = token + c;
    deps.parent.post({ t: 'state', token, c });
  }

  return {
    open,
    remember,
    token: () => token,
    setToken(next: string) {
      token = next;
    },
    /** Connection news; `connected` runs the catch-up. */
    status(status: TransportStatus, transport: Transport, connected: () => void): void {
      if (status.up) {
        renewing = false;
        state().setConnection('online');
        connected();
      } else if (status.refused === 'unauthorized' && !renewing) {
        renewing = true;
        void open().then((session) => {
          if (!session) return;
          state().showConversation(null);
          transport.setToken(session.token);
          transport.reconnect();
        });
      } else {
        // Too many tabs of this shopper (the server's cap per token): closing one helps.
        state().setConnection(status.refused ? (status.refused == 'too_many_connections' ? 'crowded' : 'blocked') : 'offline');
      }
    },
    stop() {
      stopped = true;
    },
  };
}

export type SessionAccess = ReturnType<typeof createSessionAccess>;
