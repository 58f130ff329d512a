/**
 * Loading a conversation: open it (which also subscribes this socket to its live events),
 * then read the newest page. Live events that arrive meanwhile merge by seq, so the order
 * "subscribe, then read the backlog" never loses or doubles a message. After a reconnect
 * the same call re-subscribes and fetches everything after the last seq seen.
 */
import type { ConversationId } from '@counter/shared';
import { LIMITS } from '@counter/shared';
import { readAfter } from '@counter/shared/delivery';
import type { InboxStore } from '../stores/inbox-store.js';
import { lastSeqOf, type ThreadsStore } from '../stores/threads-store.js';
import type { Commander } from './commander.js';

/** Threads kept loaded besides the inbox's; older ones are dropped (and re-read if opened). */
const KEEP_OTHER_THREADS = 8;

export function createHistorySync(command: Commander, threads: ThreadsStore, inbox: InboxStore) {
  const inFlight = new Map<ConversationId, Promise<void>>();
  /** Most recently opened last. */
  const recent: ConversationId[] = [];

  function remember(id: ConversationId) {
    const at = recent.indexOf(id);
    if (at !== -1) recent.splice(at, 1);
    recent.push(id);
    const mine = inbox.getState().items;
    const others = recent.filter((r) => !mine[r]);
    const excess = others.slice(0, Math.max(0, others.length - KEEP_OTHER_THREADS));
    if (!excess.length) return;
    threads.getState().drop(excess);
    for (const gone of excess) recent.splice(recent.indexOf(gone), 1);
  }

  /** Everything after the last seq seen (the shared readAfter), or the newest page if none. */
  async function catchUp(id: ConversationId): Promise<void> {
    const thread = threads.getState().threads[id];
    if (!thread) return;
    const afterSeq = lastSeqOf(thread);
    if (!afterSeq) {
      // A first page read backwards: older pages come on scroll, nothing newer is missing.
      const result = await command('message:history', { conversationId: id, limit: LIMITS.historyPage });
      if (!result.ok) return threads.getState().failed(id, result.error);
      return threads.getState().addMessages(id, result.data.messages, { hasOlder: result.data.hasMore });
    }
    await readAfter(
      afterSeq,
      async (after) => {
        const result = await command('message:history', { conversationId: id, afterSeq: after, limit: LIMITS.historyPageMax });
        if (result.ok) return result.data;
        threads.getState().failed(id, result.error);
        return null;
      },
      (messages) => threads.getState().addMessages(id, messages),
    );
  }

  async function load(id: ConversationId): Promise<void> {
    threads.getState().begin(id);
    remember(id);
    const opened = await command('conversation:open', { conversationId: id });
    if (!opened.ok) {
      // It was open here and is no longer ours to see (reassigned while we were away).
      if (opened.error.code === 'not_found' && threads.getState().threads[id]?.status === 'ready') {
        return threads.getState().markRemoved(id, 'reassigned');
      }
      return threads.getState().failed(id, opened.error);
    }
    threads.getState().opened(id, opened.data);
    inbox.getState().updateConversation(opened.data.conversation);
    await catchUp(id);
  }

  /** Opens (or re-opens after a reconnect); concurrent calls share one load. */
  function open(id: ConversationId): Promise<void> {
    const running = inFlight.get(id);
    if (running) return running;
    const work = load(id).finally(() => inFlight.delete(id));
    inFlight.set(id, work);
    return work;
  }

  return {
    open,

    /** The page before the oldest loaded message (scrolling up). */
    async loadOlder(id: ConversationId): Promise<void> {
      const thread = threads.getState().threads[id];
      if (!thread || !thread.hasOlder || thread.loadingOlder || !thread.messages.length) return;
      threads.getState().setLoadingOlder(id, true);
      const result = await command('message:history', {
        conversationId: id,
        beforeSeq: thread.messages[0]!.seq,
        limit: LIMITS.historyPage,
      });
      threads.getState().setLoadingOlder(id, false);
      if (!result.ok) return threads.getState().failed(id, result.error);
      threads.getState().addMessages(id, result.data.messages, { hasOlder: result.data.hasMore });
    },

    /** After a reconnect: every thread still open is re-subscribed and caught up. */
    async reopenAll(): Promise<void> {
      const ids = Object.keys(threads.getState().threads) as ConversationId[];
      await Promise.all(ids.map(open));
    },
  };
}

export type HistorySync = ReturnType<typeof createHistorySync>;
