import type { QueueItem, SiteId } from '@counter/shared';
import { inScope } from './access.js';
import type { QueueSnapshot } from './routing/router.js';

/** The queue as staff of `scope` see it (null: every site): their sites only, numbered from 1. */
export function scopedQueue(snapshot: QueueSnapshot, scope: readonly SiteId[] | null): { queue: QueueItem[]; total: number } {
  if (scope === null) return { queue: snapshot.items, total: snapshot.total };
  const queue = snapshot.items.filter((item) => inScope(scope, item.siteId)).map((item, i) => ({ ...item, position: i + 1 }));
  const total = snapshot.positions.filter((p) => inScope(scope, p.siteId)).length;
  return { queue, total };
}
