/**
 * The shopper's side of the conversation: gets a visitor session, keeps one socket, and
 * turns server facts into store changes and the shopper's actions into commands.
 *
 * Delivery rules (DESIGN.md): live events are subscribed before any backlog is read, and
 * every (re)connection catches up with `message:history {afterSeq}`; the store's merge
 * drops what was already seen. Messages go out through the outbox (sender.ts).
 */
import { LIMITS, PROTOCOL_VERSION, type Locale, type VisitorMessage } from '@counter/shared';
import type { FrameToLoader, Identity, ShopContext } from '../../bridge';
import { pickLocale } from '../../i18n/catalogue';
import { text } from '../../i18n/text';
import type { ChatStore } from '../store/chat-store';
import { firstSeq, lastSeq } from '../store/messages';
import type { KeyValue } from './kept-storage';
import type { Outbox } from './outbox';
import { pendingMessage, pickConversation } from './pick';
import { createSender } from './sender';
import { RefusedError, TransportError, unwrap, type Backend, type Transport, type TransportStatus } from './transport';
import { uuid } from './uuid';

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

export interface ChatSession {
  start(): Promise<void>;
  send(text: string): void;
  retry(clientId: string): void;
  loadOlder(): Promise<void>;
  /** Leaves the ended conversation for a fresh one (started by the next message). */
  newConversation(): void;
  rate(score: number, comment: string): Promise<boolean>;
  /** Nobody online: an email and a message become a conversation agents answer later. */
  leaveMessage(form: { email: string; name: string; text: string }): Promise<boolean>;
  /** The shopper is typing (true) or stopped (false); the agent sees it while assigned. */
  typing(active: boolean): void;
  setSound(on: boolean): void;
  /** The shopper closed the chat from inside (close button, Esc). */
  requestClose(): void;
  setOpen(open: boolean): void;
  /** What is on screen now counts as read (chat open, tab visible). */
  markRead(): void;
  setContext(context: ShopContext): void;
  identify(identity: Identity): void;
  /** Logout: revoke the token, forget the outbox, tell the loader it can remove the frame. */
  shutdown(): void;
}

/** Session refusals that no retry fixes: this page may not use the chat. */
const BLOCKING = ['origin_not_allowed', 'site_not_found', 'validation_failed', 'protocol_version_mismatch'];
const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 4000;
/** An agent's "typing" fades by itself if its "stopped" never comes (their console closed). */
const TYPING_SHOWN_MS = 15_000;
const SOUND_KEY = 'sound';

export function createChatSession(deps: SessionDeps): ChatSession {
  const { store, backend, outbox, prefs, parent, siteId, pageOrigin } = deps;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? uuid;
  const delay = deps.delay ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const dismissedKey = 'dismissed';
  const context: ShopContext = { ...deps.context };
  const state = () => store.getState();
  let token = deps.token;
  let identity = deps.identity;
  let transport: Transport | null = null;
  let up = false;
  let stopped = false;
  let renewing = false;
  let readSent = 0;
  let typingSentAt = 0;
  let typingIdle: ReturnType<typeof setTimeout> | undefined;
  let typingShown: ReturnType<typeof setTimeout> | undefined;
  let leaveId: string | undefined;
  let remembered = '';
  let syncQueued = false;
  let syncChain = Promise.resolve();

  const live = () => (up ? transport : null);
  const flush = createSender({ outbox, store, transport: live, startConversation, stored: (m) => received([m]) });
  store.setState({ sound: prefs.get(SOUND_KEY) === '1' });

  /** A visitor session; network trouble is retried with backoff, a refusal blocks the chat. */
  async function openSession() {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        const session = await backend.session({ siteId, pageOrigin, ...(token && { token }) });
        token = session.token;
        rememberVisitor();
        return session;
      } catch (err) {
        if (err instanceof RefusedError && BLOCKING.includes(err.code)) {
          store.setState({ connection: 'blocked' });
          return null;
        }
        store.setState({ connection: 'offline' });
        await delay(Math.min(30_000, 1000 * 2 ** attempt));
      }
    }
    return null;
  }

  function onStatus(status: TransportStatus): void {
    up = status.up;
    if (up) {
      renewing = false;
      store.setState({ connection: 'online' });
      void sync();
    } else if (status.refused === 'unauthorized' && !renewing) {
      // The token stopped working (logout in another tab, expiry): become a new visitor.
      renewing = true;
      void openSession().then((session) => {
        if (!session || !transport) return;
        state().showConversation(null);
        transport.setToken(session.token);
        transport.reconnect();
      });
    } else {
      store.setState({ connection: status.refused ? 'blocked' : 'offline' });
    }
  }

  /** Serialised: one catch-up at a time, and at most one more queued behind it. */
  function sync(): Promise<void> {
    if (!syncQueued) {
      syncQueued = true;
      syncChain = syncChain.then(() => {
        syncQueued = false;
        return catchUp().catch((err: unknown) => {
          // No answer: the next connection catches up again. A refusal leaves things as shown.
          if (!(err instanceof TransportError || err instanceof RefusedError)) throw err;
        });
      });
    }
    return syncChain;
  }

  async function catchUp(): Promise<void> {
    const t = live();
    if (!t) return;
    await sendIdentity();
    void sendContext(context, true);
    const { conversations } = unwrap(await t.request('conversation:list', {}));
    const current = pickConversation(conversations, now(), prefs.get(dismissedKey) ?? null);
    const shown = state().conversation;
    if (!current) {
      if (shown) state().showConversation(null);
    } else if (shown?.id === current.id && state().messages.some((m) => m.seq !== null)) {
      state().updateConversation(current);
      for (let more = true; more; ) {
        const afterSeq = lastSeq(state().messages);
        const page = unwrap(await t.request('message:history', { conversationId: current.id, afterSeq, limit: LIMITS.historyPageMax }));
        received(page.messages);
        more = page.hasMore;
      }
    } else {
      state().showConversation(current);
      readSent = 0;
      const page = unwrap(await t.request('message:history', { conversationId: current.id }));
      state().showHistory(page.messages, page.hasMore);
    }
    restorePending();
    rememberVisitor();
    await flush();
    session.markRead();
  }

  /** Stored messages from any source (live, catch-up, send acks); duplicates are dropped. */
  function received(messages: VisitorMessage[]): void {
    const { conversation, messages: shown, open, sound, locale, unread } = state();
    const mine = messages.filter((m) => m.conversationId === conversation?.id);
    // Another tab started a new conversation: follow it.
    if (mine.length < messages.length && conversation?.status !== 'waiting' && conversation?.status !== 'assigned') void sync();
    const known = new Set(shown.filter((m) => m.seq !== null).map((m) => m.clientId));
    const fresh = mine.filter((m) => !known.has(m.clientId));
    // Sent from another tab, or acknowledged after all: never resend it.
    for (const m of fresh) if (m.author === 'visitor') outbox.remove(m.clientId);
    state().addMessages(mine);

    const replies = fresh.filter((m) => m.author === 'agent' && m.kind === 'text');
    const last = replies.at(-1);
    if (!last) return;
    store.setState({
      typing: null,
      announcement: text(locale, 'incoming', { name: last.authorName ?? text(locale, 'support'), text: last.text }),
    });
    if (open && deps.visible()) return session.markRead();
    store.setState({ unread: unread + replies.length });
    parent.post({ t: 'unread', n: unread + replies.length });
    if (sound) deps.notify();
  }

  /** Shows the outbox's messages that belong to what is on screen. */
  function restorePending(): void {
    const id = state().conversation?.id ?? null;
    state().addMessages(outbox.list().filter((e) => !e.conversationId || e.conversationId === id).map(pendingMessage));
  }

  /** Tells the loader which token to keep, and whether a conversation exists (unread checks). */
  function rememberVisitor(): void {
    const c = !!state().conversation || outbox.list().length > 0;
    if (!token || remembered === token + c) return;
    remembered = token + c;
    parent.post({ t: 'state', token, c });
  }

  async function startConversation(): Promise<string> {
    const t = live();
    if (!t) throw new TransportError('offline');
    const { conversation } = unwrap(await t.request('conversation:start', { locale: state().locale }));
    if (state().conversation?.id !== conversation.id) {
      state().showConversation(conversation);
      readSent = 0;
      restorePending();
    }
    rememberVisitor();
    return conversation.id;
  }

  /** true when this browser switched to another visitor record (the customer's). */
  async function sendIdentity(): Promise<boolean> {
    const t = live();
    const claim = identity;
    if (!t || !claim) return false;
    identity = null;
    try {
      const ack = await t.request('visitor:identify', claim);
      if (!ack.ok || !ack.data.token) return false;
      token = ack.data.token;
      t.setToken(token);
      return true;
    } catch (err) {
      // Unanswered: try again on the next connection.
      if (err instanceof TransportError) identity = claim;
      return false;
    }
  }

  /** The server validates what the shop passed; if product or cart fail, the page still counts. */
  async function sendContext({ page, product, cart }: ShopContext, withLocale: boolean): Promise<void> {
    const t = live();
    const base = { ...(withLocale && { locale: state().locale }), ...(page && { page }) };
    try {
      const ack = await t?.request('visitor:context', {
        ...base,
        ...(product !== undefined && { product }),
        ...(cart !== undefined && { cart }),
      });
      if (ack && !ack.ok && page) await t!.request('visitor:context', base);
    } catch {
      // Context is a nicety for agents; the next connection sends it again.
    }
  }

  const session: ChatSession = {
    async start() {
      const opened = await openSession();
      if (!opened || stopped) return;
      const { config } = opened;
      const locale = pickLocale(deps.locale, deps.languages, config.defaultLocale);
      store.setState({ locale, siteName: config.name, greeting: config.greeting[locale] ?? null, availability: config.availability });
      restorePending();

      const t = backend.connect({ v: PROTOCOL_VERSION, siteId, token: opened.token, pageOrigin });
      transport = t;
      // Live events first: whatever arrives during a catch-up is merged, never lost.
      t.on('message:created', ({ message }) => received([message]));
      t.on('conversation:updated', ({ conversation }) => {
        const shown = state().conversation;
        if (shown?.id === conversation.id) state().updateConversation(conversation);
        else if (conversation.status !== 'resolved' && shown?.status !== 'waiting' && shown?.status !== 'assigned') void sync();
      });
      t.on('queue:position', (position) => {
        if (position.conversationId === state().conversation?.id) store.setState({ queue: position });
      });
      t.on('typing:changed', ({ conversationId, typing, name }) => {
        if (conversationId !== state().conversation?.id) return;
        store.setState({ typing: typing ? (name ?? '') : null });
        clearTimeout(typingShown);
        if (typing) typingShown = setTimeout(() => store.setState({ typing: null }), TYPING_SHOWN_MS);
      });
      t.on('availability:changed', (availability) => store.setState({ availability }));
      t.onStatus(onStatus);
    },

    send(input) {
      const trimmed = input.trim().slice(0, LIMITS.messageLength);
      if (!trimmed) return;
      const shown = state().conversation;
      const entry = {
        clientId: newId(),
        conversationId: shown && shown.status !== 'resolved' ? shown.id : null,
        text: trimmed,
        createdAt: now(),
      };
      outbox.add(entry);
      state().addMessages([pendingMessage(entry)]);
      session.typing(false);
      void flush();
    },

    retry(clientId) {
      const entry = outbox.get(clientId);
      if (!entry) return;
      // Its conversation ended meanwhile: it opens a new one instead.
      const restart = entry.failed === 'conversation_resolved';
      outbox.update(clientId, { failed: undefined, ...(restart && { conversationId: null }) });
      if (restart) session.newConversation();
      else state().setFailed(clientId, undefined);
      void flush();
    },

    async loadOlder() {
      const { conversation, hasOlder, loadingOlder, messages } = state();
      const beforeSeq = firstSeq(messages);
      const t = live();
      if (!conversation || !hasOlder || loadingOlder || beforeSeq === null || !t) return;
      store.setState({ loadingOlder: true });
      try {
        const page = unwrap(await t.request('message:history', { conversationId: conversation.id, beforeSeq }));
        state().addMessages(page.messages, { hasOlder: page.hasMore });
      } catch {
        store.setState({ loadingOlder: false });
      }
    },

    newConversation() {
      const shown = state().conversation;
      if (shown) prefs.set(dismissedKey, shown.id);
      state().showConversation(null);
      restorePending();
    },

    async rate(score, comment) {
      const conversation = state().conversation;
      const note = comment.trim().slice(0, LIMITS.commentLength);
      try {
        const ack = await live()!.request('conversation:rate', { conversationId: conversation!.id, score, ...(note && { comment: note }) });
        state().updateConversation(unwrap(ack).conversation);
        return true;
      } catch {
        return false;
      }
    },

    async leaveMessage(form) {
      // The same id on a retry: the server answers with the conversation it already made.
      leaveId ??= newId();
      const name = form.name.trim();
      const email = form.email.trim();
      try {
        const ack = await live()!.request('conversation:leave-message', {
          clientId: leaveId,
          email,
          text: form.text.trim().slice(0, LIMITS.messageLength),
          ...(name && { name }),
        });
        const { conversation, message } = unwrap(ack);
        leaveId = undefined;
        state().showConversation(conversation);
        state().addMessages([message]);
        store.setState({ leftEmail: email });
        rememberVisitor();
        return true;
      } catch {
        return false;
      }
    },

    typing(active) {
      const conversation = state().conversation;
      const t = live();
      clearTimeout(typingIdle);
      if (!t || conversation?.status !== 'assigned') return;
      if (active) {
        typingIdle = setTimeout(() => session.typing(false), TYPING_IDLE_MS);
        if (now() - typingSentAt < TYPING_REPEAT_MS) return;
        typingSentAt = now();
      } else if (typingSentAt) {
        typingSentAt = 0;
      } else {
        return;
      }
      t.request('typing:set', { conversationId: conversation.id, typing: active }).catch(() => {});
    },

    setSound(on) {
      store.setState({ sound: on });
      prefs.set(SOUND_KEY, on ? '1' : null);
    },

    requestClose() {
      parent.post({ t: 'close' });
    },

    setOpen(open) {
      store.setState(open ? { open, unread: 0 } : { open });
      if (!open) return;
      parent.post({ t: 'unread', n: 0 });
      session.markRead();
    },

    markRead() {
      const { conversation, messages, open } = state();
      const seq = lastSeq(messages.filter((m) => m.author !== 'visitor'));
      const t = live();
      if (!t || !conversation || !open || !deps.visible() || seq <= readSent) return;
      readSent = seq;
      t.request('message:read', { conversationId: conversation.id, seq }).catch(() => {
        readSent = 0;
      });
    },

    setContext(next) {
      Object.assign(context, next);
      void sendContext(next, false);
    },

    identify(claim) {
      identity = claim;
      void sendIdentity().then((switched) => {
        if (switched) void sync();
      });
    },

    shutdown() {
      stopped = true;
      if (token) backend.revoke(siteId, token);
      // The loader forgets everything kept for the chat (outbox, preferences) with the token.
      transport?.close();
      parent.post({ t: 'bye' });
    },
  };
  return session;
}
