/**
 * History and search (issue 16): the service behind GET /api/v1/history, and the start-up
 * backfill of message search keys. The backfill runs in the background (start-up does not
 * wait for old history); closing the app stops it between two writes and waits for it.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { backfillSearchKeys } from '../domain/history/backfill-keys.js';
import { HistoryService } from '../domain/history/history-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    history: {
      page: HistoryService['page'];
      /** The start-up backfill: how many messages it keyed, once done (tests, logs). */
      backfilled(): Promise<number>;
    };
  }
}

const plugin: FastifyPluginAsync = async (app) => {
  const service = new HistoryService({ store: app.store });
  const stop = new AbortController();
  let backfill: Promise<number> = Promise.resolve(0);
  app.addHook('onReady', async () => {
    backfill = backfillSearchKeys(app.store, stop.signal)
      .then((keyed) => {
        if (keyed) app.log.info({ keyed }, 'history: search keys added to earlier messages');
        return keyed;
      })
      .catch((err: unknown) => {
        app.log.warn({ err }, 'history: search key backfill stopped; it resumes at the next start');
        return 0;
      });
  });
  app.decorate('history', { page: (actor, input) => service.page(actor, input), backfilled: () => backfill });
  app.addHook('preClose', async () => {
    stop.abort();
    await backfill;
  });
};

export const historyPlugin = fp(plugin, { name: 'counter-history', fastify: '5.x', dependencies: ['counter-store'] });
