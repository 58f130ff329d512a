/**
 * The transcript. Stays pinned to the newest message while the agent is at the bottom;
 * scrolling to the top loads the previous page and keeps the view where it was.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { conversationText } from '../../i18n/conversation.js';
import { shallowEqual, useStore } from '../../lib/use-store.js';
import type { Thread } from '../../stores/threads-store.js';
import { MessageItem } from './MessageItem.js';
import { PendingMessage } from './PendingMessage.js';

const NEAR_TOP_PX = 80;
const NEAR_BOTTOM_PX = 60;

export function MessageList({ thread }: { thread: Thread }) {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent?.id ?? null);
  const pending = useStore(app.stores.outbox, (s) => s.items.filter((o) => o.conversationId === thread.id), shallowEqual);
  const ref = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  /** Before an older page is prepended: where we were, to stay there. */
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const c = thread.conversation!;
  const firstSeq = thread.messages[0]?.seq ?? 0;
  const t = conversationText();

  function loadOlder() {
    const el = ref.current;
    if (!el || !thread.hasOlder || thread.loadingOlder) return;
    anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    void app.history.loadOlder(thread.id);
  }

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (anchor.current) {
      el.scrollTop = el.scrollHeight - anchor.current.height + anchor.current.top;
      if (!thread.loadingOlder) anchor.current = null;
    } else if (pinned.current) {
      el.scrollTop = el.scrollHeight;
    }
    // A first page shorter than the view: fetch more until it scrolls (or nothing is left).
    if (el.scrollHeight <= el.clientHeight && thread.hasOlder && !thread.loadingOlder) loadOlder();
  }, [thread.messages.length, firstSeq, pending.length, thread.visitorTyping, thread.loadingOlder]);

  // The last of my messages the shopper has read (for the "Seen" mark).
  const lastAgentSeq = [...thread.messages].reverse().find((m) => m.author === 'agent' && m.kind === 'text')?.seq ?? 0;

  return (
    <div
      class="messages"
      ref={ref}
      role="log"
      aria-label={t.messages}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
        if (el.scrollTop < NEAR_TOP_PX) loadOlder();
      }}
    >
      {thread.hasOlder ? (
        <button type="button" class="older" disabled={thread.loadingOlder} onClick={loadOlder}>
          {thread.loadingOlder ? t.loadingOlder : t.loadOlder}
        </button>
      ) : (
        thread.messages.length > 0 && <p class="start">{t.start}</p>
      )}
      {thread.messages.map((m) => (
        <MessageItem key={m.id} message={m} mine={m.agentId === me} seen={m.seq <= c.visitorReadSeq} last={m.seq === lastAgentSeq} />
      ))}
      {pending.map((o) => (
        <PendingMessage key={o.clientId} item={o} />
      ))}
    </div>
  );
}
