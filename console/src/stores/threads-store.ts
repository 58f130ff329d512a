/**
 * Conversations the agent has opened: the conversation, the shopper's full profile, earlier
 * conversations and the messages loaded so far (ordered by seq, each seq once). Live events
 * and pages of history merge here in any order; duplicates are dropped by seq.
 */
import type { Conversation, ConversationId, Message, RemoveReason, VisitorProfile } from '@counter/shared';
import { merge } from '@counter/shared/delivery';
import { createStore } from 'zustand/vanilla';
import type { ClientError } from '../lib/client-error.js';

export interface Thread {
  id: ConversationId;
  status: 'opening' | 'ready' | 'error';
  error: ClientError | null;
  conversation: Conversation | null;
  visitor: VisitorProfile | null;
  previous: Conversation[];
  messages: Message[];
  /** Older messages exist before messages[0]. */
  hasOlder: boolean;
  loadingOlder: boolean;
  visitorTyping: boolean;
  /** It left this agent's inbox while open (transferred, reassigned). */
  removed: RemoveReason | null;
}

export interface OpenedThread {
  conversation: Conversation;
  visitor: VisitorProfile;
  previous: Conversation[];
}

export interface ThreadsState {
  threads: Record<string, Thread>;
  begin(id: ConversationId): void;
  opened(id: ConversationId, data: OpenedThread): void;
  failed(id: ConversationId, error: ClientError): void;
  addMessages(id: ConversationId, messages: Message[], older?: { hasOlder: boolean }): void;
  setLoadingOlder(id: ConversationId, loading: boolean): void;
  updateConversation(conversation: Conversation): void;
  updateVisitor(visitor: VisitorProfile): void;
  setTyping(id: ConversationId, typing: boolean): void;
  /** null: it came back to this agent. */
  markRemoved(id: ConversationId, reason: RemoveReason | null): void;
  /** Forgets threads (they are re-subscribed and caught up on every reconnect). */
  drop(ids: ConversationId[]): void;
  clear(): void;
}

const emptyThread = (id: ConversationId): Thread => ({
  id,
  status: 'opening',
  error: null,
  conversation: null,
  visitor: null,
  previous: [],
  messages: [],
  hasOlder: false,
  loadingOlder: false,
  visitorTyping: false,
  removed: null,
});

/** Merges two seq-ordered lists, deduped by client id and seq (the shared delivery rules). */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  return incoming.length ? merge(current, incoming) : (current as Message[]);
}

export function createThreadsStore() {
  return createStore<ThreadsState>()((set, get) => {
    const patch = (id: ConversationId, change: (t: Thread) => Partial<Thread> | null) => {
      const thread = get().threads[id];
      if (!thread) return;
      const delta = change(thread);
      if (delta) set({ threads: { ...get().threads, [id]: { ...thread, ...delta } } });
    };

    return {
      threads: {},

      begin(id) {
        const existing = get().threads[id];
        // Re-opening (after a reconnect) keeps what is loaded; the catch-up fills the gap.
        set({ threads: { ...get().threads, [id]: existing ? { ...existing, error: null } : emptyThread(id) } });
      },

      opened(id, { conversation, visitor, previous }) {
        patch(id, (t) => ({
          status: 'ready',
          error: null,
          conversation: t.conversation && t.conversation.lastSeq > conversation.lastSeq ? t.conversation : conversation,
          visitor,
          previous,
        }));
      },

      failed(id, error) {
        patch(id, (t) => (t.status === 'ready' ? { error } : { status: 'error', error }));
      },

      addMessages(id, messages, older) {
        patch(id, (t) => {
          const merged = mergeMessages(t.messages, messages);
          const typingEnds = messages.some((m) => m.author === 'visitor');
          const delta: Partial<Thread> = { messages: merged };
          if (older) delta.hasOlder = older.hasOlder;
          if (typingEnds) delta.visitorTyping = false;
          return delta;
        });
      },

      setLoadingOlder(id, loadingOlder) {
        patch(id, () => ({ loadingOlder }));
      },

      updateConversation(conversation) {
        patch(conversation.id, (t) => {
          if (t.conversation && t.conversation.lastSeq > conversation.lastSeq) return null;
          // A shopper still "typing" into a resolved conversation is not talking to anyone.
          return conversation.status === 'resolved' ? { conversation, visitorTyping: false } : { conversation };
        });
      },

      updateVisitor(visitor) {
        const threads = { ...get().threads };
        let changed = false;
        for (const [id, t] of Object.entries(threads)) {
          if (t.conversation?.visitorId !== visitor.id && t.visitor?.id !== visitor.id) continue;
          threads[id] = { ...t, visitor };
          changed = true;
        }
        if (changed) set({ threads });
      },

      setTyping(id, typing) {
        patch(id, (t) => (t.visitorTyping === typing ? null : { visitorTyping: typing }));
      },

      markRemoved(id, reason) {
        patch(id, (t) => (t.removed === reason ? null : { removed: reason, visitorTyping: false }));
      },

      drop(ids) {
        if (!ids.some((id) => get().threads[id])) return;
        const threads = { ...get().threads };
        for (const id of ids) delete threads[id];
        set({ threads });
      },

      clear() {
        set({ threads: {} });
      },
    };
  });
}

export type ThreadsStore = ReturnType<typeof createThreadsStore>;

export const lastSeqOf = (t: Thread | undefined): number => (t?.messages.length ? t.messages[t.messages.length - 1]!.seq : 0);
