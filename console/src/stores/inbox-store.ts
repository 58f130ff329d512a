/**
 * My conversations. Filled by inbox:list after every (re)connect and kept current by
 * conversation:assigned / :removed / :updated. Conversations resolved during this session
 * stay at the bottom (the rating may still arrive; the agent may reopen).
 */
import type { Conversation, ConversationId, InboxItem, VisitorProfile } from '@counter/shared';
import { createStore } from 'zustand/vanilla';
import { compareInbox } from '../lib/inbox-order.js';
import { visitorSummaryOf } from '../lib/visitor-label.js';

const KEEP_RESOLVED = 15;

export interface InboxState {
  items: Record<string, InboxItem>;
  loaded: boolean;
  replace(items: InboxItem[]): void;
  upsert(item: InboxItem): void;
  updateConversation(conversation: Conversation): void;
  updateVisitor(visitor: VisitorProfile): void;
  remove(id: ConversationId): void;
  clear(): void;
}

/** An older snapshot (lower lastSeq) never overwrites a newer one. */
function newer(current: Conversation | undefined, incoming: Conversation): boolean {
  return !current || incoming.lastSeq >= current.lastSeq;
}

export function createInboxStore() {
  return createStore<InboxState>()((set, get) => ({
    items: {},
    loaded: false,

    replace(list) {
      const items: Record<string, InboxItem> = {};
      const resolved = Object.values(get().items)
        .filter((i) => i.conversation.status === 'resolved')
        .sort((a, b) => compareInbox(a.conversation, b.conversation))
        .slice(0, KEEP_RESOLVED);
      for (const item of resolved) items[item.conversation.id] = item;
      for (const item of list) items[item.conversation.id] = item;
      set({ items, loaded: true });
    },

    upsert(item) {
      const current = get().items[item.conversation.id];
      const conversation = newer(current?.conversation, item.conversation) ? item.conversation : current!.conversation;
      set({ items: { ...get().items, [item.conversation.id]: { conversation, visitor: item.visitor } } });
    },

    updateConversation(conversation) {
      const current = get().items[conversation.id];
      if (!current || !newer(current.conversation, conversation)) return;
      set({ items: { ...get().items, [conversation.id]: { ...current, conversation } } });
    },

    updateVisitor(visitor) {
      const items = { ...get().items };
      let changed = false;
      for (const [id, item] of Object.entries(items)) {
        if (item.visitor.id !== visitor.id) continue;
        items[id] = { ...item, visitor: visitorSummaryOf(visitor) };
        changed = true;
      }
      if (changed) set({ items });
    },

    remove(id) {
      if (!get().items[id]) return;
      const items = { ...get().items };
      delete items[id];
      set({ items });
    },

    clear() {
      set({ items: {}, loaded: false });
    },
  }));
}

export type InboxStore = ReturnType<typeof createInboxStore>;

/** The inbox in display order (see lib/inbox-order.ts). */
export const selectInbox = (s: InboxState): InboxItem[] =>
  Object.values(s.items).sort((a, b) => compareInbox(a.conversation, b.conversation));

export const selectOpenCount = (s: InboxState): number =>
  Object.values(s.items).filter((i) => i.conversation.status !== 'resolved').length;

export const selectUnreadTotal = (s: InboxState): number =>
  Object.values(s.items).reduce((sum, i) => sum + (i.conversation.status === 'resolved' ? 0 : i.conversation.unreadByAgent), 0);
