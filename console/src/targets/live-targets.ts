/**
 * What the targets chunk does on connect (sync/console-sync.ts), besides the escalation
 * notices (issue 14): it keeps the queue in order of time to breach (closest to missing its
 * first-reply target first, ties in the server's order), as the inbox is; and target edits
 * reach every open console, which re-sorts both lists and whose badges count down with the
 * new targets on their next tick. Until the targets first load both show the server's order
 * (the inbox: the longest wait first).
 */
import { dueOf, type QueueItem } from '@counter/shared';
import type { SyncDeps } from '../sync/console-sync.js';
import { listen as listenNotices } from './notices.js';
import { fromQueue } from './DueBadge.js';
import { loadTargets, setSiteTargets, targetsFor } from './site-targets.js';

const dueAt = (q: QueueItem) => dueOf(fromQueue(q), targetsFor(q.siteId))?.dueAt ?? q.queuedAt;
const byTimeToBreach = (items: QueueItem[]): QueueItem[] => [...items].sort((a, b) => dueAt(a) - dueAt(b) || a.position - b.position);

/** Returns the unsubscribe. */
export function listen({ transport, attention, siteNames, inbox, queue }: Pick<SyncDeps, 'transport' | 'attention' | 'siteNames' | 'inbox' | 'queue'>): () => void {
  // Every snapshot of the queue is stored in this order from now on.
  const { set } = queue.getState();
  queue.setState({ set: (items, total) => set(byTimeToBreach(items), total) });
  // A new object: the inbox sorts again (lib/inbox-order.ts) with the targets as they are now.
  const reorder = () => {
    inbox.setState({ items: { ...inbox.getState().items } });
    queue.setState({ items: byTimeToBreach(queue.getState().items) });
  };
  void loadTargets().then(reorder);
  const offNotices = listenNotices(transport, attention, siteNames);
  const offSettings = transport.on('target:settings', ({ siteId, targets }) => {
    setSiteTargets(siteId, targets);
    reorder();
  });
  return () => {
    offNotices();
    offSettings();
    queue.setState({ set });
  };
}
