/**
 * The domain services over the store, and the event bus they publish to (the realtime
 * plugin subscribes). Nothing to tear down: the services hold no resource of their own.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { systemClock, type Clock } from '../domain/clock.js';
import { EventBus } from '../domain/events.js';
import { createServices, type Services } from '../domain/services.js';
import { ATTACHMENT_DEFAULTS } from '../domain/attachments.js';
import { providerFactory } from '../orders/create-provider.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    events: EventBus;
    clock: Clock;
  }
}

export interface ServicesPluginOptions {
  clock?: Clock;
  /** A bus the caller also listens to (tests). */
  events?: EventBus;
}

/** Fixed policy, not configuration: nobody has needed to tune these. */
const NODE_TIMEOUT_MS = 30_000;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;
/** Recent orders shown to a shopper and an agent. */
const ORDERS_LISTED = 10;

const plugin: FastifyPluginAsync<ServicesPluginOptions> = async (app, options) => {
  const { config, store } = app;
  const clock = options.clock ?? systemClock;
  const events = options.events ?? new EventBus();
  const services = createServices({
    store,
    clock,
    events,
    config: {
      reassignAfterMs: config.reassignAfterMs,
      agentGraceMs: config.agentGraceMs,
      nodeId: config.nodeId,
      nodeTimeoutMs: NODE_TIMEOUT_MS,
      sessionTtlMs: config.sessionTtlMs,
      freeFailures: config.loginMaxFailures,
      failureWindowMs: LOGIN_FAILURE_WINDOW_MS,
      identitySecretGraceMs: config.identitySecretGraceMs,
      orderCacheMs: config.orderCacheMs,
      orderPolicy: { lookupsPerWindow: config.orderLookupsPerHour, lookupWindowMs: 3600_000, listLimit: ORDERS_LISTED },
      attachments: { ...ATTACHMENT_DEFAULTS, maxBytes: config.attachmentMaxBytes },
      // Longer than any provider call can take: only a dead process leaves one running longer.
      actionStaleMs: config.orderProviderTimeoutMs * 2 + 5_000,
    },
    onError: (err) => app.log.error({ err }, 'background task failed'),
    identityLog: app.log,
    createOrderProvider: providerFactory({ timeoutMs: config.orderProviderTimeoutMs }),
    warn: (context, message) => app.log.warn(context, message),
  });
  // Provider adapters may hold sockets (keep-alive) and caches.
  app.addHook('onClose', () => services.orderProviders.close());
  // After-sales: settle what a previous process left running or unknown (asks the shop; never re-runs blindly).
  // In the background: a shop that is down must not hold up the chat's start.
  app.addHook('onReady', async () => {
    services.afterSales.settleAll().catch((err: unknown) => app.log.error({ err }, 'settling order actions failed'));
    // Returns: filings a dead process stored without holding their quantities (issue 12 leftovers).
    services.returns.finishFilings().catch((err: unknown) => app.log.error({ err }, 'finishing return filings failed'));
  });
  app.decorate('clock', clock);
  app.decorate('events', events);
  app.decorate('services', services);
};

export const servicesPlugin = fp(plugin, { name: 'counter-services', fastify: '5.x', dependencies: ['counter-store'] });
