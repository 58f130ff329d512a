/**
 * What the loader hands to the host part (`host-*.js`, loaded on intent): the launcher it
 * drew, where the chat lives, and the API's queue. Both are separate bundles, so this
 * contract is spelled with short property names that survive minification (types only).
 */
import type { LoaderEvent } from './api';
import type { Root } from './launcher';

export type Call = [method: string, ...args: unknown[]];

export interface Link {
  /** The shadow root (or the host element where there is no shadow DOM), the launcher button. */
  r: Root;
  b: HTMLButtonElement;
  /** The host element (document.activeElement is this while focus is in the chat). */
  h: HTMLElement;
  /** The loader's script element: its src (the chat server), data-site, data-locale. */
  t: HTMLScriptElement;
  /** Emits an API event to the shop's listeners. */
  e(event: LoaderEvent, value?: unknown): void;
  /** Shows an unread count on the launcher (and emits 'unread'). */
  u(n: number): void;
  /** Takes over the API: calls queued so far are replayed through `handler`. */
  c(handler: (call: Call) => unknown): void;
}
