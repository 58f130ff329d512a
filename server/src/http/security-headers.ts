import type { FastifyReply } from 'fastify';

/**
 * The CSP of the HTML pages we serve. Scripts and styles only from this server: nothing
 * inline runs, so injected markup cannot execute even if some text slipped through.
 */
export function pageCsp(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self' ws: wss:",
    "media-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export function htmlHeaders(reply: FastifyReply, frameAncestors: string): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', pageCsp(frameAncestors))
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('cache-control', 'no-cache');
}
