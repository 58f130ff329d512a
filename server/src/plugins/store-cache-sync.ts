/**
 * Keeps every node's store caches honest (store/keyed-cache.ts: visitors, routing settings):
 * a node that writes one tells the others through Socket.IO's server-side emit, which rides
 * the same Redis adapter as every other cross-node event (as plugins/kb-sync.ts does for the
 * knowledge base). The message carries ids only; the others forget them and read the store.
 */
import type { SiteId, VisitorId } from '@counter/shared';
import { common, z } from '@counter/shared/schemas';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { routingSettingsCacheOf } from '../store/routing-settings-cache.js';
import { visitorCacheOf, type CacheControl } from '../store/visitor-cache.js';

const CACHE_CHANGED = 'store-cache:changed';
const ids = <T extends z.ZodType>(id: T) => z.array(id).max(10_000).default([]);
const cacheChange = z.object({ visitors: ids(common.visitorId), routing: ids(common.siteId) });
type Kind = keyof z.output<typeof cacheChange>;

const plugin: FastifyPluginAsync = async (app) => {
  const { io, config, store } = app;
  if (!config.redisUrl) return; // One node: its own caches are the only ones.
  const caches: Partial<Record<Kind, CacheControl<string>>> = {
    visitors: visitorCacheOf(store.visitors) as CacheControl<string> | undefined,
    routing: routingSettingsCacheOf(store.routing) as CacheControl<string> | undefined,
  };

  // Writes are rare, but a sweep may write many visitors in a row: one emit per tick.
  let pending: Record<Kind, Set<string>> = { visitors: new Set(), routing: new Set() };
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const change = { visitors: [...pending.visitors], routing: [...pending.routing] };
    pending = { visitors: new Set(), routing: new Set() };
    io.serverSideEmit(CACHE_CHANGED, change);
  };
  const stops = (Object.keys(caches) as Kind[]).map((kind) =>
    caches[kind]?.onWrite((id) => {
      pending[kind].add(id);
      timer ??= setTimeout(flush, 0);
    }),
  );
  io.on(CACHE_CHANGED, (payload: unknown) => {
    const change = cacheChange.safeParse(payload);
    if (!change.success) {
      app.log.warn({ issues: change.error.issues.slice(0, 3) }, 'ignored a malformed store-cache:changed from another node');
      return;
    }
    for (const id of change.data.visitors) caches.visitors?.forget(id as VisitorId);
    for (const id of change.data.routing) caches.routing?.forget(id as SiteId);
  });
  app.addHook('preClose', async () => {
    for (const stop of stops) stop?.();
    if (timer) {
      clearTimeout(timer);
      flush();
    }
    io.removeAllListeners(CACHE_CHANGED);
  });
};

export const storeCacheSyncPlugin = fp(plugin, { name: 'counter-store-cache-sync', fastify: '5.x', dependencies: ['counter-realtime'] });
