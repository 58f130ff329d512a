/**
 * Mining resolved conversations for article candidates (issue 13 leftovers): a run per site
 * soon after start and then every hour, on a timer that is unref'd and stopped in preClose (a
 * run under way finishes before the store closes), plus the admin routes that read the
 * review queue and ask for a run now. `app.kbMining` is the service (tests call it).
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { KeyedLock } from '../domain/keyed-lock.js';
import { MiningService } from '../domain/kb/mining-service.js';
import { kbAdminRoutes } from '../http/kb-admin-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    kbMining: MiningService;
  }
}

const INTERVAL_MS = 60 * 60_000;
const FIRST_RUN_MS = 60_000;

const plugin: FastifyPluginAsync = async (app) => {
  const { store, services } = app;
  const mining = new MiningService({ store, kb: services.kb, lock: new KeyedLock(), onError: (err) => app.log.error({ err }, 'kb mining failed') });
  app.decorate('kbMining', mining);

  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= mining
      .mineAll()
      .catch((err: unknown) => app.log.warn({ err }, 'kb mining failed; next run in an hour'))
      .finally(() => (running = null));
  };
  const first = setTimeout(tick, FIRST_RUN_MS);
  const timer = setInterval(tick, INTERVAL_MS);
  first.unref();
  timer.unref();
  app.addHook('preClose', async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  });
  await app.register(kbAdminRoutes);
};

export const kbMiningPlugin = fp(plugin, { name: 'counter-kb-mining', fastify: '5.x', dependencies: ['counter-services'] });
