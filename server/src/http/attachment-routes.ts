/**
 * Attachments over HTTP (issue 12 item 5): the widget and the console upload a file, then send
 * it as a message over their socket (`attachment:send`); both read it back here.
 *
 * Who is asking: a shopper sends their visitor token as `Authorization: Bearer` with the
 * site in the query (like the widget's other calls; no cookie is involved); an agent has
 * the session cookie. The upload body is the file itself as application/octet-stream: the
 * cross-origin guard lets it through for these routes only, because, like JSON, a page
 * cannot send that type to another origin without a preflight we never grant.
 *
 * Served files never execute here: the stored type (sniffed at upload) is the Content-Type,
 * nosniff stops browsers guessing another, a sandboxing CSP leaves no script or origin, and
 * a PDF is a download rather than a page of ours.
 */
import type { AgentDoc, VisitorDoc } from '../store/documents.js';
import { attachmentIdParams, attachmentUploadQuery, attachmentUploadResponse, common, errorResponses, z } from '@counter/shared/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../domain/access.js';
import { attachmentMeta, type Readable } from '../domain/attachments.js';
import { AppError } from '../domain/errors.js';
import { requireAgent, session } from './auth-hooks.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;
const OCTET_STREAM = 'application/octet-stream';
/** The site of a shopper's request (their token belongs to it). */
const visitorQuery = z.looseObject({ siteId: common.siteId.optional() });

type Requester = { visitor: VisitorDoc } | { agent: AgentDoc };

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { attachments, visitors } = app.services;
  const maxBytes = app.config.attachmentMaxBytes;
  const requesters = new WeakMap<FastifyRequest, Requester>();

  // Scoped to this plugin: the raw bytes, capped before they are all read (413, nothing stored).
  app.addContentTypeParser(OCTET_STREAM, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));

  /** onRequest, before the body is read: a stranger's 10 MB is refused without being received. */
  const identify = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      await requireAgent(request, reply);
      requesters.set(request, { agent: session(request).agent });
      return;
    }
    const query = visitorQuery.safeParse(request.query);
    if (!query.success || !query.data.siteId) throw new AppError('unauthorized');
    const { visitor } = await visitors.authenticate(query.data.siteId, token);
    requesters.set(request, { visitor });
  };
  const requester = (request: FastifyRequest): Requester => {
    const found = requesters.get(request);
    if (!found) throw new AppError('unauthorized');
    return found;
  };

  app.post(
    '/api/v1/attachments',
    {
      onRequest: identify,
      bodyLimit: maxBytes,
      config: { binaryBody: true, rateLimit: { max: app.config.attachmentUploadsPerMinute, timeWindow: 60_000 } },
      schema: {
        querystring: attachmentUploadQuery,
        body: z.instanceof(Buffer),
        response: { 200: attachmentUploadResponse, ...errorResponses },
      },
    },
    async (request) => {
      const who = requester(request);
      const input = { ...request.query, bytes: request.body };
      const doc = 'visitor' in who ? await attachments.uploadAsVisitor(who.visitor, input) : await attachments.uploadAsAgent(who.agent, input);
      return { attachment: attachmentMeta(doc) };
    },
  );

  for (const [path, variant] of [['/api/v1/attachments/:id', 'original'], ['/api/v1/attachments/:id/thumb', 'thumb']] as const) {
    app.get(
      path,
      // File bytes, so no response schema (errors still leave in the catalogue shape).
      { onRequest: identify, schema: { params: attachmentIdParams } },
      async (request, reply) => {
        const who = requester(request);
        const { id } = request.params;
        const file =
          'visitor' in who
            ? await attachments.readAsVisitor(who.visitor, id, variant)
            : await attachments.readAsAgent(actorOf(who.agent), id, variant);
        return sendFile(reply, file);
      },
    );
  }
};

function sendFile(reply: FastifyReply, file: Readable): FastifyReply {
  const inline = file.mime.startsWith('image/');
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.doc.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cross-origin-resource-policy', 'same-origin')
    // A stored file never changes under its id; only this person's browser keeps it.
    .header('cache-control', 'private, max-age=86400, immutable')
    .send(file.bytes);
}

/** RFC 6266: an ASCII fallback name plus the exact name in UTF-8 (RFC 8187). */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
