/**
 * CSRF: every state-changing request (anything but GET/HEAD/OPTIONS) must come from our own
 * pages, and a body must be JSON. SameSite=Strict on the session cookie is not enough: a page
 * on a sibling subdomain is "same-site" and gets the cookie sent with its form posts.
 *
 * The check follows Go's net/http CrossOriginProtection (1.25): `Sec-Fetch-Site: same-origin`
 * or `none` (typed in the address bar) passes; otherwise Origin must be ours (isOwnOrigin);
 * a request with neither header is not from a browser (curl, a merchant's backend), so it
 * carries no ambient cookie a page could abuse, and passes to its own credential check.
 *
 * JSON only: a page can send text/plain, form-urlencoded and multipart without a preflight,
 * but never application/json, so requiring it closes the forms left open by a lax origin
 * check or an old browser that sends no Origin on same-site posts.
 *
 * A route that is meant to be called from shop pages (the loader's unread check: a CORS
 * "simple" request with a text/plain body and no cookie) says so with `config.fromShopPages`
 * and checks the origin against the site's list itself.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../domain/errors.js';
import { isOwnOrigin } from './own-origin.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Called cross-origin from storefronts, without cookies; the route checks the site's origins. */
    fromShopPages?: boolean;
    /**
     * Takes a file as the body (attachment uploads): application/octet-stream passes too.
     * Like JSON it is no CORS "simple" type, so a page elsewhere cannot send it without a preflight.
     */
    binaryBody?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function fromOwnPages(request: FastifyRequest, options: { trustProxy: boolean; publicUrl: string }): boolean {
  const site = header(request, 'sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return true;
  const origin = header(request, 'origin');
  if (origin === undefined) return site === undefined;
  return isOwnOrigin(origin, request.headers, options);
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.startsWith('application/') === true && type.endsWith('+json'));
}

const plugin: FastifyPluginAsync = async (app) => {
  const options = { trustProxy: app.config.trustProxy, publicUrl: app.config.publicUrl };
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.fromShopPages) return;
    if (!fromOwnPages(request, options)) {
      throw new AppError('origin_not_allowed', { message: 'Cross-origin request refused.' });
    }
    const contentType = header(request, 'content-type');
    const binary = request.routeOptions.config.binaryBody === true && contentType?.split(';')[0]?.trim().toLowerCase() === 'application/octet-stream';
    if (contentType !== undefined && !isJson(contentType) && !binary) {
      throw new AppError('unsupported_media_type');
    }
  });
};

export const crossOriginGuardPlugin = fp(plugin, { name: 'counter-cross-origin-guard', fastify: '5.x' });
