import { ERRORS, PROTOCOL_VERSION, type ErrorCode } from '@counter/shared';
import type { z } from '@counter/shared/schemas';
import type { FastifyBaseLogger } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { mapError } from '../errors.js';
import { isOwnOrigin } from '../http/own-origin.js';

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
  return !headers.origin || isOwnOrigin(headers.origin, headers, { trustProxy });
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

interface HandshakingSocket {
  handshake: { auth: unknown; headers: IncomingHttpHeaders };
}

/**
 * A namespace's connection middleware: the auth payload parsed by the namespace's schema, the
 * protocol version and the browser's origin checked, then `admit` checks the credentials and
 * fills socket.data, or names the error. Every refusal is a connect_error with its code.
 */
export function handshake<S extends HandshakingSocket, A extends { v: number }>(
  schema: z.ZodType<A>,
  options: { trustProxy: boolean; log: FastifyBaseLogger; namespace: string },
  admit: (socket: S, auth: A) => Promise<ErrorCode | void>,
): (socket: S, next: (err?: Error) => void) => Promise<void> {
  return async (socket, next) => {
    const auth = schema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(connectError('unauthorized'));
    if (auth.data.v !== PROTOCOL_VERSION) return next(connectError('protocol_version_mismatch'));
    if (!fromOwnOrigin(socket.handshake.headers, options.trustProxy)) return next(connectError('origin_not_allowed'));
    try {
      const refused = await admit(socket, auth.data);
      next(refused ? connectError(refused) : undefined);
    } catch (err) {
      const { body, unexpected } = mapError(err);
      if (unexpected) options.log.error({ err }, `${options.namespace} handshake failed`);
      next(connectError(body.code));
    }
  };
}
