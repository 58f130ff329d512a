/**
 * buildApp(deps) -> a Fastify instance with every route, both socket namespaces and the
 * routing sweeper. It never listens by itself: main.ts does, tests use port 0 or inject().
 */
import fastifyCookie from '@fastify/cookie';
import { ERRORS, LIMITS } from '@counter/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { bootstrap, type FirstRunInfo } from './bootstrap.js';
import type { Config } from './config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { EventBus } from './domain/events.js';
import { createServices, type Services } from './domain/services.js';
import { mapError } from './errors.js';
import { adminRoutes } from './http/admin-routes.js';
import { authRoutes } from './http/auth-routes.js';
import { healthRoutes } from './http/health-routes.js';
import { staticRoutes } from './http/static-routes.js';
import { visitorRoutes } from './http/visitor-routes.js';
import { startRealtime, type Realtime } from './plugins/realtime.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    store: Store;
    services: Services;
    realtime: Realtime;
    firstRun: FirstRunInfo;
  }
}

export interface AppDeps {
  config: Config;
  /** A store the caller owns (and closes); otherwise opened from config and closed with the app. */
  store?: Store;
  clock?: Clock;
  /** Receives every domain event too (tests). */
  events?: EventBus;
}

/** Fastify's own errors, by code, in catalogue terms. */
const FASTIFY_ERRORS: Record<string, keyof typeof ERRORS> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: config.trustProxy,
    bodyLimit: LIMITS.payloadBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // On close, sockets are shut first (preClose); then no keep-alive connection may hold
    // the process open past the shutdown deadline.
    forceCloseConnections: true,
  });

  const ownsStore = !deps.store;
  const store =
    deps.store ??
    (await openStore(
      config.mongodbUrl
        ? {
            mongodbUrl: config.mongodbUrl,
            serverSelectionTimeoutMS: config.mongodbTimeoutMs,
            watchdogMs: config.mongodbWatchdogMs,
            log: app.log,
          }
        : { dataDir: config.dataDir, fsync: config.embeddedFsync, log: app.log },
    ));
  const bus = deps.events ?? new EventBus();
  const services = createServices({
    store,
    clock,
    events: bus,
    config: {
      reassignAfterMs: config.reassignAfterMs,
      agentGraceMs: config.agentGraceMs,
      nodeId: config.nodeId,
      nodeTimeoutMs: 30_000,
      sessionTtlMs: config.sessionTtlMs,
      maxFailuresPerAccount: config.loginMaxFailures,
      maxFailuresPerAddress: config.loginMaxFailures * 10,
      failureWindowMs: 15 * 60_000,
    },
    onError: (err) => app.log.error({ err }, 'background task failed'),
  });

  app.decorate('config', config);
  app.decorate('store', store);
  app.decorate('services', services);
  app.decorate('firstRun', await bootstrap(store, services, config));
  app.decorateRequest('session', null);

  app.setErrorHandler((err, request, reply) => {
    const fastifyCode = (err as { code?: string }).code;
    const known = fastifyCode ? FASTIFY_ERRORS[fastifyCode] : undefined;
    if (known) {
      return reply.code(ERRORS[known].status).send({ error: { code: known, message: ERRORS[known].message } });
    }
    const mapped = mapError(err);
    if (mapped.unexpected) request.log.error({ err }, 'request failed');
    if (mapped.body.retryAfter) reply.header('retry-after', String(mapped.body.retryAfter));
    return reply.code(mapped.status).send({ error: mapped.body });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: ERRORS.not_found.message } }),
  );

  await app.register(fastifyCookie);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(adminRoutes);
  await app.register(visitorRoutes);
  await app.register(staticRoutes);

  const realtime = await startRealtime(app, config, services, bus);
  app.decorate('realtime', realtime);

  // Single node: no other process can hold presence, so forget what a previous run left.
  if (!config.redisUrl) await store.presence.sweepDeadNodes(Number.MAX_SAFE_INTEGER, config.nodeId);
  // Announce this node before its first socket: otherwise another node's sweep, running
  // before this one's first heartbeat, takes this node's agents for orphans and removes them.
  await store.presence.heartbeat(config.nodeId, clock.now());

  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    services.router
      .sweep()
      .catch((err: unknown) => app.log.warn({ err }, 'routing sweep failed'))
      .finally(() => (sweeping = false));
  }, config.sweepIntervalMs);
  sweeper.unref();

  // Order matters: stop timers, close sockets (their handlers still write), then the store.
  app.addHook('preClose', async () => {
    clearInterval(sweeper);
    await realtime.close();
  });
  app.addHook('onClose', async () => {
    await store.presence.removeNode(config.nodeId).catch(() => {});
    if (ownsStore) await store.close();
  });

  return app;
}
