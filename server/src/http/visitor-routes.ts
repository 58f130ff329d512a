import type { SiteId, VisitorSessionResponse } from '@counter/shared';
import { unreadBody, visitorSessionBody, z } from '@counter/shared/schemas';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../domain/errors.js';
import { originAllowed } from '../domain/sites.js';
import { AddressLimiter } from './ip-limiter.js';
import { parse } from './validate.js';

const bearer = z.string().regex(/^Bearer [A-Za-z0-9_-]{20,128}$/);

export const visitorRoutes: FastifyPluginAsync = async (app) => {
  const { visitors, sites, router, conversations } = app.services;
  // Shoppers behind one NAT share an address: generous, but bounded.
  const sessionsPerAddress = new AddressLimiter(app.config.visitorSessionsPerMinute, app.config.visitorSessionsPerMinute);

  /** The chat iframe gets (or keeps) its visitor token and the site's widget settings. */
  app.post('/api/v1/visitor/sessions', async (request): Promise<VisitorSessionResponse> => {
    if (!sessionsPerAddress.take(request.ip)) throw new AppError('rate_limited', { retryAfter: 60 });
    const input = parse(visitorSessionBody, request.body);
    const { visitor, token } = await visitors.session(input);
    const site = await sites.get(input.siteId as SiteId);
    return {
      visitorId: visitor._id,
      token,
      config: {
        siteId: site._id,
        name: site.name,
        greeting: site.greeting,
        defaultLocale: site.defaultLocale,
        availability: await router.availability(site),
      },
    };
  });

  /** Shop logout (`shutdown()`): this browser's token stops working. */
  app.delete('/api/v1/visitor/sessions', async (request, reply) => {
    const header = parse(bearer, request.headers.authorization);
    const siteId = parse(z.object({ siteId: z.string().max(64) }), request.query).siteId as SiteId;
    const { tokenHash } = await visitors.authenticate(siteId, header.slice('Bearer '.length));
    await visitors.logout(tokenHash);
    return reply.code(204).send();
  });

  /**
   * The loader's one request before the shopper opens the chat: are there unread replies?
   * Sent from the storefront page as a CORS "simple" request (text/plain body, no preflight);
   * the answer is readable only by the site's own origins.
   */
  app.post('/api/v1/visitor/unread', async (request, reply) => {
    const origin = request.headers.origin;
    let raw: unknown;
    try {
      raw = typeof request.body === 'string' ? JSON.parse(request.body) : request.body;
    } catch {
      throw new AppError('validation_failed', { message: 'Body must be JSON.' });
    }
    const { siteId, token } = parse(unreadBody, raw);
    const site = await sites.get(siteId as SiteId);
    if (origin) {
      if (!originAllowed(site, origin)) throw new AppError('origin_not_allowed');
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    }
    const { visitor } = await visitors.authenticate(site._id, token);
    const open = await conversations.openFor(visitor._id);
    return { unread: open?.unreadByVisitor ?? 0 };
  });
};
