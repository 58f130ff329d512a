/**
 * Knowledge base over REST (issue 13): a site's staff read and search its articles; its
 * supervisors and admins write and import them. Access is checked in the domain (KbService).
 */
import {
  articleBody,
  articleHitsResponse,
  articleResponse,
  botSettingsBody,
  botSettingsResponse,
  botSummaryResponse,
  articlesResponse,
  errorResponses,
  importBody,
  importResponse,
  KB_LIMITS,
  noContent,
  searchQuery,
  siteArticleParams,
  siteArticlesParams,
  unansweredResponse,
} from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireAgent } from './auth-hooks.js';

export const kbRoutes: FastifyPluginAsyncZod = async (app) => {
  const { kb, bot } = app.services;
  const staff = { onRequest: requireAgent } as const;
  const articles = '/api/v1/sites/:id/articles';

  app.get(articles, { ...staff, schema: { params: siteArticlesParams, response: { 200: articlesResponse, ...errorResponses } } }, async (request) => ({
    articles: await kb.list(actor(request), request.params.id),
  }));
  app.post(
    articles,
    { ...staff, schema: { params: siteArticlesParams, body: articleBody, response: { 201: articleResponse, ...errorResponses } } },
    async (request, reply) => reply.code(201).send({ article: await kb.create(actor(request), request.params.id, request.body) }),
  );
  app.get(
    `${articles}/search`,
    { ...staff, schema: { params: siteArticlesParams, querystring: searchQuery, response: { 200: articleHitsResponse, ...errorResponses } } },
    async (request) => ({ hits: await kb.searchAs(actor(request), request.params.id, request.query.q, request.query.limit) }),
  );
  app.post(
    `${articles}/import`,
    {
      ...staff,
      // A file of articles is larger than any other body; only this route takes it.
      bodyLimit: KB_LIMITS.importBytes,
      schema: { params: siteArticlesParams, body: importBody, response: { 200: importResponse, ...errorResponses } },
    },
    async (request) => kb.import(actor(request), request.params.id, request.body),
  );
  app.get(
    `${articles}/:articleId`,
    { ...staff, schema: { params: siteArticleParams, response: { 200: articleResponse, ...errorResponses } } },
    async (request) => ({ article: await kb.get(actor(request), request.params.id, request.params.articleId) }),
  );
  app.put(
    `${articles}/:articleId`,
    { ...staff, schema: { params: siteArticleParams, body: articleBody, response: { 200: articleResponse, ...errorResponses } } },
    async (request) => ({ article: await kb.update(actor(request), request.params.id, request.params.articleId, request.body) }),
  );
  app.delete(
    `${articles}/:articleId`,
    { ...staff, schema: { params: siteArticleParams, response: { 204: noContent, ...errorResponses } } },
    async (request, reply) => {
      await kb.remove(actor(request), request.params.id, request.params.articleId);
      return reply.code(204).send(null);
    },
  );

  const botUrl = '/api/v1/sites/:id/bot';
  app.get(botUrl, { ...staff, schema: { params: siteArticlesParams, response: { 200: botSettingsResponse, ...errorResponses } } }, async (request) => ({
    settings: await bot.settings(actor(request), request.params.id),
  }));
  app.put(
    botUrl,
    { ...staff, schema: { params: siteArticlesParams, body: botSettingsBody, response: { 200: botSettingsResponse, ...errorResponses } } },
    async (request) => ({ settings: await bot.saveSettings(actor(request), request.params.id, request.body) }),
  );
  app.get(
    `${botUrl}/summary`,
    { ...staff, schema: { params: siteArticlesParams, response: { 200: botSummaryResponse, ...errorResponses } } },
    async (request) => ({ summary: await bot.summary(actor(request), request.params.id) }),
  );
  app.get(
    `${botUrl}/unanswered`,
    { ...staff, schema: { params: siteArticlesParams, response: { 200: unansweredResponse, ...errorResponses } } },
    async (request) => ({ questions: await bot.unanswered(actor(request), request.params.id) }),
  );
};
