import { conversationIdParams } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import { createRemoteImages, type RemoteImageOptions } from '../media/remote-image.js';
import { actor, requireAgent } from './auth-hooks.js';

/**
 * Images a shopper named (their product's picture), fetched by the server for the agents who
 * may see that conversation. The console never loads a shopper-given URL itself (its CSP
 * allows images from this server only). The route takes no URL: it serves what the
 * conversation's shopper stored, so it is no open proxy.
 */
export const mediaRoutes: FastifyPluginAsyncZod<{ remoteImages?: Partial<RemoteImageOptions> }> = async (app, options) => {
  const { conversations, visitors } = app.services;
  const images = createRemoteImages(options.remoteImages ?? {}, (url, err) =>
    // A shop's CDN being down or a hostile URL is the shopper's business, not an alert.
    app.log.debug({ url, reason: err instanceof Error ? err.message : String(err) }, 'product image refused'),
  );

  // Fetched when the shopper names it, so the image host cannot tell when an agent looks.
  const unsubscribe = app.events.subscribe((event) => {
    if (event.type === 'visitor.updated' && event.visitor.product?.image) images.warm(event.visitor.product.image);
  });
  app.addHook('onClose', async () => unsubscribe());

  app.get(
    '/api/v1/conversations/:id/product-image',
    // Image bytes, so no response schema (errors still leave in the catalogue shape).
    { onRequest: requireAgent, schema: { params: conversationIdParams } },
    async (request, reply) => {
      const conversation = await conversations.forAgent(actor(request), request.params.id);
      const url = (await visitors.byId(conversation.visitorId))?.product?.image;
      const image = url ? await images.get(url) : null;
      if (!image) throw new AppError('not_found', { message: 'No product image.' });
      return reply
        .header('content-type', image.type)
        // Short, and only in the agent's browser: the shopper may change the product.
        .header('cache-control', 'private, max-age=300')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(image.bytes);
    },
  );
};
