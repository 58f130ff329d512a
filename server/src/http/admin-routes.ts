import type { AgentId, CannedReplyId, SiteId } from '@counter/shared';
import {
  cannedReplyBody,
  createAgentBody,
  createSiteBody,
  idParams,
  updateAgentBody,
  updateSiteBody,
} from '@counter/shared/schemas';
import type { FastifyPluginAsync } from 'fastify';
import { actor, requireAdmin, requireAgent } from './auth-hooks.js';
import { parse } from './validate.js';

/** Agents and sites (admins, scoped to their sites in the domain), canned replies (every agent, per site). */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  const { agents, sites, cannedReplies } = app.services;
  const id = <T extends string>(params: unknown) => parse(idParams, params).id as T;

  app.get('/api/v1/agents', { preHandler: requireAdmin }, async (request) => ({ agents: await agents.list(actor(request)) }));
  app.post('/api/v1/agents', { preHandler: requireAdmin }, async (request, reply) =>
    reply.code(201).send({ agent: await agents.createAs(actor(request), parse(createAgentBody, request.body)) }),
  );
  app.patch('/api/v1/agents/:id', { preHandler: requireAdmin }, async (request) => ({
    agent: await agents.updateAs(actor(request), id<AgentId>(request.params), parse(updateAgentBody, request.body)),
  }));

  app.get('/api/v1/sites', { preHandler: requireAdmin }, async (request) => ({ sites: await sites.listFor(actor(request)) }));
  app.post('/api/v1/sites', { preHandler: requireAdmin }, async (request, reply) =>
    reply.code(201).send({ site: await sites.createAs(actor(request), parse(createSiteBody, request.body)) }),
  );
  app.patch('/api/v1/sites/:id', { preHandler: requireAdmin }, async (request) => ({
    site: await sites.updateAs(actor(request), id<SiteId>(request.params), parse(updateSiteBody, request.body)),
  }));

  app.get('/api/v1/canned-replies', { preHandler: requireAgent }, async (request) => ({
    cannedReplies: await cannedReplies.list(actor(request)),
  }));
  app.post('/api/v1/canned-replies', { preHandler: requireAgent }, async (request, reply) =>
    reply.code(201).send({
      cannedReply: await cannedReplies.create(actor(request), parse(cannedReplyBody, request.body)),
    }),
  );
  app.patch('/api/v1/canned-replies/:id', { preHandler: requireAgent }, async (request) => ({
    cannedReply: await cannedReplies.update(actor(request), id<CannedReplyId>(request.params), parse(cannedReplyBody, request.body)),
  }));
  app.delete('/api/v1/canned-replies/:id', { preHandler: requireAgent }, async (request, reply) => {
    await cannedReplies.remove(actor(request), id<CannedReplyId>(request.params));
    return reply.code(204).send();
  });
};
