/**
 * Per-address limits on REST routes, through @fastify/rate-limit (its in-memory store: the
 * counts are per node; see README "What is throttled"). Nothing is limited unless a route
 * asks (`config.rateLimit`) or calls a limiter made with `app.createRateLimit`. IPv6
 * addresses count per /64, which one client usually holds whole.
 *
 * A refusal is our catalogue's `rate_limited` with `retryAfter`, through the error handler
 * (which also sets Retry-After), like every other error.
 */
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../domain/errors.js';

const plugin: FastifyPluginAsync = async (app) => {
  await app.register(fastifyRateLimit, {
    global: false,
    ipv6Subnet: 64,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', { retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
};

export const rateLimitsPlugin = fp(plugin, { name: 'counter-rate-limits', fastify: '5.x' });

/** A counter per client address, counted only when the caller says so (see `consume`). */
export interface AddressCounter {
  /** Refuses (throws `code` with retryAfter) when the address is over its limit; counts nothing. */
  check(request: FastifyRequest): Promise<void>;
  /** Counts one for the address. */
  consume(request: FastifyRequest): Promise<void>;
}

export function addressCounter(
  app: FastifyInstance,
  options: { max: number; timeWindowMs: number; code: 'rate_limited' | 'too_many_attempts' },
): AddressCounter {
  const limit = app.createRateLimit({ max: options.max, timeWindow: options.timeWindowMs });
  const refuse = (ttlMs: number) => new AppError(options.code, { retryAfter: Math.max(1, Math.ceil(ttlMs / 1000)) });
  return {
    async check(request) {
      const status = await limit(request, { increment: false });
      // At the limit already: the next one counted would be over it.
      if (!status.isAllowed && status.remaining <= 0) throw refuse(status.ttl);
    },
    async consume(request) {
      const status = await limit(request);
      if (!status.isAllowed && status.isExceeded) throw refuse(status.ttl);
    },
  };
}
