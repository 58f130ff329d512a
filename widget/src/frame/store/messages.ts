/**
 * The message list as the shopper sees it: stored messages in sequence order, then the
 * ones still on their way (no seq yet) in the order they were written. Pure functions, so
 * the merge rules (no duplicates, server order) are tested without a DOM or a socket.
 */
import type { VisitorConversation, VisitorMessage } from '@counter/shared';
import { lastSeq, merge as mergeSequenced } from '@counter/shared/delivery';

/**
 * A message as shown: a stored VisitorMessage (the server's, used as is) or one still in the outbox
 * (no seq yet), keyed by the sender's client id either way.
 */
export type ChatMessage = Pick<VisitorMessage, 'clientId' | 'author' | 'authorName' | 'kind' | 'text' | 'event' | 'createdAt' | 'attachment'> & {
  /** Assigned by the server; null while the message waits in the outbox. */
  seq: number | null;
  /** Why the last attempt failed (an error code, or 'timeout'); unset while sending. */
  failed?: string;
};

export type Delivery = 'sending' | 'sent' | 'read' | 'failed';

/** Adds messages to a list (deduped by client id and seq, see the delivery module); internal notes never show. */
export function merge(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  return mergeSequenced(list, incoming.filter((m) => m.kind !== 'note'));
}

export { lastSeq };

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
