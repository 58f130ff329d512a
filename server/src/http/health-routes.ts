import { errorResponses, healthResponse, readyResponse } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** /health: the process answers. /ready: and its store does too (load balancers use this). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { response: { 200: healthResponse } } }, async () => ({ status: 'ok' as const }));
  app.get('/ready', { schema: { response: { 200: readyResponse, ...errorResponses } } }, async (_request, reply) => {
    try {
      await app.store.ping();
      return { status: 'ready' as const, store: app.store.kind };
    } catch (err) {
      app.log.warn({ err }, 'not ready: store unreachable');
      return reply.code(503).send({ error: { code: 'store_unavailable', message: 'Storage is unreachable.' } });
    }
  });
};
