/**
 * The shopper's side of the conversation: one socket, server facts turned into store
 * actions and the shopper's actions into commands. This file only wires the concerns
 * together; each lives in its own module (the map is in core.ts).
 */
import { PROTOCOL_VERSION } from '@counter/shared';
import type { Identity, ShopContext } from '../../bridge';
import { pickLocale } from '../../i18n/catalogue';
import { createCatchUp } from './catch-up';
import { createConversation } from './conversation';
import type { Core, SessionDeps } from './core';
import { createIncoming } from './incoming';
import { createOutgoing } from './outgoing';
import { createReadMarks } from './read-marks';
import { createSessionAccess } from './session-access';
import { createShopContext } from './shop-context';
import type { OrdersApi } from './orders';
import type { AttachmentsApi } from './attachments';
import type { Transport } from './transport';
import { createTyping } from './typing';
import { uuid } from './uuid';

export type { SessionDeps } from './core';

/** What became of a transcript request (the form words it). */
export type TranscriptResult = 'sent' | 'limited' | 'failed';

export interface ChatSession {
  start(): Promise<void>;
  send(text: string): void;
  retry(clientId: string): void;
  loadOlder(): Promise<void>;
  /** Leaves the ended conversation for a fresh one (started by the next message). */
  newConversation(): void;
  rate(score: number, comment: string): Promise<false | { nps: import('./rating').NpsAnswer | null }>;
  /** The ended conversation by email (issue 17); loads with its code on first use. */
  emailTranscript(email: string): Promise<TranscriptResult>;
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
  /** The order views' commands, loaded with them. */
  orders(): Promise<OrdersApi>;
  /** The knowledge base's commands, loaded with its panel (issue 13). */
  kb(): Promise<import('./kb').KbApi>;
  /** Logout: revoke the token, forget the outbox, tell the loader it can remove the frame. */
  shutdown(): void;
  /** Uploading and reading files, loaded with the attachment views (issue 12 item 5). */
  attachments(): Promise<AttachmentsApi>;
  /** The shopper picks a topic (issue 14 item 2); loads with the picker. */
  topic(topic: string): Promise<void>;
}

const SOUND_KEY = 'sound';

/**
 * No Vite preload helper for the lazy parts (see ui/App.tsx): rating, leaving a message and
 * older pages and the identity check load on first use, outside the first render.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const __vitePreload = (load: () => Promise<unknown>) => load();

export function createChatSession(deps: SessionDeps): ChatSession {
  const { store, backend, prefs, parent, siteId, pageOrigin } = deps;
  let transport: Transport | null = null;
  let up = false;
  const core: Core = {
    deps,
    state: () => store.getState(),
    live: () => (up ? transport : null),
    now: deps.now ?? Date.now,
    newId: deps.newId ?? uuid,
  };
  const state = core.state;

  const access = createSessionAccess(core, deps.outbox);
  let claim = deps.identity;
  /** Sends the identity claim until answered; true when this browser became the customer. */
  async function identify(): Promise<boolean> {
    const sent = claim;
    if (!sent || !core.live()) return false;
    claim = null;
    const switched = await import('./identity').then((m) => m.identify(core, access, sent));
    if (switched === null) claim ??= sent;
    return !!switched;
  }
  const context = createShopContext(core);
  const reads = createReadMarks(core);
  const typing = createTyping(core);
  const shown = () => {
    reads.reset();
    outgoing.restore();
  };
  const conversation = createConversation(core, { shown, remember: access.remember });
  const received = createIncoming(core, { follow: () => void catchUp.sync(), markRead: reads.mark });
  const outgoing = createOutgoing(core, { startConversation: conversation.start, received, newConversation: conversation.leave });
  const catchUp = createCatchUp(core, {
    async prepare() {
      await identify();
      context.resend();
    },
    dismissed: conversation.dismissed,
    received,
    shown,
    async done() {
      outgoing.restore();
      access.remember();
      await outgoing.flush();
      reads.mark();
    },
  });
  state().setSound(prefs.get(SOUND_KEY) === '1');

  return {
    async start() {
      const opened = await access.open();
      if (!opened) return;
      const { config } = opened;
      state().configure(pickLocale(deps.locale, deps.languages, config.defaultLocale), config);
      outgoing.restore();

      const t = backend.connect({ v: PROTOCOL_VERSION, siteId, token: opened.token, pageOrigin });
      transport = t;
      // Live events first: whatever arrives during a catch-up is merged, never lost.
      t.on('message:created', ({ message }) => received([message]));
      t.on('conversation:updated', ({ conversation: c }) => {
        const current = state().conversation;
        if (current?.id === c.id) state().updateConversation(c);
        else if (c.status !== 'resolved' && current?.status !== 'waiting' && current?.status !== 'assigned') void catchUp.sync();
      });
      t.on('queue:position', (position) => {
        if (position.conversationId === state().conversation?.id) state().setQueue(position);
      });
      t.on('typing:changed', ({ conversationId, typing: on, name }) => {
        if (conversationId === state().conversation?.id) typing.agent(on ? (name ?? '') : null);
      });
      t.on('availability:changed', (availability) => state().setAvailability(availability));
      t.onStatus((status) => {
        up = status.up;
        access.status(status, t, () => void catchUp.sync());
      });
    },

    send(input) {
      if (outgoing.send(input)) typing.typing(false);
    },
    retry: outgoing.retry,
    loadOlder: () => import('./older').then((m) => m.loadOlder(core)),
    newConversation: conversation.leave,
    rate: (score, comment) => import('./rating').then((m) => m.rate(core, score, comment)),
    emailTranscript: (email) => import('./transcript').then((m) => m.emailTranscript(core, email)),
    leaveMessage: (form) => import('./leave-message').then((m) => m.leaveMessage(core, form, access.remember)),
    typing: typing.typing,

    setSound(on) {
      state().setSound(on);
      prefs.set(SOUND_KEY, on ? '1' : null);
    },

    requestClose() {
      parent.post({ t: 'close' });
    },

    setOpen(open) {
      state().setOpen(open);
      if (!open) return;
      parent.post({ t: 'unread', n: 0 });
      reads.mark();
    },

    markRead: reads.mark,
    orders: () => import('./orders').then((m) => m.ordersApi(core, conversation.start)),
    kb: () => import('./kb').then((m) => m.kbApi(core)),
    topic: (topic) => import('./topic').then((m) => m.chooseTopic(core, topic, shown, access.remember)),
    attachments: () => import('./attachments').then((m) => m.attachmentsApi(core, conversation.start, access.token)),
    setContext: context.set,

    identify(next) {
      claim = next;
      void identify().then((switched) => {
        if (switched) void catchUp.sync();
      });
    },

    shutdown() {
      access.stop();
      outgoing.stop();
      const token = access.token();
      if (token) backend.revoke(siteId, token);
      // The loader forgets everything kept for the chat (outbox, preferences) with the token.
      transport?.close();
      parent.post({ t: 'bye' });
    },
  };
}
