/**
 * What the loader hands to the host part (`host-*.js`, loaded on intent): the launcher it
 * drew, where the chat lives, and the API's queue. Both are separate bundles, so this
 * contract is spelled with short property names that survive minification (types only).
 */
import type { LoaderEvent } from './api';
import type { Look, Root } from './launcher';

export type Call = [method: string, ...args: unknown[]];

export interface Link {
  /** The shadow root (or the host element where there is no shadow DOM), the launcher button. */
  r: Root;
  b: HTMLButtonElement;
  /** The host element (document.activeElement is this while focus is in the chat). */
  h: HTMLElement;
  /** The loader's script element: its src (the chat server), data-site, data-locale. */
  t: HTMLScriptElement;
  /** The look in force (the site's, then the tag's data-*): the host part and the proactive chunk read it. */
  o: Look;
  /** Everything passed to setContext so far (the proactive chunk's cart rule reads `cart.total`). */
  x: { cart?: { total?: number } | null };
  /** Emits an API event to the shop's listeners. */
  e(event: LoaderEvent, value?: unknown): void;
  /** Shows an unread count on the launcher (and emits 'unread'); the early chunk installs it. */
  u(n: number): void;
  /** The last count given before the early chunk arrived. */
  n?: number;
  /** Loads the early chunk (badge, unread check, proactive help) once. */
  l(): void;
  /** Takes over the API: calls queued so far are replayed through `handler`. */
  c(handler: (call: Call) => unknown): void;
}
