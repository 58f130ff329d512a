/**
 * The page a mail's link opens: the conversation, read-only, for whoever holds an unexpired
 * link signed for it (domain/mail/mail-link.ts). It grants no chat session and shows no
 * internal note; to write again the shopper returns to the shop, whose chat still holds their
 * conversation. The link's signature is in the URL, so the page sends no referrer and is not
 * cached or indexed.
 */
import { z } from '@counter/shared/schemas';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { linkValid } from '../domain/mail/mail-link.js';
import { mailText } from '../domain/mail/mail-text.js';
import { htmlHeaders } from './security-headers.js';

const params = z.object({ conversationId: z.string().min(1).max(64) });
const query = z.object({ e: z.coerce.number().int().positive(), s: z.string().regex(/^[0-9a-f]{64}$/) });

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TRANSCRIPT_LIMIT = 500;

export const mailLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store, clock } = app;
  app.get('/mail/conversation/:conversationId', { schema: { params, querystring: query } }, async (request, reply) => {
    const { conversationId } = request.params;
    const conversation = await store.conversations.byId(conversationId as never);
    const site = conversation ? await store.sites.byId(conversation.siteId) : null;
    const valid =
      conversation && site && linkValid(site.identitySecret, { conversationId, expiresAt: request.query.e, sig: request.query.s }, clock.now());
    htmlHeaders(reply, "'none'")
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex');
    if (!valid || !conversation || !site) {
      return reply.code(404).send('<!doctype html><meta charset="utf-8"><title>Link expired</title><p>This link has expired or is not valid.</p>');
    }
    const visitor = await store.visitors.byId(conversation.visitorId);
    const t = mailText(visitor?.locale === 'zh' ? 'zh' : 'en');
    const { messages } = await store.messages.after(conversation._id, 0, TRANSCRIPT_LIMIT, false);
    const rows = messages
      .filter((m) => m.kind === 'text' && m.author !== 'system')
      .map((m) => `<dt>${escapeHtml(m.author === 'visitor' ? t.you : (m.authorName ?? t.agent))}</dt><dd>${escapeHtml(m.text)}</dd>`)
      .join('');
    return reply.send(
      `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${escapeHtml(t.transcriptSubject(site.name))}</title></head><body>` +
        `<h1>${escapeHtml(t.transcriptSubject(site.name))}</h1><dl>${rows}</dl></body></html>`,
    );
  });
};
