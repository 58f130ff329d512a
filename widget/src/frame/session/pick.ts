/** Which conversation the window shows, and how an outbox entry looks before it is stored. */
import type { ClientMessageId, VisitorConversation } from '@counter/shared';
import type { ChatMessage } from '../store/messages';
import type { OutboxEntry } from '@counter/shared/delivery';

/** A resolved conversation stays on screen this long (to rate it, or read the last answer). */
export const SHOW_RESOLVED_MS = 24 * 60 * 60 * 1000;

/**
 * The open conversation if there is one; else the latest one if it ended recently and the
 * shopper has not moved on from it; else none (the first message starts one).
 * `list` is newest first, as conversation:list returns it.
 */
export function pickConversation(
  list: readonly VisitorConversation[],
  now: number,
  dismissed: string | null,
): VisitorConversation | null {
  const open = list.find((c) => c.status !== 'resolved');
  if (open) return open;
  const last = list[0];
  if (!last || last.id === dismissed || last.resolvedAt === null) return null;
  return now - last.resolvedAt < SHOW_RESOLVED_MS ? last : null;
}

export function pendingMessage({ clientId, text, createdAt, failed }: OutboxEntry): ChatMessage {
  return { clientId: clientId as ClientMessageId, seq: null, author: 'visitor', authorName: null, kind: 'text', text, event: null, createdAt, failed };
}
