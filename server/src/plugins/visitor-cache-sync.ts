/**
 * Keeps every node's visitor cache (store/visitor-cache.ts) honest: a node that writes a
 * visitor tells the others through Socket.IO's server-side emit, which rides the same Redis
 * adapter as every other cross-node event (as plugins/kb-sync.ts does for the knowledge base).
 * The message carries ids only; the others forget them and read the store again.
 */
import { common, z } from '@counter/shared/schemas';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { visitorCacheOf } from '../store/visitor-cache.js';

const VISITOR_CHANGED = 'visitor:changed';
const visitorChange = z.object({ visitorIds: z.array(common.visitorId).min(1).max(10_000) });
/** Writes are rare, but a sweep may write many visitors in a row: one emit per tick. */
const FLUSH_DELAY_MS = 0;

const plugin: FastifyPluginAsync = async (app) => {
  const { io, config, store } = app;
  const cache = visitorCacheOf(store.visitors);
  if (!config.redisUrl || !cache) return; // One node (or no cache): nothing to tell.

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const visitorIds = [...pending];
    pending = new Set();
    io.serverSideEmit(VISITOR_CHANGED, { visitorIds });
  };
  const stopWatching = cache.onWrite((id) => {
    pending.add(id);
    timer ??= setTimeout(flush, FLUSH_DELAY_MS);
  });
  io.on(VISITOR_CHANGED, (payload: unknown) => {
    const change = visitorChange.safeParse(payload);
    if (!change.success) {
      app.log.warn({ issues: change.error.issues.slice(0, 3) }, 'ignored a malformed visitor:changed from another node');
      return;
    }
    for (const id of change.data.visitorIds) cache.forget(id);
  });
  app.addHook('preClose', async () => {
    stopWatching();
    if (timer) {
      clearTimeout(timer);
      flush();
    }
    io.removeAllListeners(VISITOR_CHANGED);
  });
};

export const visitorCacheSyncPlugin = fp(plugin, { name: 'counter-visitor-cache-sync', fastify: '5.x', dependencies: ['counter-realtime'] });
