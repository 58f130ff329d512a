import { LIMITS } from '@counter/shared';
import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { setupAgentNamespace } from '../realtime/agent-namespace.js';
import { createFanout } from '../realtime/fanout.js';
import { createSupervisorBroadcast } from '../realtime/supervisor-room.js';
import type { AgentNamespace, VisitorNamespace } from '../realtime/types.js';
import { setupVisitorNamespace } from '../realtime/visitor-namespace.js';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
  }
}

/**
 * Socket.IO on the Fastify server: /visitor and /agent, domain events fanned out to rooms,
 * the Redis adapter when REDIS_URL is set (several nodes), and a close() that disconnects
 * everyone and waits for their handlers before the store goes away (preClose: before the
 * HTTP server stops, whose close would otherwise wait on the open WebSockets).
 */
const plugin: FastifyPluginAsync = async (app) => {
  const { config, services, events: bus } = app;
  const io = new Server(app.server, {
    path: '/socket.io/',
    maxHttpBufferSize: LIMITS.payloadBytes,
    serveClient: false,
    // The chat iframe and the console are same-origin; no cross-origin browser access.
    cors: undefined,
    // No connectionStateRecovery: both clients catch up by sequence number after every
    // reconnect anyway, and Socket.IO's recovery keeps a copy of every broadcast packet for
    // the whole recovery window (2 min here) and scans them all for each reconnecting socket.
    // At 1,000 messages a second that held a third of the server's memory under load
    // (`pnpm bench`, N = 1000: peak RSS 473 -> 297 MB), and a reconnect storm would scan
    // hundreds of thousands of packets per socket.
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });

  const redis = config.redisUrl ? createClient({ url: config.redisUrl }) : null;
  const redisSub = redis?.duplicate() ?? null;
  if (redis && redisSub) {
    await Promise.all([redis.connect(), redisSub.connect()]);
    io.adapter(createAdapter(redis, redisSub));
  }

  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const visitors = io.of('/visitor') as unknown as VisitorNamespace;
  const agents = io.of('/agent') as unknown as AgentNamespace;
  const fanout = createFanout(visitors, agents, services, app.log);
  const unsubscribe = bus.subscribe((event) => fanout.publish(event));
  // Supervisor live view (issue 15): its own coalesced broadcast, beside the fanout.
  const supervisors = createSupervisorBroadcast(agents, services, app.log);
  const unsubscribeSupervisors = bus.subscribe((event) => supervisors.handle(event));
  const common = { services, log: app.log, trustProxy: config.trustProxy, queueChanged: fanout.queueChanged, mail: app.mail };
  setupVisitorNamespace(visitors, agents, {
    ...common,
    eventsPerSecond: config.visitorEventsPerSecond,
    socketsPerToken: config.visitorSocketsPerToken,
  });
  setupAgentNamespace(agents, visitors, { ...common, eventsPerSecond: config.agentEventsPerSecond, track });

  app.decorate('io', io);
  app.addHook('preClose', async () => {
    unsubscribe();
    unsubscribeSupervisors();
    await Promise.all([fanout.stop(), supervisors.stop()]);
    io.of('/visitor').disconnectSockets(true);
    io.of('/agent').disconnectSockets(true);
    // Closes the engine (and its WebSockets) without closing Fastify's HTTP server.
    io.engine.close();
    await Promise.allSettled([...pending]);
    await Promise.allSettled([redis?.quit(), redisSub?.quit()]);
  });
};

export const realtimePlugin = fp(plugin, { name: 'counter-realtime', fastify: '5.x', dependencies: ['counter-services', 'counter-mail'] });
