/**
 * Visitors nobody uses any more go: a visitor (with its tokens and identity link) unseen for
 * the TTL is deleted unless it has a conversation with messages, which is the shop's record
 * and stays with its visitor (a retention policy, not this sweep, decides when that ends).
 * Empty conversations (started, never written in) go with their visitor.
 *
 * "Seen" is lastSeenAt: set at creation, on every page the widget reports, and at most once a
 * day when the token is used (VisitorService.authenticate). Every node may sweep; each delete
 * is conditional, so two sweeps or a shopper coming back meanwhile change nothing.
 */
import type { VisitorId } from '@counter/shared';
import type { DomainDeps } from './deps.js';

export interface ExpiryResult {
  deleted: number;
  /** Found to have conversations with messages: kept, and never looked at again. */
  retained: number;
}

const BATCH = 200;

export async function expireVisitors(
  deps: Pick<DomainDeps, 'store' | 'clock'>,
  ttlMs: number,
  maxBatches = 50,
): Promise<ExpiryResult> {
  const { store } = deps;
  const cutoff = deps.clock.now() - ttlMs;
  const result: ExpiryResult = { deleted: 0, retained: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const stale = await store.visitors.unseenSince(cutoff, BATCH);
    if (!stale.length) break;
    const talked = await store.conversations.visitorsWithMessages(stale.map((v) => v._id));
    await store.visitors.markRetained([...talked]);
    result.retained += talked.size;
    const gone: VisitorId[] = [];
    for (const visitor of stale) {
      if (!talked.has(visitor._id) && (await store.visitors.deleteUnseen(visitor, cutoff))) gone.push(visitor._id);
    }
    await store.conversations.deleteEmptyForVisitors(gone);
    result.deleted += gone.length;
    if (stale.length < BATCH) break;
  }
  return result;
}
