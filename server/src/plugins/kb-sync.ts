/**
 * Keeps every node's knowledge-base index current (issue 13). At start the index is built
 * from the store; after that, a node that writes articles updates its own index and tells
 * the others through Socket.IO's server-side emit, which rides the same Redis adapter as
 * every other cross-node event. The others reload those articles from the store: the
 * message carries ids only, so nothing unvalidated reaches an index.
 */
import { articleId, common, z } from '@counter/shared/schemas';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

const KB_CHANGED = 'kb:changed';
const kbChange = z.object({ siteId: common.siteId, articleIds: z.array(articleId).max(10_000) });

const plugin: FastifyPluginAsync = async (app) => {
  const { services, events, io, config } = app;
  await services.kb.loadAll();

  // The bot hears what shoppers and staff write on this node (each message is published
  // once, on the node that stored it, so one bot answers).
  const stopBot = events.subscribe((event) => {
    if (event.type !== 'message.created') return;
    const { message } = event;
    const work = message.author === 'visitor' ? services.bot.onVisitorMessage(message, event.conversation) : services.bot.onStaffMessage(message);
    work.catch((err: unknown) => app.log.error({ err, conversationId: message.conversationId }, 'knowledge-base bot failed'));
  });
  app.addHook('preClose', async () => {
    stopBot();
    // Semantic search (issue 13, item 2): embedding still running publishes kb.changed.
    await services.kb.close();
  });
  if (!config.redisUrl) return; // One node: its own index is the only one.

  const unsubscribe = events.subscribe((event) => {
    if (event.type !== 'kb.changed') return;
    io.serverSideEmit(KB_CHANGED, { siteId: event.siteId, articleIds: event.articleIds });
  });
  io.on(KB_CHANGED, (payload: unknown) => {
    const change = kbChange.safeParse(payload);
    if (!change.success) {
      app.log.warn({ issues: change.error.issues.slice(0, 3) }, 'ignored a malformed kb:changed from another node');
      return;
    }
    services.kb
      .refresh(change.data.siteId, change.data.articleIds)
      .catch((err: unknown) => app.log.error({ err, siteId: change.data.siteId }, 'knowledge-base index refresh failed'));
  });
  app.addHook('preClose', async () => {
    unsubscribe();
    io.removeAllListeners(KB_CHANGED);
  });
};

export const kbSyncPlugin = fp(plugin, { name: 'counter-kb-sync', fastify: '5.x', dependencies: ['counter-realtime'] });
