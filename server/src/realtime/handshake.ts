import { ERRORS, type ErrorCode } from '@counter/shared';
import type { IncomingHttpHeaders } from 'node:http';

/** A connect_error whose `data` carries the catalogue code, for clients to act on. */
export function connectError(code: ErrorCode): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(code), { data: { code, message: ERRORS[code].message } });
}

/**
 * Browsers always send Origin on WebSocket and cross-origin requests. Our own pages (the
 * chat iframe, the console) are served from this server, so a browser connecting must come
 * from here; non-browser clients send no Origin and prove themselves by credential alone.
 */
export function fromOwnOrigin(headers: IncomingHttpHeaders, trustProxy: boolean): boolean {
  const origin = headers.origin;
  if (!origin) return true;
  try {
    const forwarded = trustProxy ? headers['x-forwarded-host'] : undefined;
    const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? headers.host;
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
