/**
 * The shopper's topic choice (issue 14 item 2). Registered with the other /visitor commands,
 * so it shares the shopper's command budget (rate limit) and validation.
 */
import type { TopicVisitorResults } from '@counter/shared';
import type { topicVisitorSchemas } from '@counter/shared/schemas';
import { AppError } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import { visitorConversationView } from '../domain/views.js';
import type { Handlers } from './commands.js';
import type { VisitorSocket } from './types.js';

export function topicVisitorHandlers(
  socket: VisitorSocket,
  services: Services,
  queueChanged: () => void,
): Handlers<typeof topicVisitorSchemas, TopicVisitorResults> {
  return {
    'conversation:topic': async ({ topic, locale }) => {
      const visitor = await services.visitors.byId(socket.data.visitorId);
      if (!visitor) throw new AppError('unauthorized');
      const conversation = await services.routing.chooseTopic(visitor, topic, locale);
      if (conversation.queuedAt !== null) queueChanged();
      return { conversation: visitorConversationView(conversation) };
    },
  };
}
