/**
 * The console's knowledge-base admin (issue 13 leftovers): the review queue of mined article
 * candidates, and the editor's preview. For a site's supervisors and admins.
 */
import { articlePreviewBody, articlePreviewResponse, candidateParams, candidatesResponse, errorResponses, noContent, siteArticlesParams } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireAgent } from './auth-hooks.js';

export const kbAdminRoutes: FastifyPluginAsyncZod = async (app) => {
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
  app.post(
    '/api/v1/sites/:id/articles/preview',
    { ...staff, schema: { params: siteArticlesParams, body: articlePreviewBody, response: { 200: articlePreviewResponse, ...errorResponses } } },
    async (request) => ({ blocks: await app.services.kb.preview(actor(request), request.params.id, request.body.body) }),
  );
};
