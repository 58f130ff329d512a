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
import { requireAdmin, requireAgent, session } from './auth-hooks.js';
import { parse } from './validate.js';

/** Agents and sites (admins), canned replies (every agent). */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  const { agents, sites, cannedReplies } = app.services;
  const id = <T extends string>(params: unknown) => parse(idParams, params).id as T;

  app.get('/api/v1/agents', { preHandler: requireAdmin }, async () => ({ agents: await agents.list() }));
  app.post('/api/v1/agents', { preHandler: requireAdmin }, async (request, reply) =>
    reply.code(201).send({ agent: await agents.create(parse(createAgentBody, request.body)) }),
  );
  app.patch('/api/v1/agents/:id', { preHandler: requireAdmin }, async (request) => ({
    agent: await agents.update(id<AgentId>(request.params), parse(updateAgentBody, request.body)),
  }));

  app.get('/api/v1/sites', { preHandler: requireAdmin }, async () => ({ sites: await sites.list() }));
  app.post('/api/v1/sites', { preHandler: requireAdmin }, async (request, reply) =>
    reply.code(201).send({ site: await sites.create(parse(createSiteBody, request.body)) }),
  );
  app.patch('/api/v1/sites/:id', { preHandler: requireAdmin }, async (request) => ({
    site: await sites.update(id<SiteId>(request.params), parse(updateSiteBody, request.body)),
  }));

  app.get('/api/v1/canned-replies', { preHandler: requireAgent }, async () => ({
    cannedReplies: await cannedReplies.list(),
  }));
  app.post('/api/v1/canned-replies', { preHandler: requireAgent }, async (request, reply) =>
    reply.code(201).send({
      cannedReply: await cannedReplies.create(session(request).agent._id, parse(cannedReplyBody, request.body)),
    }),
  );
  app.patch('/api/v1/canned-replies/:id', { preHandler: requireAgent }, async (request) => ({
    cannedReply: await cannedReplies.update(id<CannedReplyId>(request.params), parse(cannedReplyBody, request.body)),
  }));
  app.delete('/api/v1/canned-replies/:id', { preHandler: requireAgent }, async (request, reply) => {
    await cannedReplies.remove(id<CannedReplyId>(request.params));
    return reply.code(204).send();
  });
};
