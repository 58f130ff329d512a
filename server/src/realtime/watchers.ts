/**
 * Who follows a conversation live must still be allowed to see it. After it changed hands
 * (take, transfer, reassign) or someone's role or sites changed, every socket in its room is
 * checked against the domain's rules; those that lost access leave and are told. fetchSockets
 * and leave go through the adapter, so this holds across nodes.
 */
import type { AgentId, ConversationId } from '@counter/shared';
import { actorOf, type Actor } from '../domain/access.js';
import type { Services } from '../domain/services.js';
import { rooms, type AgentNamespace } from './types.js';

export function createWatcherCheck(agents: AgentNamespace, services: Services) {
  async function revalidate(conversationIds: readonly ConversationId[]): Promise<void> {
    // One read per agent per check, however many of their sockets or conversations are involved.
    const actors = new Map<AgentId, Promise<Actor | null>>();
    const actorFor = (agentId: AgentId) => {
      let actor = actors.get(agentId);
      if (!actor) {
        // An agent that cannot be read (deleted, or the store failing) fails closed: the
        // socket leaves the room; opening the conversation again re-checks from scratch.
        actor = services.agents.get(agentId).then(
          (agent) => (agent.active ? actorOf(agent) : null),
          () => null,
        );
        actors.set(agentId, actor);
      }
      return actor;
    };
    for (const conversationId of conversationIds) {
      const room = rooms.conversation(conversationId);
      const watchers = await agents.in(room).fetchSockets();
      if (!watchers.length) continue;
      const conversation = await services.conversations.byId(conversationId);
      for (const socket of watchers) {
        const actor = await actorFor(socket.data.agentId);
        if (conversation && actor && (await services.conversations.canSee(actor, conversation))) continue;
        socket.leave(room);
        socket.emit('conversation:removed', { conversationId, reason: 'access' });
      }
    }
  }

  /** Every conversation room the agent's open consoles follow. */
  async function followedBy(agentId: AgentId): Promise<ConversationId[]> {
    const followed = new Set<ConversationId>();
    for (const socket of await agents.in(rooms.agent(agentId)).fetchSockets()) {
      for (const room of socket.rooms) {
        const id = rooms.conversationIdOf(room);
        if (id) followed.add(id as ConversationId);
      }
    }
    return [...followed];
  }

  return { revalidate, followedBy };
}
