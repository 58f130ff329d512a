/**
 * The inbox order: whoever is closest to missing their reply target (else has waited longest) comes first. Conversations with
 * nothing awaited follow, most recent activity first; resolved ones sink to the bottom.
 */
import type { Conversation, QueueItem } from '@counter/shared';
import type { VNode } from 'preact';

/**
 * Filled by the response-targets chunk (targets/entry.ts, fetched on connect): the time to
 * breach, for this order, and the countdown badge the rows show. Until it has loaded, the
 * longest wait comes first and rows show no badge.
 */
export const due = {
  at: (c: Conversation) => c.awaitingReplySince!,
  Badge: (_: { c: Conversation } | { q: QueueItem }): VNode | null => null,
};

function bucket(c: Conversation): number {
  if (c.status === 'resolved') return 2;
  return c.awaitingReplySince !== null ? 0 : 1;
}

export function compareInbox(a: Conversation, b: Conversation): number {
  const ba = bucket(a);
  const bb = bucket(b);
  if (ba !== bb) return ba - bb;
  if (ba === 0) return due.at(a) - due.at(b) || a.createdAt - b.createdAt;
  if (ba === 1) return (b.lastMessageAt ?? b.updatedAt) - (a.lastMessageAt ?? a.updatedAt);
  return (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0);
}
