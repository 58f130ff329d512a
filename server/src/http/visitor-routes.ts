import {
  errorResponses,
  noContent,
  siteQuery,
  unreadBody,
  unreadResponse,
  visitorSessionBody,
  visitorSessionResponse,
  z,
} from '@counter/shared/schemas';
import { chatLook } from '../domain/site-look.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import { originAllowed } from '../domain/sites.js';
import { addressCounter } from './rate-limits.js';

/** Other headers pass through untouched: the validated object replaces request.headers. */
const bearerHeaders = z.looseObject({ authorization: z.string().regex(/^Bearer [A-Za-z0-9_-]{20,128}$/) });

/** The loader posts text/plain (a CORS "simple" request) whose text is JSON. */
const jsonText = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Body must be JSON.', input: value });
      return z.NEVER;
    }
  }, schema);

/** widget.js posts its unread check as a form (see widget/src/loader/memory.ts). */
const FORM = 'application/x-www-form-urlencoded';
/** Its answer: the count as text (sent as is; Fastify serializes only JSON). */
const unreadText = z.string().regex(/^\d+$/);

export const visitorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { visitors, sites, router, conversations } = app.services;
  // Shoppers behind one NAT share an address: generous for page loads of known visitors,
  // tighter for new visitors, each a stored document and token until it expires.
  const newPerAddress = addressCounter(app, { max: app.config.visitorNewPerMinute, timeWindowMs: 60_000, code: 'rate_limited' });
  // Scoped to these routes (this plugin is encapsulated); the schemas validate what it yields.
  app.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  /** The chat iframe gets (or keeps) its visitor token and the site's widget settings. */
  app.post(
    '/api/v1/visitor/sessions',
    {
      config: { rateLimit: { max: app.config.visitorSessionsPerMinute, timeWindow: 60_000 } },
      schema: { body: visitorSessionBody, response: { 200: visitorSessionResponse, ...errorResponses } },
    },
    async (request) => {
      const { visitor, token } = await visitors.session(request.body, { beforeNew: () => newPerAddress.consume(request) });
      const site = await sites.get(request.body.siteId);
      // Only a checklist tick: a failed write must not cost the shopper their chat.
      await sites.widgetSeen(site).catch((err: unknown) => request.log.warn({ err }, 'recording the widget sighting failed'));
      return {
        visitorId: visitor._id,
        token,
        config: {
          siteId: site._id,
          name: site.name,
          greeting: site.greeting,
          defaultLocale: site.defaultLocale,
          availability: await router.availability(site),
          orders: Boolean(site.orderProvider),
          email: app.mail.enabled,
          look: chatLook(site),
          // issue 14 item 2: the topics the new chat offers
          topics: await app.services.routing.siteTopics(site._id),
          nps: site.nps === true,
        },
      };
    },
  );

  /** Shop logout (`shutdown()`): this browser's token stops working. */
  app.delete(
    '/api/v1/visitor/sessions',
    { schema: { headers: bearerHeaders, querystring: siteQuery, response: { 204: noContent, ...errorResponses } } },
    async (request, reply) => {
      const token = request.headers.authorization.slice('Bearer '.length);
      const { tokenHash } = await visitors.authenticate(request.query.siteId, token);
      await visitors.logout(tokenHash);
      return reply.code(204).send(null);
    },
  );

  /**
   * The loader's one request before the shopper opens the chat: are there unread replies?
   * Sent from the storefront page as a CORS "simple" request (no preflight); the answer is
   * readable only by the site's own origins. widget.js posts a form and reads the bare count
   * as text, which needs no JSON on a page that may have broken it and fewer loader bytes;
   * loaders from before (still in browser caches) post JSON as text/plain and get JSON.
   */
  app.post(
    '/api/v1/visitor/unread',
    {
      // Sent on page loads of returning shoppers, like sessions: the same bound, counted apart.
      config: { fromShopPages: true, rateLimit: { max: app.config.visitorSessionsPerMinute, timeWindow: 60_000 } },
      schema: { body: jsonText(unreadBody), response: { 200: unreadResponse.or(unreadText), ...errorResponses } },
    },
    async (request, reply) => {
      const origin = request.headers.origin;
      const { siteId, token } = request.body;
      const site = await sites.get(siteId);
      if (origin) {
        if (!originAllowed(site, origin)) throw new AppError('origin_not_allowed');
        reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      }
      const { visitor } = await visitors.authenticate(site._id, token);
      const open = await conversations.openFor(visitor._id);
      const unread = open?.unreadByVisitor ?? 0;
      if (request.headers['content-type']?.startsWith(FORM)) return reply.type('text/plain; charset=utf-8').send(String(unread));
      return { unread };
    },
  );
};
