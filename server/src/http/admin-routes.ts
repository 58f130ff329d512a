import {
  agentIdParams,
  agentResponse,
  agentsResponse,
  auditResponse,
  cannedRepliesResponse,
  cannedReplyBody,
  cannedReplyIdParams,
  cannedReplyResponse,
  createAgentBody,
  createSiteBody,
  errorResponses,
  identityChecksResponse,
  noContent,
  siteIdParams,
  siteResponse,
  sitesResponse,
  updateAgentBody,
  updateSiteBody,
  look,
} from '@counter/shared/schemas';
import { SiteLookService } from '../domain/site-look.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireAdmin, requireAgent } from './auth-hooks.js';

/** Agents and sites (admins, scoped to their sites in the domain), canned replies (every agent, per site). */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { agents, sites, cannedReplies, orders: audit } = app.services;
  const admin = { onRequest: requireAdmin } as const;
  const agent = { onRequest: requireAgent } as const;

  app.get('/api/v1/agents', { ...admin, schema: { response: { 200: agentsResponse, ...errorResponses } } }, async (request) => ({
    agents: await agents.list(actor(request)),
  }));
  app.post(
    '/api/v1/agents',
    { ...admin, schema: { body: createAgentBody, response: { 201: agentResponse, ...errorResponses } } },
    async (request, reply) => reply.code(201).send({ agent: await agents.createAs(actor(request), request.body) }),
  );
  app.patch(
    '/api/v1/agents/:id',
    { ...admin, schema: { params: agentIdParams, body: updateAgentBody, response: { 200: agentResponse, ...errorResponses } } },
    async (request) => ({ agent: await agents.updateAs(actor(request), request.params.id, request.body) }),
  );

  app.get('/api/v1/sites', { ...admin, schema: { response: { 200: sitesResponse, ...errorResponses } } }, async (request) => ({
    sites: await sites.listFor(actor(request)),
  }));
  app.post(
    '/api/v1/sites',
    { ...admin, schema: { body: createSiteBody, response: { 201: siteResponse, ...errorResponses } } },
    async (request, reply) => reply.code(201).send({ site: await sites.createAs(actor(request), request.body) }),
  );
  app.patch(
    '/api/v1/sites/:id',
    { ...admin, schema: { params: siteIdParams, body: updateSiteBody, response: { 200: siteResponse, ...errorResponses } } },
    async (request) => ({ site: await sites.updateAs(actor(request), request.params.id, request.body) }),
  );
  app.get(
    '/api/v1/sites/:id/identity-checks',
    { ...admin, schema: { params: siteIdParams, response: { 200: identityChecksResponse, ...errorResponses } } },
    async (request) => ({ identityChecks: await sites.identityChecksAs(actor(request), request.params.id) }),
  );

  // ---- issue 17: the merchant's look and proactive help ----
  const looks = new SiteLookService({ store: app.store, sites });
  const lookSchema = { params: siteIdParams, response: { 200: look.siteLookResponse, ...errorResponses } };
  app.get('/api/v1/sites/:id/look', { ...admin, schema: lookSchema }, async (request) => looks.getAs(actor(request), request.params.id));
  app.put('/api/v1/sites/:id/look', { ...admin, schema: { ...lookSchema, body: look.siteLookBody } }, async (request) =>
    looks.setAs(actor(request), request.params.id, request.body),
  );

  /** Who revealed which shopper's address and phone, newest first: the sites the admin runs. */
  app.get('/api/v1/audit', { ...admin, schema: { response: { 200: auditResponse, ...errorResponses } } }, async (request) => ({
    entries: await audit.listFor(actor(request)),
  }));

  app.get(
    '/api/v1/canned-replies',
    { ...agent, schema: { response: { 200: cannedRepliesResponse, ...errorResponses } } },
    async (request) => ({ cannedReplies: await cannedReplies.list(actor(request)) }),
  );
  app.post(
    '/api/v1/canned-replies',
    { ...agent, schema: { body: cannedReplyBody, response: { 201: cannedReplyResponse, ...errorResponses } } },
    async (request, reply) =>
      reply.code(201).send({ cannedReply: await cannedReplies.create(actor(request), request.body) }),
  );
  app.patch(
    '/api/v1/canned-replies/:id',
    {
      ...agent,
      schema: { params: cannedReplyIdParams, body: cannedReplyBody, response: { 200: cannedReplyResponse, ...errorResponses } },
    },
    async (request) => ({ cannedReply: await cannedReplies.update(actor(request), request.params.id, request.body) }),
  );
  app.delete(
    '/api/v1/canned-replies/:id',
    { ...agent, schema: { params: cannedReplyIdParams, response: { 204: noContent, ...errorResponses } } },
    async (request, reply) => {
      await cannedReplies.remove(actor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
