/**
 * This node's presence and the routing sweeper: the node announces itself before its first
 * socket, a timer heartbeats and sweeps (see domain/routing/sweeper.ts), and on close the
 * timer stops before the sockets go (preClose) and the node leaves the presence table before
 * the store closes (onClose; the store plugin's runs after this one's).
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { samplePresence } from '../domain/presence-log.js';
import { scheduleBackgroundJob } from './background-job.js';

/** How often the online agents' open chats are sampled for the reports' concurrent load. */
const LOAD_SAMPLE_MS = 60_000;

const plugin: FastifyPluginAsync = async (app) => {
  const { config, store, services, clock } = app;
  // Single node: no other process can hold presence, so forget what a previous run left.
  if (!config.redisUrl) {
    await store.presence.sweepDeadNodes(Number.MAX_SAFE_INTEGER, config.nodeId);
    // Stretches a crash left open end where the previous run last saw them.
    await store.presenceHistory.closeAtLastSeen(null);
  }
  // Announce this node before its first socket: otherwise another node's sweep, running
  // before this one's first heartbeat, takes this node's agents for orphans and removes them.
  await store.presence.heartbeat(config.nodeId, clock.now());

  let sweeping: Promise<void> | null = null;
  const sweeper = setInterval(() => {
    sweeping ??= services.router
      .sweep()
      .catch((err: unknown) => app.log.warn({ err }, 'routing sweep failed'))
      .finally(() => (sweeping = null));
  }, config.sweepIntervalMs);
  sweeper.unref();
  scheduleBackgroundJob(app, { name: 'presence load sample', run: () => samplePresence({ store, clock }), intervalMs: LOAD_SAMPLE_MS });

  app.addHook('preClose', async () => {
    clearInterval(sweeper);
    // A sweep under way still writes: let it finish while the store is open.
    await sweeping;
  });
  app.addHook('onClose', async () => {
    await store.presence.removeNode(config.nodeId).catch((err: unknown) => {
      // Harmless: other nodes forget a silent node after the node timeout anyway.
      app.log.warn({ err }, 'could not remove this node from presence on close');
    });
  });
};

export const presencePlugin = fp(plugin, { name: 'counter-presence', fastify: '5.x', dependencies: ['counter-services'] });
