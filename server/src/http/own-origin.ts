import type { IncomingHttpHeaders } from 'node:http';

/**
 * Is `origin` this server's own? Our pages (the console, the chat iframe) are served from here,
 * so a browser request that carries our cookie or opens our sockets must come from here too.
 * "Here" is the Host the browser used (X-Forwarded-Host behind a trusted proxy), or PUBLIC_URL
 * (a proxy that rewrites Host without TRUST_PROXY). The browser sets Origin and Host; a page
 * cannot forge either.
 */
export function isOwnOrigin(
  origin: string,
  headers: IncomingHttpHeaders,
  options: { trustProxy: boolean; publicUrl?: string },
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    // "null" (sandboxed frames, file:, some redirects) and garbage are nobody's origin.
    return false;
  }
  if (options.publicUrl && parsed.origin === new URL(options.publicUrl).origin) return true;
  const forwarded = options.trustProxy ? headers['x-forwarded-host'] : undefined;
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0]?.trim()) ?? headers.host;
  return parsed.host === host;
}
