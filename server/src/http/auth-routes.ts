import {
  avatarBody,
  changePasswordBody,
  errorResponses,
  loginBody,
  loginResponse,
  noContent,
  profileBody,
  sessionResponse,
} from '@counter/shared/schemas';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import { LOGIN_FAILURE_WINDOW_MS } from '../plugins/services.js';
import { requireAgent, session } from './auth-hooks.js';
import { addressCounter } from './rate-limits.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, agents } = app.services;
  // Failures per client address across every account (spraying one password over many
  // emails); only failures count, so an office behind one address signs in freely.
  const failuresPerAddress = addressCounter(app, {
    max: app.config.loginFailuresPerAddress,
    timeWindowMs: LOGIN_FAILURE_WINDOW_MS,
    code: 'too_many_attempts',
  });
  const setSession = (reply: FastifyReply, secret: string) =>
    reply.setCookie(SESSION_COOKIE, secret, sessionCookieOptions(app.config.secureCookies, app.config.sessionTtlMs));

  app.post(
    '/api/v1/auth/login',
    { schema: { body: loginBody, response: { 200: loginResponse, ...errorResponses } } },
    async (request, reply) => {
      const { email, password } = request.body;
      await failuresPerAddress.check(request);
      const { agent, secret } = await auth.login(email, password, request.ip).catch(async (err: unknown) => {
        if (err instanceof AppError && err.code === 'invalid_credentials') await failuresPerAddress.consume(request);
        throw err;
      });
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

  // Their own profile: the name shoppers see, notification preferences, a picture.
  app.patch(
    '/api/v1/auth/profile',
    { onRequest: requireAgent, schema: { body: profileBody, response: { 200: loginResponse, ...errorResponses } } },
    async (request) => ({ agent: await agents.updateProfile(session(request).agent, request.body) }),
  );
  app.put(
    '/api/v1/auth/avatar',
    { onRequest: requireAgent, schema: { body: avatarBody, response: { 200: loginResponse, ...errorResponses } } },
    async (request) => ({ agent: await agents.setAvatar(session(request).agent, request.body.image) }),
  );
  app.delete(
    '/api/v1/auth/avatar',
    { onRequest: requireAgent, schema: { response: { 200: loginResponse, ...errorResponses } } },
    async (request) => ({ agent: await agents.setAvatar(session(request).agent, null) }),
  );

  app.post(
    '/api/v1/auth/password',
    { onRequest: requireAgent, schema: { body: changePasswordBody, response: { 204: noContent, ...errorResponses } } },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      setSession(reply, await auth.changePassword(session(request), currentPassword, newPassword, request.ip));
      return reply.code(204).send(null);
    },
  );
};
