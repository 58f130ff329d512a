/** Routing settings and a conversation's topic over REST (issue 14); access is checked in the domain. */
import {
  conversationTopicBody,
  conversationTopicParams,
  conversationTopicResponse,
  errorResponses,
  routingSettingsBody,
  routingSettingsResponse,
  siteRoutingParams,
  z,
} from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireAgent } from './auth-hooks.js';

const topicsResponse = z.object({ topics: z.array(z.string()) });

export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { routing } = app.services;
  const staff = { onRequest: requireAgent } as const;
  const url = '/api/v1/sites/:id/routing';

  app.get(url, { ...staff, schema: { params: siteRoutingParams, response: { 200: routingSettingsResponse, ...errorResponses } } }, async (request) => ({
    settings: await routing.get(actor(request), request.params.id),
  }));
  app.put(
    url,
    { ...staff, schema: { params: siteRoutingParams, body: routingSettingsBody, response: { 200: routingSettingsResponse, ...errorResponses } } },
    async (request) => ({ settings: await routing.save(actor(request), request.params.id, request.body) }),
  );
  app.get(
    '/api/v1/sites/:id/topics',
    { ...staff, schema: { params: siteRoutingParams, response: { 200: topicsResponse, ...errorResponses } } },
    async (request) => ({ topics: await routing.topics(actor(request), request.params.id) }),
  );
  app.put(
    '/api/v1/conversations/:id/topic',
    { ...staff, schema: { params: conversationTopicParams, body: conversationTopicBody, response: { 200: conversationTopicResponse, ...errorResponses } } },
    async (request) => ({ topic: await routing.setTopic(actor(request), request.params.id, request.body.topic) }),
  );
};
