/** The /agent commands of the supervisor live view (issue 15 items 4-5); the domain checks every permission. */
import type { AgentResults } from '@counter/shared';
import type { SupervisorSchemas } from '@counter/shared/schemas';
import { actorOf } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import { conversationView, messageView } from '../domain/views.js';
import type { AgentDoc } from '../store/documents.js';
import type { Handlers } from './commands.js';
import { supervisorRoom } from './supervisor-room.js';
import type { AgentSocket } from './types.js';

export function supervisorHandlers(socket: AgentSocket, services: Services): Handlers<SupervisorSchemas, AgentResults> {
  const { supervisor } = services;
  /** Read per command: role and sites may change at any time. */
  const me = async (): Promise<AgentDoc> => {
    const agent = await services.agents.get(socket.data.agentId).catch(() => null);
    if (!agent?.active) throw new AppError('unauthorized');
    return agent;
  };
  return {
    'supervisor:watch': async ({ siteId }) => {
      const view = await supervisor.watch(actorOf(await me()), siteId);
      void socket.join(supervisorRoom(siteId));
      return { view };
    },
    'supervisor:unwatch': async ({ siteId }) => {
      void socket.leave(supervisorRoom(siteId));
      return null;
    },
    'supervisor:whisper': async (input) => ({ message: messageView((await supervisor.whisper(await me(), input)).message) }),
    'supervisor:take-over': async ({ conversationId }) => ({
      conversation: conversationView(await supervisor.takeOver(actorOf(await me()), conversationId)),
    }),
    'supervisor:move': async ({ conversationId, toAgentId }) => ({
      conversation: conversationView(await supervisor.move(actorOf(await me()), conversationId, toAgentId)),
    }),
    'supervisor:mitigate': async ({ siteId, action }) => ({ action, affected: await supervisor.mitigate(await me(), siteId, action) }),
  };
}
