/**
 * Registers a namespace's commands on a socket: rate limit, validate, run, ack. Every
 * command is answered exactly once; a payload that fails its schema never reaches a handler,
 * so nothing is queried or stored for it.
 */
import type { Ack, ErrorBody } from '@counter/shared';
import type { z } from '@counter/shared/schemas';
import type { Socket } from 'socket.io';
import { AppError } from '../domain/errors.js';
import { mapError, validationError } from '../errors.js';

export type Handlers<S extends Record<string, z.ZodType>, R extends { [K in keyof S]: unknown }> = {
  [K in keyof S]: (payload: z.output<S[K]>) => Promise<R[K]>;
};

export interface CommandLogger {
  error(obj: object, msg: string): void;
}

type AckFn = (response: Ack<unknown>) => void;
const noAck: AckFn = () => {};

export function failure(err: unknown, log: CommandLogger, context: object): Ack<never> {
  const mapped = mapError(err);
  if (mapped.unexpected) log.error({ err, ...context }, 'command failed');
  return { ok: false, error: mapped.body };
}

export function registerCommands<S extends Record<string, z.ZodType>, R extends { [K in keyof S]: unknown }>(
  // Typed event maps describe what clients *claim* to send; here everything is unknown
  // until its schema says otherwise.
  socket: Pick<Socket, 'on' | 'onAny' | 'id'>,
  schemas: S,
  handlers: Handlers<S, R>,
  /** Takes one token for this command from the caller's bucket (shared by all their sockets). */
  take: () => boolean,
  log: CommandLogger,
): void {
  for (const name of Object.keys(schemas) as (keyof S & string)[]) {
    (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(name, async (payload, maybeAck) => {
      // A client that passes no callback still gets its command run; the answer is dropped.
      const ack = typeof maybeAck === 'function' ? (maybeAck as AckFn) : typeof payload === 'function' ? (payload as AckFn) : noAck;
      if (!take()) return ack({ ok: false, error: body(new AppError('rate_limited')) });
      const parsed = schemas[name]!.safeParse(typeof payload === 'function' ? undefined : payload);
      if (!parsed.success) return ack({ ok: false, error: body(validationError(parsed.error)) });
      try {
        ack({ ok: true, data: await handlers[name](parsed.data as z.output<S[typeof name]>) });
      } catch (err) {
        ack(failure(err, log, { command: name, socket: socket.id }));
      }
    });
  }
  // An unknown command with a callback gets an answer too, instead of a client-side timeout.
  // Own keys only: `in` would also find `constructor`, `__proto__` or `toString` on the
  // prototype chain, and such a command would then never be answered.
  socket.onAny((event: string, ...args: unknown[]) => {
    if (Object.hasOwn(schemas, event)) return;
    const last = args.at(-1);
    if (typeof last === 'function') (last as AckFn)({ ok: false, error: body(new AppError('not_found', { message: `Unknown command: ${event}` })) });
  });
}

function body(err: AppError): ErrorBody {
  return mapError(err).body;
}
