/**
 * Every REST error leaves in one shape, `{ error: { code, message, issues? } }`, with a code
 * from the catalogue: our AppErrors, the store's outages, Fastify's own errors and the zod
 * type provider's request validation failures (with their issues). A response that does not
 * match its schema (FST_ERR_RESPONSE_SERIALIZATION) is our bug: logged, answered `internal`.
 */
import { ERRORS, type ErrorIssue } from '@counter/shared';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import { mapError } from '../errors.js';

/** Fastify's own errors, by code, in catalogue terms. */
const FASTIFY_ERRORS: Record<string, keyof typeof ERRORS> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

/** The provider reports "/cart/items/0/price"; our catalogue says "cart.items.0.price". */
function issuesOf(err: unknown): ErrorIssue[] | undefined {
  if (!hasZodFastifySchemaValidationErrors(err)) return undefined;
  return err.validation.slice(0, 20).map((v) => ({
    path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    message: v.message ?? 'invalid',
  }));
}

/**
 * A client's mistake reported by a library with an HTTP status of its own, such as
 * @fastify/send's 400 for a malformed path or 403 for an encoded "..": answered in catalogue
 * terms and not logged (a scanner would otherwise write a stack per request). A path the
 * static server refuses is answered like any path that does not exist.
 */
function clientStatusCode(err: FastifyError): keyof typeof ERRORS | undefined {
  if (err instanceof AppError) return undefined;
  const status = err.statusCode ?? (err as { status?: unknown }).status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 403 || status === 404 || status === 405) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  return 'validation_failed';
}

/**
 * Fastify's errors from before routing (FST_ERR_BAD_URL for `GET /%`), which would otherwise
 * answer with Fastify's own body: the catalogue shape, with the headers every answer carries.
 */
export function frameworkErrors(_err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send({ error: { code: 'validation_failed', message: ERRORS.validation_failed.message } });
}

const plugin: FastifyPluginAsync = async (app) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = (err.code ? FASTIFY_ERRORS[err.code] : undefined) ?? clientStatusCode(err);
    if (known) {
      const issues = issuesOf(err);
      return reply
        .code(ERRORS[known].status)
        .send({ error: { code: known, message: ERRORS[known].message, ...(issues ? { issues } : {}) } });
    }
    const mapped = mapError(err);
    if (mapped.unexpected) request.log.error({ err }, 'request failed');
    if (mapped.body.retryAfter) reply.header('retry-after', String(mapped.body.retryAfter));
    return reply.code(mapped.status).send({ error: mapped.body });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: ERRORS.not_found.message } }),
  );
};

export const errorHandlerPlugin = fp(plugin, { name: 'counter-error-handler', fastify: '5.x' });
