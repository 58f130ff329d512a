/**
 * The knowledge base's shopper commands (issue 13). Registered with the other /visitor
 * commands, so they share the shopper's command budget (rate limit) and validation.
 */
import type { KbVisitorResults } from '@counter/shared';
import type { kbVisitorSchemas } from '@counter/shared/schemas';
import type { Services } from '../domain/services.js';
import type { Handlers } from './commands.js';
import type { VisitorSocket } from './types.js';

export function kbVisitorHandlers(socket: VisitorSocket, services: Services): Handlers<typeof kbVisitorSchemas, KbVisitorResults> {
  const { kb } = services;
  return {
    'kb:suggest': async ({ q, limit }) => ({ hits: kb.search(socket.data.siteId, q, limit) }),
    'kb:article': async ({ articleId }) => ({ article: await kb.openForShopper(socket.data.siteId, articleId) }),
    'kb:top': async ({ locale, limit }) => ({ hits: await kb.top(socket.data.siteId, locale, limit) }),
  };
}
