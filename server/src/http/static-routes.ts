import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { common, z } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import { paths } from '../paths.js';
import { loadCompressed, sendCompressed } from './compressed-file.js';
import { DEMO_CUSTOMERS, demoOrders } from '../demo/sample-orders.js';
import { DEMO_ORDERS_PATH, DEMO_SITE_ID, demoPage } from './demo-page.js';
import { orderProviderReference } from './order-provider-reference.js';
import { hmacSha256Hex } from '../domain/crypto.js';
import { identitySigningString } from '@counter/shared';
import { embeddableHeaders, htmlHeaders, pageCsp } from './security-headers.js';

/** The chat window's URL names its site (the loader builds it). HTML, so no response schema. */
const frameQuery = z.object({ site: common.siteId });

const notBuilt = (what: string) =>
  new AppError('not_found', { message: `The ${what} is not built: run "pnpm build" first.` });

/** The built widget, console and demo storefront. */
export const staticRoutes: FastifyPluginAsyncZod = async (app) => {
  const loader = await loadCompressed(paths.loader);
  const frameHtml = await readFile(path.join(paths.frame, 'frame.html'), 'utf8').catch(() => null);

  app.get('/widget.js', async (request, reply) => {
    if (!loader) throw notBuilt('widget');
    // Short cache: the URL is what merchants paste, so updates must reach shops soon.
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .headers(embeddableHeaders);
    return sendCompressed(request, reply, loader);
  });

  /** The chat window. Only the site's own origins may frame it (enforced by the browser). */
  app.get('/widget/frame.html', { schema: { querystring: frameQuery } }, async (request, reply) => {
    if (!frameHtml) throw notBuilt('widget');
    const site = await app.services.sites.get(request.query.site);
    const ancestors = site.allowedOrigins.length ? ["'self'", ...site.allowedOrigins].join(' ') : '*';
    // blob: images: attachments the chat fetched with the visitor token (issue 12 item 5).
    return htmlHeaders(reply, ancestors, true).headers(embeddableHeaders).send(frameHtml);
  });

  const immutable = { maxAge: '365d', immutable: true } as const;
  if (existsSync(path.join(paths.frame, 'assets'))) {
    await app.register(fastifyStatic, {
      root: path.join(paths.frame, 'assets'),
      prefix: '/widget/assets/',
      decorateReply: false,
      index: false,
      allowedPath: notSourceMap,
      // The host part is a script on the shop's page; the rest loads in the chat iframe.
      setHeaders: (res) => res.setHeader('cross-origin-resource-policy', 'cross-origin'),
      ...immutable,
    });
  }

  if (existsSync(paths.console)) {
    await app.register(fastifyStatic, {
      root: paths.console,
      prefix: '/console/',
      decorateReply: false,
      index: ['index.html'],
      redirect: true,
      allowedPath: notSourceMap,
      // Our own cache-control below, not @fastify/send's (which overwrites setHeaders' value).
      cacheControl: false,
      setHeaders(res, file) {
        if (file.endsWith('.html')) {
          res.setHeader('content-security-policy', consoleCsp);
          res.setHeader('referrer-policy', 'same-origin');
          res.setHeader('cache-control', 'no-cache');
        } else if (file.includes(`${path.sep}assets${path.sep}`)) {
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  } else {
    app.get('/console/', async () => {
      throw notBuilt('console');
    });
  }

  app.get('/', async (_request, reply) => reply.redirect('/console/'));

  if (app.config.demo) {
    await app.register(orderProviderReference, {
      prefix: DEMO_ORDERS_PATH,
      secret: async () => {
        const provider = (await app.store.sites.byId(DEMO_SITE_ID))?.orderProvider;
        return provider?.kind === 'http' ? provider.secret : null;
      },
      customers: DEMO_CUSTOMERS,
      orders: demoOrders,
    });
    app.get('/demo', async (_request, reply) => reply.redirect('/demo/'));
    app.get('/demo/*', async (_request, reply) => {
      const site = await app.store.sites.byId(DEMO_SITE_ID);
      const customer = DEMO_CUSTOMERS[0]!;
      const identity = site && {
        id: customer.id,
        name: customer.name ?? customer.id,
        email: customer.email ?? '',
        signature: hmacSha256Hex(site.identitySecret, identitySigningString(customer.id)),
      };
      const { html, nonce } = demoPage(app.config.publicUrl, identity);
      // The demo runs under a strict nonce CSP, as a careful merchant's page would.
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header(
          'content-security-policy',
          `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
        )
        .header('cache-control', 'no-store')
        .send(html);
    });
  }
};

const consoleCsp = pageCsp("'none'");

/**
 * Source maps are not served (they publish the source, comments included); the builds make
 * none, and a stray one left in dist/ stays private.
 */
const notSourceMap = (pathname: string) => !pathname.endsWith('.map');
