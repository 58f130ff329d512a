/**
 * The inbox order: whoever has waited longest for a reply comes first. Conversations with
 * nothing awaited follow, most recent activity first; resolved ones sink to the bottom.
 */
import type { Conversation } from '@counter/shared';

function bucket(c: Conversation): number {
  if (c.status === 'resolved') return 2;
  return c.awaitingReplySince !== null ? 0 : 1;
}

export function compareInbox(a: Conversation, b: Conversation): number {
  const ba = bucket(a);
  const bb = bucket(b);
  if (ba !== bb) return ba - bb;
  if (ba === 0) return a.awaitingReplySince! - b.awaitingReplySince! || a.createdAt - b.createdAt;
  if (ba === 1) return (b.lastMessageAt ?? b.updatedAt) - (a.lastMessageAt ?? a.updatedAt);
  return (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0);
}
