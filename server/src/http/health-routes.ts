import type { FastifyPluginAsync } from 'fastify';

/** /health: the process answers. /ready: and its store does too (load balancers use this). */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await app.store.ping();
      return { status: 'ready', store: app.store.kind };
    } catch (err) {
      app.log.warn({ err }, 'not ready: store unreachable');
      return reply.code(503).send({ error: { code: 'store_unavailable', message: 'Storage is unreachable.' } });
    }
  });
};
