/**
 * Profile pictures, public like the names beside them (the widget may show the agent's): a
 * URL carries the picture's hash, so a browser keeps it until the picture changes. The bytes
 * were checked at upload (domain/avatar.ts); nosniff and a no-script CSP keep them an image.
 */
import { agentIdParams, conversationIdParams } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../domain/errors.js';

export const avatarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/avatars/:id', { schema: { params: agentIdParams } }, async (request, reply) => {
    const avatar = await app.services.agents.avatar(request.params.id);
    if (!avatar) throw notFound();
    return reply
      .header('content-type', avatar.type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('etag', `"${avatar.hash}"`)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(avatar.bytes);
  });

  // ---- issue 17: the assigned agent's picture in the chat header ----
  /**
   * The picture of whoever holds the conversation now, for the shopper's header. Keyed by the
   * conversation, so the shopper never learns an agent id (visitor views carry none); the
   * conversation id is the shopper's own, and the picture is public anyway. Short cache:
   * the holder changes on transfer (the widget also puts the agent's name in the URL).
   * No picture (or nobody holds it): 204, not 404. Most agents have no picture, and a 404
   * would put a "failed to load" error in the shopper's console on every chat; the empty
   * answer still fails the image, so the widget shows the agent's initial instead.
   */
  app.get('/api/v1/visitor/conversations/:id/agent-avatar', { schema: { params: conversationIdParams } }, async (request, reply) => {
    const conversation = await app.store.conversations.byId(request.params.id);
    const avatar = conversation?.status === 'assigned' && conversation.agentId ? await app.services.agents.avatar(conversation.agentId) : null;
    if (!avatar) return reply.code(204).header('cache-control', 'private, max-age=60').send();
    return reply
      .header('content-type', avatar.type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=60')
      .send(avatar.bytes);
  });
};
