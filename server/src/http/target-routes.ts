/**
 * Response targets (issue 14, item 4): a site's targets for its admins; every site's targets
 * for the console's countdown badges (any member); the breaches recorded, for supervisors.
 */
import { conversationIdParams, errorResponses, siteIdParams, targets as schemas } from '@counter/shared/schemas';
import { conversationView } from '../domain/views.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { siteScope, supervises } from '../domain/access.js';
import { actor, requireAdmin, requireAgent } from './auth-hooks.js';

export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  const { targets } = app.services;
  const admin = { onRequest: requireAdmin } as const;
  const agent = { onRequest: requireAgent } as const;
  const one = { params: siteIdParams, response: { 200: schemas.targetsResponse, ...errorResponses } };

  app.get('/api/v1/sites/:id/targets', { ...admin, schema: one }, async (request) => ({
    targets: await targets.getAs(actor(request), request.params.id),
  }));
  app.put('/api/v1/sites/:id/targets', { ...admin, schema: { ...one, body: schemas.targetsBody } }, async (request) => ({
    targets: await targets.setAs(actor(request), request.params.id, request.body.targets),
  }));
  app.get('/api/v1/targets', { ...agent, schema: { response: { 200: schemas.siteTargetsResponse, ...errorResponses } } }, async (request) => ({
    sites: await targets.forMember(actor(request)),
  }));
  app.get(
    '/api/v1/breaches',
    { ...agent, schema: { querystring: schemas.breachesQuery, response: { 200: schemas.breachesResponse, ...errorResponses } } },
    async (request) => {
      const who = actor(request);
      const scope = siteScope(who);
      // Supervisors and up see their sites' breaches; a plain agent none.
      const siteIds = scope === null ? null : scope.filter((id) => supervises(who, id));
      const { from, to, limit } = request.query;
      const docs = await app.store.targets.breaches({ siteIds, from, to, limit });
      return { breaches: docs.map(({ _id, ...rest }) => ({ id: _id, ...rest })) };
    },
  );

  /** A free agent accepts an offered conversation (escalation rule "offer"): the first one has it. */
  app.post(
    '/api/v1/conversations/:id/accept-offer',
    { ...agent, schema: { params: conversationIdParams, response: { 200: schemas.acceptOfferResponse, ...errorResponses } } },
    async (request) => ({ conversation: conversationView(await app.services.router.acceptOffer(actor(request), request.params.id)) }),
  );
};
