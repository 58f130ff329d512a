/**
 * The headers every answer carries, from @fastify/helmet (kept by the Fastify team; it follows
 * the browsers, which our own list did not: it had no nosniff on the API or widget.js and no
 * HSTS), configured for what this server is:
 *
 * - The chat iframe must be framed by shop pages, so no X-Frame-Options (it cannot name the
 *   shops; SAMEORIGIN would break the widget): every HTML page we serve sets CSP
 *   frame-ancestors instead (the site's origins for the chat, 'none' for the console).
 * - widget.js and the chat's assets are loaded by shop pages, so their
 *   Cross-Origin-Resource-Policy is cross-origin (embeddableHeaders); everything else is
 *   same-origin, so no other site can pull an API answer into its process.
 * - HSTS only when PUBLIC_URL is https (over http it would be ignored, and a developer's
 *   localhost would be pinned to https); without includeSubDomains, which is the domain
 *   owner's decision, not the chat server's.
 * - API answers are per person and some carry secrets (the identity secret, a visitor token, a
 *   session): Cache-Control no-store, so no shared or browser cache keeps them.
 * - JSON answers get a CSP that runs nothing, should a browser ever render one.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The CSP of the HTML pages we serve. Scripts and styles only from this server: nothing
 * inline runs, so injected markup cannot execute even if some text slipped through. Images
 * only from here too: a shopper-given image URL is shown through the server's image route, so
 * an agent's browser never contacts an address a shopper chose. `blobImages` (the chat window
 * only): blob: is the widget's own copy of an attachment it fetched with the visitor token,
 * which an <img> cannot send; only the page's own script can make one.
 */
export function pageCsp(frameAncestors: string, blobImages = false): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${blobImages ? ' blob:' : ''}`,
    "connect-src 'self' ws: wss:",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export function htmlHeaders(reply: FastifyReply, frameAncestors: string, blobImages = false): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', pageCsp(frameAncestors, blobImages))
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('cache-control', 'no-cache');
}

/** Loaded by (or framed in) shop pages on other origins. */
export const embeddableHeaders = { 'cross-origin-resource-policy': 'cross-origin' } as const;

const plugin: FastifyPluginAsync = async (app) => {
  const https = app.config.publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    },
    frameguard: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
};

export const securityHeadersPlugin = fp(plugin, { name: 'counter-security-headers', fastify: '5.x', dependencies: [] });
