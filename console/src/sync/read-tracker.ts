/**
 * Read marks: when the agent is looking at one of their conversations (tab visible), the
 * newest message loaded is marked read, which clears its unread count everywhere. Each
 * seq is sent once.
 */
import type { ConversationId } from '@counter/shared';
import type { SessionStore } from '../stores/session-store.js';
import { lastSeqOf, type ThreadsStore } from '../stores/threads-store.js';
import type { Commander } from './commander.js';

export interface ReadTrackerDeps {
  command: Commander;
  threads: ThreadsStore;
  session: SessionStore;
  activeConversation: () => ConversationId | null;
  isVisible: () => boolean;
}

export function createReadTracker({ command, threads, session, activeConversation, isVisible }: ReadTrackerDeps) {
  const sent = new Map<ConversationId, number>();

  function check() {
    const id = activeConversation();
    if (!id || !isVisible()) return;
    const thread = threads.getState().threads[id];
    const conversation = thread?.conversation;
    // Only the holder reads on the shopper's behalf; peeking at the queue marks nothing.
    if (!thread || thread.status !== 'ready' || !conversation || conversation.agentId !== session.getState().agent?.id) return;
    const seq = lastSeqOf(thread);
    if (!seq || (seq <= conversation.agentReadSeq && conversation.unreadByAgent === 0)) return;
    if ((sent.get(id) ?? 0) >= seq) return;
    sent.set(id, seq);
    void command('message:read', { conversationId: id, seq }).then((r) => {
      if (!r.ok) sent.delete(id);
    });
  }

  return {
    check,
    /** After a reconnect the server's view is re-read: allow marks to be sent again. */
    reset() {
      sent.clear();
    },
  };
}
export type ReadTracker = ReturnType<typeof createReadTracker>;
