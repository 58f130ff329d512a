/** The review queue of mined article candidates (issue 13 leftovers), for a site's supervisors and admins. */
import { candidateParams, candidatesResponse, errorResponses, noContent, siteArticlesParams } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireAgent } from './auth-hooks.js';

export const kbMiningRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = { onRequest: requireAgent } as const;
  const url = '/api/v1/sites/:id/bot/candidates';
  app.get(url, { ...staff, schema: { params: siteArticlesParams, response: { 200: candidatesResponse, ...errorResponses } } }, async (request) => ({
    candidates: await app.kbMining.list(actor(request), request.params.id),
  }));
  app.post(
    `${url}/mine`,
    { ...staff, schema: { params: siteArticlesParams, response: { 200: candidatesResponse, ...errorResponses } } },
    async (request) => ({ candidates: await app.kbMining.mineAs(actor(request), request.params.id) }),
  );
  app.delete(
    `${url}/:candidateId`,
    { ...staff, schema: { params: candidateParams, response: { 204: noContent, ...errorResponses } } },
    async (request, reply) => {
      await app.kbMining.dismiss(actor(request), request.params.id, request.params.candidateId);
      return reply.code(204).send(null);
    },
  );
};
