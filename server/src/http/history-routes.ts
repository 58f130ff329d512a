/** GET /api/v1/history: the History page's list and search, for any signed-in staff member (scoped in the domain). */
import { errorResponses, historyResultResponse, historySearchQuery } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireAgent } from './auth-hooks.js';

/** A search page reads at most 1,500 matching messages: plenty for a person, a bound for a script. */
const PAGES_PER_MINUTE = 120;

export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/history',
    {
      onRequest: requireAgent,
      config: { rateLimit: { max: PAGES_PER_MINUTE, timeWindow: 60_000 } },
      schema: { querystring: historySearchQuery, response: { 200: historyResultResponse, ...errorResponses } },
    },
    async (request) => app.history.page(actor(request), request.query),
  );
};
