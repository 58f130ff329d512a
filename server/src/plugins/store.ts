/**
 * The store: opened from config (MongoDB when MONGODB_URL is set, else the embedded SQLite store) unless the
 * caller passes one in, which it then owns and closes itself. Registered first, so its
 * onClose runs last (Fastify runs onClose hooks in reverse order of registration), after
 * every plugin that still writes on its way out.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

export interface StorePluginOptions {
  config: Config;
  /** A store the caller owns (tests, several nodes over one store). */
  store?: Store;
}

const plugin: FastifyPluginAsync<StorePluginOptions> = async (app, { config, store: given }) => {
  const store =
    given ??
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
  app.decorate('store', store);
  if (!given) app.addHook('onClose', () => store.close());
};

export const storePlugin = fp(plugin, { name: 'counter-store', fastify: '5.x' });
