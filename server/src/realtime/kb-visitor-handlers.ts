/**
 * The knowledge base's shopper commands (issue 13). Registered with the other /visitor
 * commands, so they share the shopper's command budget (rate limit) and validation.
 */
import type { BotVisitorResults, KbVisitorResults } from '@counter/shared';
import type { botVisitorSchemas, kbVisitorSchemas } from '@counter/shared/schemas';
import { AppError } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import type { Handlers } from './commands.js';
import type { VisitorSocket } from './types.js';

type Schemas = typeof kbVisitorSchemas & typeof botVisitorSchemas;

export function kbVisitorHandlers(socket: VisitorSocket, services: Services): Handlers<Schemas, KbVisitorResults & BotVisitorResults> {
  const { kb, bot, visitors } = services;
  const me = async () => {
    const visitor = await visitors.byId(socket.data.visitorId);
    if (!visitor) throw new AppError('unauthorized');
    return visitor;
  };
  return {
    'bot:feedback': async ({ conversationId, helped }) => {
      await bot.feedback(await me(), conversationId, helped);
      return null;
    },
    'bot:handoff': async ({ conversationId }) => {
      await bot.handoff(await me(), conversationId);
      return null;
    },
    'kb:suggest': async ({ q, limit }) => ({ hits: await kb.find(socket.data.siteId, q, limit) }),
    'kb:article': async ({ articleId }) => ({ article: await kb.openForShopper(socket.data.siteId, articleId) }),
    'kb:top': async ({ locale, limit }) => ({ hits: await kb.top(socket.data.siteId, locale, limit) }),
  };
}
