import type { LoginResponse } from '@counter/shared';
import { changePasswordBody, loginBody } from '@counter/shared/schemas';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { requireAgent, session } from './auth-hooks.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';
import { parse } from './validate.js';

export const authRoutes: FastifyPluginAsync = async (app) => {
  const { auth, agents } = app.services;
  const setSession = (reply: FastifyReply, secret: string) =>
    reply.setCookie(SESSION_COOKIE, secret, sessionCookieOptions(app.config.secureCookies, app.config.sessionTtlMs));

  app.post('/api/v1/auth/login', async (request, reply): Promise<LoginResponse> => {
    const { email, password } = parse(loginBody, request.body);
    const { agent, secret } = await auth.login(email, password, request.ip);
    setSession(reply, secret);
    return { agent: await agents.view(agent) };
  });

  app.post('/api/v1/auth/logout', { preHandler: requireAgent }, async (request, reply) => {
    await auth.logout(session(request).sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', { preHandler: requireAgent }, async (request): Promise<LoginResponse> => ({
    agent: await agents.view(session(request).agent),
  }));

  app.post('/api/v1/auth/password', { preHandler: requireAgent }, async (request, reply) => {
    const { currentPassword, newPassword } = parse(changePasswordBody, request.body);
    setSession(reply, await auth.changePassword(session(request), currentPassword, newPassword));
    return reply.code(204).send();
  });
};
