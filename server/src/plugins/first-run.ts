/** First start: the admin account (password file in the data folder) and the demo site. */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { bootstrap, type FirstRunInfo } from '../bootstrap.js';

declare module 'fastify' {
  interface FastifyInstance {
    firstRun: FirstRunInfo;
  }
}

const plugin: FastifyPluginAsync = async (app) => {
  app.decorate('firstRun', await bootstrap(app.store, app.services, app.config));
};

export const firstRunPlugin = fp(plugin, { name: 'counter-first-run', fastify: '5.x', dependencies: ['counter-services'] });
