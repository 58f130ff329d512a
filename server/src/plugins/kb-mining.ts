/**
 * Mining resolved conversations for article candidates (issue 13 leftovers): a run per site
 * soon after start and then every hour (background-job.ts), plus the admin routes that read the
 * review queue and ask for a run now. `app.kbMining` is the service (tests call it).
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { KeyedLock } from '../domain/keyed-lock.js';
import { MiningService } from '../domain/kb/mining-service.js';
import { kbAdminRoutes } from '../http/kb-admin-routes.js';
import { scheduleBackgroundJob } from './background-job.js';

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

  scheduleBackgroundJob(app, { name: 'kb mining', firstRunMs: FIRST_RUN_MS, intervalMs: INTERVAL_MS, run: () => mining.mineAll() });
  await app.register(kbAdminRoutes);
};

export const kbMiningPlugin = fp(plugin, { name: 'counter-kb-mining', fastify: '5.x', dependencies: ['counter-services'] });
