/**
 * Reports (issue 15): GET /api/v1/reports/summary, /conversations (drill-down) and
 * /export.csv, for admins, supervisors and the owner of the sites asked about (agents: 403).
 */
import { Readable } from 'node:stream';
import {
  reportConversationsQuerySchema,
  reportExportQuerySchema,
  reportQuerySchema,
  type ReportConversationPage,
  type ReportSummary,
} from '@counter/shared';
import { z } from 'zod';
import { errorResponses } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ReportService } from '../domain/reports/report-service.js';
import { actor, requireAgent } from './auth-hooks.js';

/** A summary runs a few dozen store queries: enough for a person clicking, a bound for a script. */
const PER_MINUTE = 60;

/** Built by the server from the store's numbers, never from input: typed, not re-validated. */
const built = <T>() => z.custom<T>(() => true);

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new ReportService({ store: app.store, now: () => app.clock.now() });
  const limits = { rateLimit: { max: PER_MINUTE, timeWindow: 60_000 } };

  app.get(
    '/api/v1/reports/summary',
    { onRequest: requireAgent, config: limits, schema: { querystring: reportQuerySchema, response: { 200: built<ReportSummary>(), ...errorResponses } } },
    async (request) => service.summary(actor(request), request.query),
  );

  app.get(
    '/api/v1/reports/conversations',
    { onRequest: requireAgent, config: limits, schema: { querystring: reportConversationsQuerySchema, response: { 200: built<ReportConversationPage>(), ...errorResponses } } },
    async (request) => service.conversations(actor(request), request.query),
  );

  app.get(
    '/api/v1/reports/export.csv',
    { onRequest: requireAgent, config: limits, schema: { querystring: reportExportQuerySchema, response: { 200: z.unknown(), ...errorResponses } } },
    async (request, reply) => {
      const chunks = service.exportCsv(actor(request), request.query);
      const name = `counter-${request.query.kind}-${new Date(request.query.from).toISOString().slice(0, 10)}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(chunks));
    },
  );
};
