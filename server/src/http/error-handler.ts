/**
 * Every REST error leaves in one shape, `{ error: { code, message, issues? } }`, with a code
 * from the catalogue: our AppErrors, the store's outages, Fastify's own errors and the zod
 * type provider's request validation failures (with their issues). A response that does not
 * match its schema (FST_ERR_RESPONSE_SERIALIZATION) is our bug: logged, answered `internal`.
 */
import { ERRORS, type ErrorIssue } from '@counter/shared';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
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

const plugin: FastifyPluginAsync = async (app) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
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
