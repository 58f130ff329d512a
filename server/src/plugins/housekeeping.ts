/**
 * Periodic clean-up that keeps stored data bounded: visitors unused for VISITOR_SESSION_TTL_DAYS
 * (domain/visitor-expiry.ts), login failures older than their window, and agent sessions that
 * ended without being used again. The timer is unref'd
 * and stopped in preClose, and a run under way finishes before the store closes.
 * `app.housekeeping.run()` runs it at once (tests, and the first run soon after start).
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { expireVisitors, type ExpiryResult } from '../domain/visitor-expiry.js';
import { scheduleBackgroundJob } from './background-job.js';
import { LOGIN_FAILURE_WINDOW_MS } from './services.js';

declare module 'fastify' {
  interface FastifyInstance {
    housekeeping: { run(): Promise<ExpiryResult> };
  }
}

const INTERVAL_MS = 10 * 60_000;

const plugin: FastifyPluginAsync = async (app) => {
  const { config, store, clock } = app;
  const run = async (): Promise<ExpiryResult> => {
    const expired = await expireVisitors({ store, clock }, config.visitorSessionTtlMs);
    await store.throttles.prune(clock.now() - LOGIN_FAILURE_WINDOW_MS);
    await store.sessions.deleteExpired(clock.now());
    // A return filing whose process died before it held its quantities (after its lease).
    await app.services.returns.finishFilings();
    if (expired.deleted || expired.retained) app.log.info(expired, 'housekeeping: expired unused visitors');
    return expired;
  };

  scheduleBackgroundJob(app, { name: 'housekeeping', intervalMs: INTERVAL_MS, run });

  app.decorate('housekeeping', { run });
};

export const housekeepingPlugin = fp(plugin, { name: 'counter-housekeeping', fastify: '5.x', dependencies: ['counter-services'] });
