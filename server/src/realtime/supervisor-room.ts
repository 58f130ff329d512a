/**
 * The supervisor live view over /agent (issue 15 item 4). Supervisors join one room per
 * watched site; a change that moves the picture (queue, assignment, message, agent status)
 * triggers one coalesced recompute per watched site, emitted once to the room: many changes
 * within the window cost one computation, and nobody polls. A slow timer moves the clocks
 * of the forecast while nothing happens. The room is checked on joining and again whenever
 * a member's role or sites change.
 */
import type { AgentId, SiteId } from '@counter/shared';
import type { FastifyBaseLogger } from 'fastify';
import { actorOf, supervises } from '../domain/access.js';
import type { DomainEvent } from '../domain/events.js';
import type { Services } from '../domain/services.js';
import { coalesce } from './coalesce.js';
import { rooms, type AgentNamespace } from './types.js';

const REFRESH_MS = 500;
/** The forecast and waits move with time alone; this keeps an idle view honest. */
const IDLE_REFRESH_MS = 30_000;
const PREFIX = 'sup:';

export const supervisorRoom = (siteId: string) => `${PREFIX}${siteId}`;

/** Events after which a supervisor's picture may differ. */
const MOVES_THE_VIEW = new Set<DomainEvent['type']>([
  'queue.changed',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.updated',
  'message.created',
  'agent.updated',
  'availability.changed',
]);

export function createSupervisorBroadcast(agents: AgentNamespace, services: Services, log: FastifyBaseLogger) {
  const refresh = coalesce(
    async () => {
      for (const site of await services.sites.listDocs()) {
        const room = supervisorRoom(site._id);
        // Across nodes: the adapter knows who is in the room anywhere.
        if (!(await agents.in(room).fetchSockets()).length) continue;
        agents.to(room).emit('supervisor:updated', { view: await services.supervisor.viewOf(site._id) });
      }
    },
    REFRESH_MS,
    (err) => log.error({ err }, 'supervisor view broadcast failed'),
  );
  const idle = setInterval(refresh.trigger, IDLE_REFRESH_MS);
  idle.unref();

  /** Sockets of an agent whose access changed leave the supervisor rooms they may no longer watch. */
  async function recheck(agentId: AgentId): Promise<void> {
    const agent = await services.agents.get(agentId).catch(() => null);
    const actor = agent?.active ? actorOf(agent) : null;
    for (const socket of await agents.in(rooms.agent(agentId)).fetchSockets()) {
      for (const room of socket.rooms) {
        if (!room.startsWith(PREFIX)) continue;
        if (actor && supervises(actor, room.slice(PREFIX.length) as SiteId)) continue;
        socket.leave(room);
      }
    }
  }

  function handle(event: DomainEvent): void {
    if (MOVES_THE_VIEW.has(event.type)) return refresh.trigger();
    if (event.type === 'access.changed') {
      recheck(event.agentId).catch((err: unknown) => log.error({ err }, 'supervisor room recheck failed'));
      return;
    }
    if (event.type === 'supervisor.call-in') {
      const { agentIds, siteId, siteName, by } = event;
      if (agentIds.length) agents.to(agentIds.map(rooms.agent)).emit('supervisor:call-in', { siteId, siteName, by });
    }
  }

  return {
    handle,
    async stop() {
      clearInterval(idle);
      await refresh.stop();
    },
  };
}
