/**
 * Catching up by sequence, and merging what arrives from several paths (live events, pages
 * of history, send acks) without doubles. The caller subscribes to live events before it
 * reads the backlog; whatever arrives twice is dropped here.
 */

export interface Page<M> {
  messages: M[];
  hasMore: boolean;
}

/** What merging needs of a message: a server seq (null while still in the outbox) and its client id. */
export interface Sequenced {
  clientId: string;
  seq: number | null;
  createdAt: number;
}

/** Bounds a catch-up (100 pages of 100) against a runaway server. */
const MAX_PAGES = 100;

/**
 * Reads every page after `afterSeq` until the server says there is no more. `read` returns
 * null when it could not read (the caller already showed why); the next connect tries again.
 */
export async function readAfter<M extends { seq: number }>(
  afterSeq: number,
  read: (afterSeq: number) => Promise<Page<M> | null>,
  take: (messages: M[]) => void,
): Promise<void> {
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await read(afterSeq);
    if (!page) return;
    take(page.messages);
    for (const m of page.messages) afterSeq = Math.max(afterSeq, m.seq);
    if (!page.hasMore || !page.messages.length) return;
  }
}

const order = (a: Sequenced, b: Sequenced) =>
  a.seq === null ? (b.seq === null ? a.createdAt - b.createdAt : 1) : b.seq === null ? -1 : a.seq - b.seq;

/**
 * Adds messages to a list, deduped by client id and seq: a stored copy replaces a pending
 * one (or an older stored copy) with the same client id; a pending copy never replaces a
 * stored one; a seq already held by another message is dropped. Result: stored messages in
 * seq order, then pending ones in the order they were written.
 */
export function merge<M extends Sequenced>(list: readonly M[], incoming: readonly M[]): M[] {
  const byClient = new Map(list.map((m) => [m.clientId, m]));
  const seqs = new Set(list.map((m) => m.seq));
  for (const m of incoming) {
    const known = byClient.get(m.clientId);
    if (m.seq === null ? known && known.seq !== null : !known && seqs.has(m.seq)) continue;
    byClient.set(m.clientId, m);
    seqs.add(m.seq);
  }
  return [...byClient.values()].sort(order);
}

/** Highest sequence number seen: where catching up resumes. */
export function lastSeq(list: readonly { seq: number | null }[]): number {
  let max = 0;
  for (const m of list) if (m.seq !== null && m.seq > max) max = m.seq;
  return max;
}
