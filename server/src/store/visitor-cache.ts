/**
 * A node's cache of visitor documents, in front of the visitor repository (either adapter).
 *
 * Every shopper command starts by reading the shopper's visitor document (who they are, their
 * name and tier); at 1 message a second per shopper that read was a measurable share of the
 * server's CPU (issue 9 item 6). Visitor documents change rarely (identify, context, locale,
 * email, a daily touch, expiry), and every change goes through this repository, so:
 *
 * - a write through this node forgets the visitor (before and after it, and when it fails);
 * - a read that overlapped any forget is not stored (it may have seen the old document), so
 *   the cache never holds something older than the last write this node knows of;
 * - writes on other nodes arrive through `forget` (plugins/visitor-cache-sync.ts sends them
 *   over the Socket.IO adapter, as the knowledge base's changes travel);
 * - a time limit bounds what a lost cross-node message could leave behind;
 * - a missing visitor is never cached: a new one is found at once.
 * A document served from here is frozen: a caller that changed it would change it for all.
 */
import type { VisitorId } from '@counter/shared';
import type { VisitorDoc } from './documents.js';
import type { VisitorRepository } from './repositories/visitors.js';

export interface VisitorCacheControl {
  /** Drop the visitor (a write elsewhere); does not call the write listeners. */
  forget(id: VisitorId): void;
  /** Called after each write through this node's repository, with the visitor it changed. */
  onWrite(listener: (id: VisitorId) => void): () => void;
}

export interface VisitorCacheOptions {
  /** Visitors remembered; the oldest entry goes first beyond it. */
  max?: number;
  /** Longest time an entry is served, should a cross-node forget be lost. */
  ttlMs?: number;
  now?: () => number;
}

const controls = new WeakMap<object, VisitorCacheControl>();

/** The cache behind a repository made by `cachedVisitors`, if it is one. */
export const visitorCacheOf = (repository: object): VisitorCacheControl | undefined => controls.get(repository);

export function cachedVisitors(inner: VisitorRepository, options: VisitorCacheOptions = {}): VisitorRepository {
  const max = options.max ?? 50_000;
  const ttlMs = options.ttlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const entries = new Map<VisitorId, { doc: VisitorDoc; at: number }>();
  const listeners = new Set<(id: VisitorId) => void>();
  /** Bumped by every forget: a read that saw it change may hold an old document. */
  let forgets = 0;

  const forget = (id: VisitorId) => {
    forgets++;
    entries.delete(id);
  };
  /** A write of these visitors: forgotten around it, announced after it (also when it failed). */
  async function writing<T>(ids: VisitorId[], write: () => Promise<T>): Promise<T> {
    for (const id of ids) forget(id);
    try {
      return await write();
    } finally {
      for (const id of ids) {
        forget(id);
        for (const listener of listeners) listener(id);
      }
    }
  }

  const repository: VisitorRepository = {
    ...inner,
    async byId(id) {
      const hit = entries.get(id);
      if (hit && now() - hit.at < ttlMs) return hit.doc;
      const seen = forgets;
      const doc = await inner.byId(id);
      if (!doc || seen !== forgets) return doc;
      entries.delete(id);
      entries.set(id, { doc: Object.freeze(doc), at: now() });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return doc;
    },
    create: (visitor) => writing([visitor._id], () => inner.create(visitor)),
    update: (id, patch) => writing([id], () => inner.update(id, patch)),
    visitPage: (id, page) => writing([id], () => inner.visitPage(id, page)),
    touch: (id, at, before) => writing([id], () => inner.touch(id, at, before)),
    markRetained: (ids) => writing(ids, () => inner.markRetained(ids)),
    deleteUnseen: (visitor, cutoff) => writing([visitor._id], () => inner.deleteUnseen(visitor, cutoff)),
  };
  controls.set(repository, {
    forget,
    onWrite(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return repository;
}
