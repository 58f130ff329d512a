import { changePasswordBody, errorResponses, loginBody, loginResponse, noContent, sessionResponse } from '@counter/shared/schemas';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import { requireAgent, session } from './auth-hooks.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, agents } = app.services;
  const setSession = (reply: FastifyReply, secret: string) =>
    reply.setCookie(SESSION_COOKIE, secret, sessionCookieOptions(app.config.secureCookies, app.config.sessionTtlMs));

  app.post(
    '/api/v1/auth/login',
    { schema: { body: loginBody, response: { 200: loginResponse, ...errorResponses } } },
    async (request, reply) => {
      const { email, password } = request.body;
      const { agent, secret } = await auth.login(email, password, request.ip);
      setSession(reply, secret);
      return { agent: await agents.view(agent) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { onRequest: requireAgent, schema: { response: { 204: noContent, ...errorResponses } } },
    async (request, reply) => {
      await auth.logout(session(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  // The console's first question. Signed out is an answer (200, agent null), so a sign-in page
  // does not log a 401 in the browser on every visit; /me keeps its 401 for API clients.
  app.get('/api/v1/auth/session', { schema: { response: { 200: sessionResponse, ...errorResponses } } }, async (request, reply) => {
    try {
      const { agent } = await auth.authenticate(request.cookies[SESSION_COOKIE]);
      return { agent: await agents.view(agent) };
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'unauthorized' && err.code !== 'session_revoked')) throw err;
      if (request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { agent: null };
    }
  });

  app.get(
    '/api/v1/auth/me',
    { onRequest: requireAgent, schema: { response: { 200: loginResponse, ...errorResponses } } },
    async (request) => ({ agent: await agents.view(session(request).agent) }),
  );

  app.post(
    '/api/v1/auth/password',
    { onRequest: requireAgent, schema: { body: changePasswordBody, response: { 204: noContent, ...errorResponses } } },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      setSession(reply, await auth.changePassword(session(request), currentPassword, newPassword));
      return reply.code(204).send(null);
    },
  );
};
