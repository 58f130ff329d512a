import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, type Actor } from '../domain/access.js';
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

/** onRequest: a signed-in admin (of some site) or the owner; which sites is the domain's business. */
export async function requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await requireAgent(request, reply);
  const role = request.session?.agent.role;
  if (role !== 'admin' && role !== 'owner') throw new AppError('forbidden');
}

export function session(request: FastifyRequest): AgentSession {
  if (!request.session) throw new AppError('unauthorized');
  return request.session;
}

/** The signed-in person as the domain's access rules see them. */
export function actor(request: FastifyRequest): Actor {
  return actorOf(session(request).agent);
}
