/**
 * buildApp(deps) -> a Fastify instance with every route, both socket namespaces and the
 * routing sweeper. It never listens by itself: main.ts does, tests use port 0 or inject().
 *
 * Each resource is a plugin in plugins/ that decorates the instance and owns its teardown;
 * the registration order below is the start-up order, and close runs it backwards (preClose
 * hooks first to last, onClose hooks last to first): timers stop, sockets close, the node
 * leaves presence, the store closes.
 */
import fastifyCookie from '@fastify/cookie';
import { LIMITS } from '@counter/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Clock } from './domain/clock.js';
import type { EventBus } from './domain/events.js';
import { adminRoutes } from './http/admin-routes.js';
import { authRoutes } from './http/auth-routes.js';
import { avatarRoutes } from './http/avatar-routes.js';
import { attachmentRoutes } from './http/attachment-routes.js';
import { attachmentSweepPlugin } from './plugins/attachment-sweep.js';
import { crossOriginGuardPlugin } from './http/cross-origin-guard.js';
import { errorHandlerPlugin, frameworkErrors } from './http/error-handler.js';
import { healthRoutes } from './http/health-routes.js';
import { mediaRoutes } from './http/media-routes.js';
import { securityHeadersPlugin } from './http/security-headers.js';
import { rateLimitsPlugin } from './http/rate-limits.js';
import { staticRoutes } from './http/static-routes.js';
import { visitorRoutes } from './http/visitor-routes.js';
import { historyRoutes } from './http/history-routes.js';
import { historyPlugin } from './plugins/history.js';
import { reportRoutes } from './http/report-routes.js';
import { firstRunPlugin } from './plugins/first-run.js';
import { housekeepingPlugin } from './plugins/housekeeping.js';
import { mailPlugin, type MailPluginOptions } from './plugins/mail.js';
import { mailLinkRoutes } from './http/mail-link-routes.js';
import { presencePlugin } from './plugins/presence.js';
import { realtimePlugin } from './plugins/realtime.js';
import { servicesPlugin } from './plugins/services.js';
import { storePlugin } from './plugins/store.js';
import type { RemoteImageOptions } from './media/remote-image.js';
import type { Store } from './store/store.js';
// Knowledge base (issue 13).
import { kbRoutes } from './http/kb-routes.js';
import { routingRoutes } from './http/routing-routes.js';
import { kbSyncPlugin } from './plugins/kb-sync.js';
import { storeCacheSyncPlugin } from './plugins/store-cache-sync.js';
import { kbMiningPlugin } from './plugins/kb-mining.js';
// Response targets (issue 14, item 4).
import { targetRoutes } from './http/target-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface AppDeps {
  config: Config;
  /** A store the caller owns (and closes); otherwise opened from config and closed with the app. */
  store?: Store;
  clock?: Clock;
  /** Receives every domain event too (tests). */
  events?: EventBus;
  /** How shopper-given images are fetched (tests allow loopback and shorten the limits). */
  remoteImages?: Partial<RemoteImageOptions>;
  /** Outgoing email overrides (tests: a failing transport, short retries). */
  mail?: MailPluginOptions;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
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
    frameworkErrors,
  });
  // Route schemas are zod schemas (from @counter/shared/schemas): they validate requests,
  // shape responses and, later, describe the API.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorateRequest('session', null);

  try {
    await app.register(storePlugin, { config, store: deps.store });
    await app.register(servicesPlugin, { clock: deps.clock, events: deps.events });
    await app.register(firstRunPlugin);
    await app.register(errorHandlerPlugin);
    await app.register(securityHeadersPlugin);
    await app.register(fastifyCookie);
    await app.register(crossOriginGuardPlugin);
    await app.register(rateLimitsPlugin);
    await app.register(healthRoutes);
    await app.register(authRoutes);
    await app.register(avatarRoutes);
    await app.register(adminRoutes);
    await app.register(visitorRoutes);
    await app.register(historyPlugin);
    await app.register(historyRoutes);
    // ---- reports (issue 15)
    await app.register(reportRoutes);
    await app.register(mediaRoutes, { remoteImages: deps.remoteImages });
    // ---- attachments (issue 12 item 5)
    await app.register(attachmentRoutes);
    await app.register(attachmentSweepPlugin);
    await app.register(staticRoutes);
    await app.register(presencePlugin);
    await app.register(housekeepingPlugin);
    await app.register(mailPlugin, deps.mail ?? {});
    await app.register(mailLinkRoutes);
    await app.register(realtimePlugin);
    await app.register(kbRoutes);
    await app.register(kbSyncPlugin);
    await app.register(storeCacheSyncPlugin);
    await app.register(kbMiningPlugin);
    await app.register(routingRoutes);
    await app.register(targetRoutes);
  } catch (err) {
    // Whatever started before the failure (the store above all) is released.
    await app.close().catch((closeErr: unknown) => app.log.error({ err: closeErr }, 'close after a failed start failed'));
    throw err;
  }
  return app;
}
