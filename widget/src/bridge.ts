/**
 * The postMessage protocol between the loader (on the shop's page) and the chat frame (on
 * the chat server's origin). Types only: each side posts to the other's exact origin and
 * checks `event.origin` and `event.source` before reading anything.
 */
import type { CartContext, Locale, ProductContext } from '@counter/shared';

export interface PageInfo {
  url: string;
  title: string;
}

/** What the shop passes to `Counter('setContext', ...)`; validated by the server, not here. */
export interface ShopContext {
  product?: ProductContext | null;
  cart?: CartContext | null;
  page?: PageInfo;
}

/**
 * `Counter('identify', ...)`: a JWT signed by the shop's server ({ jwt }), or the plain HMAC
 * ({ id, ..., signature }: hex HMAC-SHA256 of "v2|<tier>|<id>"). Checked by the server only.
 */
export type Identity =
  | { jwt: string }
  | {
      id: string;
      name?: string;
      email?: string;
      tier?: 'vip';
      signature: string;
    };

export type LoaderToFrame =
  | {
      t: 'init';
      locale: Locale | null;
      /** The visitor token this browser holds (kept in the shop's storage), if any. */
      token: string | null;
      /** What the frame asked the loader to keep (its outbox, preferences): see `keep`. */
      kept: Record<string, string>;
      context: ShopContext;
      identity: Identity | null;
      open: boolean;
    }
  | { t: 'open' }
  | { t: 'close' }
  | { t: 'ctx'; context: ShopContext }
  | { t: 'identify'; identity: Identity }
  | { t: 'shutdown' };

export type FrameToLoader =
  /** Remember this visitor; `c`: a conversation exists, so check unread on later page loads. */
  | { t: 'state'; token: string; c: boolean }
  | { t: 'unread'; n: number }
  /**
   * Keep (or, with null, forget) a value in the shop's first-party storage. The frame's own
   * storage is third-party: partitioned, or denied outright when third-party cookies are
   * blocked (Safari, Firefox strict, Brave, Chrome's setting), and the outbox must survive.
   * `t`, `c` and `f` are the loader's own keys (loader/memory.ts): never used here.
   */
  | { t: 'keep'; k: string; v: string | null }
  /** The shopper closed the chat from inside (close button, Esc). */
  | { t: 'close' }
  /** Shutdown finished: the loader may remove the frame. */
  | { t: 'bye' };
