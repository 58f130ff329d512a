import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AgentSession } from '../domain/auth.js';
import { AppError } from '../domain/errors.js';
import { SESSION_COOKIE } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: AgentSession | null;
  }
}

/** onRequest (before the body is parsed or validated, so strangers learn nothing of the schema): a signed-in agent (any role). */
export async function requireAgent(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  request.session = await request.server.services.auth.authenticate(request.cookies[SESSION_COOKIE]);
}

/** onRequest: a signed-in admin. */
export async function requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await requireAgent(request, reply);
  if (request.session?.agent.role !== 'admin') throw new AppError('forbidden');
}

export function session(request: FastifyRequest): AgentSession {
  if (!request.session) throw new AppError('unauthorized');
  return request.session;
}
