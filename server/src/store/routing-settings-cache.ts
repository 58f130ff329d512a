/**
 * A node's cache of routing settings (issue 14), in front of the repository (either adapter):
 * every conversation joining the queue reads its site's settings, which change when an admin
 * saves them. A site without settings is remembered too (most have none). A save forgets the
 * site here and on the other nodes (keyed-cache.ts has the rules).
 */
import type { SiteId } from '@counter/shared';
import type { RoutingSettingsDoc } from './documents.js';
import { KeyedCache } from './keyed-cache.js';
import type { RoutingSettingsRepository } from './repositories/routing-settings.js';
import type { CacheControl } from './visitor-cache.js';

const controls = new WeakMap<object, CacheControl<SiteId>>();

/** The cache behind a repository made by `cachedRoutingSettings`, if it is one. */
export const routingSettingsCacheOf = (repository: object): CacheControl<SiteId> | undefined => controls.get(repository);

export function cachedRoutingSettings(
  inner: RoutingSettingsRepository,
  options: { ttlMs?: number; now?: () => number } = {},
): RoutingSettingsRepository {
  const cache = new KeyedCache<SiteId, RoutingSettingsDoc>({ max: 10_000, ttlMs: options.ttlMs ?? 30_000, keepMissing: true, ...(options.now && { now: options.now }) });
  const repository: RoutingSettingsRepository = {
    get: (siteId) => cache.get(siteId, () => inner.get(siteId)),
    // Planning a batch reads several sites at once: each from memory where it can be.
    async getMany(siteIds) {
      const docs = await Promise.all([...new Set(siteIds)].map((siteId) => cache.get(siteId, () => inner.get(siteId))));
      return docs.filter((doc): doc is RoutingSettingsDoc => doc !== null);
    },
    save: (doc) => cache.writing([doc._id], () => inner.save(doc)),
  };
  controls.set(repository, cache);
  return repository;
}
