/**
 * What every part of the widget's session shares: its dependencies, the store, and the
 * live transport (null while disconnected). Each concern is a module next to this one:
 *
 *   session-access.ts  visitor session, back-off, token renewal, what the loader keeps
 *   outgoing.ts        the outbox and its delivery (rules: @counter/shared/delivery)
 *   catch-up.ts        catch-up by seq on every (re)connect, older pages
 *   incoming.ts        stored messages reaching the screen (unread badge, sound)
 *   conversation.ts    which conversation is shown, starting a new one
 *   identity.ts        signed customer identity     shop-context.ts  page, product, cart
 *   typing.ts          typing both ways             read-marks.ts    read receipts
 *   rating.ts          rating an ended chat         leave-message.ts nobody online
 */
import type { Locale } from '@counter/shared';
import type { Outbox } from '@counter/shared/delivery';
import type { FrameToLoader, Identity, ShopContext } from '../../bridge';
import type { ChatActions, ChatState, ChatStore } from '../store/chat-store';
import type { KeyValue } from './kept-storage';
import type { Backend, Transport } from './transport';

export interface SessionDeps {
  store: ChatStore;
  backend: Backend;
  outbox: Outbox;
  /** Small preferences (sound, the conversation the shopper moved on from). */
  prefs: KeyValue;
  parent: { post(message: FrameToLoader): void };
  siteId: string;
  /** The shop page's origin, as the browser reported it on the loader's first message. */
  pageOrigin: string;
  /** From the loader: data-locale, the token this browser holds, the shop's context and identity. */
  locale: Locale | null;
  token: string | null;
  context: ShopContext;
  identity: Identity | null;
  languages: readonly string[];
  /** Plays the notification sound. */
  notify(): void;
  /** The shopper can see the chat's page (tab visible). */
  visible(): boolean;
  now?(): number;
  newId?(): string;
  /** Waits before retrying a failed session request (tests pass a resolved promise). */
  delay?(ms: number): Promise<void>;
}

export interface Core {
  deps: SessionDeps;
  state(): ChatState & ChatActions;
  /** The transport while connected, else null. */
  live(): Transport | null;
  now(): number;
  newId(): string;
}
