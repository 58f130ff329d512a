/**
 * Everything the chat window shows, in one framework-free store (zustand/vanilla). Every
 * change goes through a named action here (the session's modules never call setState), so
 * "what can change the connection badge" is one search. Talking to the server is the
 * session's job (session/).
 */
import type { Availability, Locale, QueuePosition, WidgetConfig, VisitorConversation } from '@counter/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { merge, type ChatMessage } from './messages';

/**
 * connecting: never connected yet; offline: lost, retrying; blocked: the server refuses this
 * page; crowded: refused because this shopper has the chat open in too many tabs.
 */
export type Connection = 'connecting' | 'online' | 'offline' | 'blocked' | 'crowded';

export interface ChatState {
  locale: Locale;
  connection: Connection;
  siteName: string;
  /** The site's greeting in this locale; null: the catalogue's default. */
  greeting: string | null;
  availability: Availability | null;
  /** The site's look (issue 17): header colour, text colour on it, agent in the header. */
  look: WidgetConfig['look'] | null;
  /** null: no conversation yet (or the shopper chose a new one): the first message starts it. */
  conversation: VisitorConversation | null;
  messages: ChatMessage[];
  /**
   * A returning shopper wrote below an ended conversation: it stays on screen above the new
   * one, with its messages (each conversation numbers its messages from 1: kept apart).
   */
  earlier: [VisitorConversation, ChatMessage[]][];
  hasOlder: boolean;
  loadingOlder: boolean;
  queue: QueuePosition | null;
  /** The agent typing: their name ('' when unknown); null when nobody types. */
  typing: string | null;
  open: boolean;
  unread: number;
  sound: boolean;
  /** Set after a left message: where the reply will go. */
  leftEmail: string | null;
  /** The latest incoming message, for the aria-live region. */
  announcement: string;
  /** The site has an order provider: "My orders" shows (its code loads on first render of it). */
  orders: boolean;
  /** The server sends email: the forms may promise a reply by email, and offer the transcript. */
  mail: boolean;
  /** The site's topics (issue 14 item 2): a new chat offers them. */
  topics?: string[];
}

export interface ChatActions {
  /**
   * Shows a conversation (or none); switching to another one clears what belonged to the
   * last, except an ended one's messages when the next one starts (see `earlier`).
   */
  showConversation(conversation: VisitorConversation | null): void;
  /** A newer view of the shown conversation; other conversations are ignored. */
  updateConversation(conversation: VisitorConversation): void;
  /**
   * The latest page of a newly shown conversation. Merged, not replaced: what is already
   * listed is either still sending or arrived (live event, send ack) while the page was
   * on its way, and is newer than the page.
   */
  showHistory(messages: ChatMessage[], hasOlder: boolean): void;
  addMessages(messages: ChatMessage[], older?: { hasOlder: boolean }): void;
  /** Marks a pending message failed (with a reason) or sending again (undefined). */
  setFailed(clientId: string, reason: string | undefined): void;
  setConnection(connection: Connection): void;
  /** The site's settings, in the chosen locale. */
  configure(locale: Locale, config: WidgetConfig): void;
  setAvailability(availability: Availability): void;
  setQueue(queue: QueuePosition): void;
  /** The agent typing (their name, '' when unknown) or null. */
  setTyping(typing: string | null): void;
  /** An agent's reply arrived: read it out; count it unread unless the shopper sees it. */
  replied(announcement: string, unread: number): void;
  setOpen(open: boolean): void;
  setSound(sound: boolean): void;
  setLoadingOlder(loading: boolean): void;
  /** A message was left for later: where the reply will go. */
  setLeftEmail(email: string): void;
}

export type ChatStore = StoreApi<ChatState & ChatActions>;

export const initialState: ChatState = {
  locale: 'en',
  connection: 'connecting',
  siteName: '',
  greeting: null,
  availability: null,
  look: null,
  conversation: null,
  messages: [],
  earlier: [],
  hasOlder: false,
  loadingOlder: false,
  queue: null,
  typing: null,
  open: false,
  unread: 0,
  sound: false,
  leftEmail: null,
  announcement: '',
  orders: false,
  mail: false,
};

export function createChatStore(initial: Partial<ChatState> = {}): ChatStore {
  return createStore<ChatState & ChatActions>()((set, get) => ({
    ...initialState,
    ...initial,

    showConversation(conversation) {
      const { conversation: shown, messages, earlier } = get();
      if (conversation && shown?.id === conversation.id) return set({ conversation });
      // Messages still on their way to no conversation in particular stay visible.
      const waiting = conversation ? [] : messages.filter((m) => m.seq === null);
      set({
        conversation,
        messages: waiting,
        earlier: conversation && shown?.status === 'resolved' ? [...earlier, [shown, messages.filter((m) => m.seq !== null)]] : [],
        hasOlder: false,
        queue: null,
        typing: null,
        leftEmail: null,
      });
    },
    updateConversation(conversation) {
      if (get().conversation?.id !== conversation.id) return;
      // Out of the queue once someone took it; nobody types in an ended conversation.
      set({
        conversation,
        ...(conversation.status !== 'waiting' && { queue: null }),
        ...(conversation.status === 'resolved' && { typing: null }),
      });
    },
    showHistory(messages, hasOlder) {
      set({ messages: merge(get().messages, messages), hasOlder });
    },
    addMessages(messages, older) {
      set({ messages: merge(get().messages, messages), ...(older && { hasOlder: older.hasOlder, loadingOlder: false }) });
    },
    setFailed(clientId, failed) {
      set({ messages: get().messages.map((m) => (m.clientId === clientId ? { ...m, failed } : m)) });
    },
    setConnection: (connection) => set({ connection }),
    configure: (locale, config) =>
      set({
        locale,
        siteName: config.name,
        greeting: config.greeting[locale] ?? null,
        availability: config.availability,
        orders: config.orders,
        mail: !!config.email,
        look: config.look ?? null,
        topics: config.topics,
      }),
    setAvailability: (availability) => set({ availability }),
    setQueue: (queue) => set({ queue }),
    setTyping: (typing) => set({ typing }),
    replied: (announcement, unread) => set({ typing: null, announcement, unread }),
    setOpen: (open) => set(open ? { open, unread: 0 } : { open }),
    setSound: (sound) => set({ sound }),
    setLoadingOlder: (loadingOlder) => set({ loadingOlder }),
    setLeftEmail: (leftEmail) => set({ leftEmail }),
  }));
}
