/**
 * A node's cache of visitor documents, in front of the visitor repository (either adapter).
 *
 * Every shopper command starts by reading the shopper's visitor document (who they are, their
 * name and tier); at 1 message a second per shopper that read was a measurable share of the
 * server's CPU (issue 9 item 6). Visitor documents change rarely (identify, context, locale,
 * email, a daily touch, expiry) and every change goes through this repository, so each write
 * forgets the visitor here and on the other nodes (keyed-cache.ts has the rules). A missing
 * visitor is never kept: a new one is found at once.
 */
import type { VisitorId } from '@counter/shared';
import type { VisitorDoc } from './documents.js';
import { KeyedCache } from './keyed-cache.js';
import type { VisitorRepository } from './repositories/visitors.js';

/** What the cross-node sync needs of a cache. */
export type CacheControl<K> = Pick<KeyedCache<K, unknown>, 'forget' | 'onWrite'>;

const controls = new WeakMap<object, CacheControl<VisitorId>>();

/** The cache behind a repository made by `cachedVisitors`, if it is one. */
export const visitorCacheOf = (repository: object): CacheControl<VisitorId> | undefined => controls.get(repository);

export function cachedVisitors(
  inner: VisitorRepository,
  options: { max?: number; ttlMs?: number; now?: () => number } = {},
): VisitorRepository {
  const cache = new KeyedCache<VisitorId, VisitorDoc>({ max: options.max ?? 50_000, ttlMs: options.ttlMs ?? 30_000, keepMissing: false, ...(options.now && { now: options.now }) });
  const repository: VisitorRepository = {
    ...inner,
    byId: (id) => cache.get(id, () => inner.byId(id)),
    create: (visitor) => cache.writing([visitor._id], () => inner.create(visitor)),
    update: (id, patch) => cache.writing([id], () => inner.update(id, patch)),
    visitPage: (id, page) => cache.writing([id], () => inner.visitPage(id, page)),
    touch: (id, at, before) => cache.writing([id], () => inner.touch(id, at, before)),
    markRetained: (ids) => cache.writing(ids, () => inner.markRetained(ids)),
    deleteUnseen: (visitor, cutoff) => cache.writing([visitor._id], () => inner.deleteUnseen(visitor, cutoff)),
  };
  controls.set(repository, cache);
  return repository;
}
