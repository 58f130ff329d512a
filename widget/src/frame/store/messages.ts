/**
 * The message list as the shopper sees it: stored messages in sequence order, then the
 * ones still on their way (no seq yet) in the order they were written. Pure functions, so
 * the merge rules (no duplicates, server order) are tested without a DOM or a socket.
 */
import type { VisitorConversation, VisitorMessage } from '@counter/shared';

/**
 * A message as shown: a stored VisitorMessage (the server's, used as is) or one still in the outbox
 * (no seq yet), keyed by the sender's client id either way.
 */
export type ChatMessage = Pick<VisitorMessage, 'clientId' | 'author' | 'authorName' | 'kind' | 'text' | 'event' | 'createdAt'> & {
  /** Assigned by the server; null while the message waits in the outbox. */
  seq: number | null;
  /** Why the last attempt failed (an error code, or 'timeout'); unset while sending. */
  failed?: string;
};

export type Delivery = 'sending' | 'sent' | 'read' | 'failed';

const order = (a: ChatMessage, b: ChatMessage) =>
  a.seq === null ? (b.seq === null ? a.createdAt - b.createdAt : 1) : b.seq === null ? -1 : a.seq - b.seq;

/**
 * Adds messages to a list: a stored copy replaces a pending one with the same client id,
 * a message already seen (same client id or seq) is dropped, internal notes never show.
 */
export function merge(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byClient = new Map(list.map((m) => [m.clientId, m]));
  const seqs = new Set(list.map((m) => m.seq));
  for (const m of incoming) {
    if (m.kind === 'note') continue;
    const known = byClient.get(m.clientId);
    if (known ? known.seq !== null : m.seq !== null && seqs.has(m.seq)) continue;
    byClient.set(m.clientId, m);
    seqs.add(m.seq);
  }
  return [...byClient.values()].sort(order);
}

/** Highest sequence number seen: where catching up resumes. */
export function lastSeq(list: readonly ChatMessage[]): number {
  let max = 0;
  for (const m of list) if (m.seq !== null && m.seq > max) max = m.seq;
  return max;
}

/** Lowest sequence number seen: where scrolling back resumes. */
export function firstSeq(list: readonly ChatMessage[]): number | null {
  for (const m of list) if (m.seq !== null) return m.seq;
  return null;
}

export function delivery(m: ChatMessage, conversation: VisitorConversation | null): Delivery {
  if (m.failed) return 'failed';
  if (m.seq === null) return 'sending';
  return conversation && m.seq <= conversation.agentReadSeq ? 'read' : 'sent';
}
