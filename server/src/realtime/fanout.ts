/**
 * Domain events -> socket events, to the right rooms. Shoppers get only what concerns them
 * and never an internal note; agents get their own conversations and those they watch.
 * Rooms span nodes through the adapter, so a fact published on one node reaches all.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DomainEvent } from '../domain/events.js';
import { scopedQueue } from '../domain/scoped-queue.js';
import { actorOf, supervises } from '../domain/access.js';
import type { Services } from '../domain/services.js';
import {
  conversationView,
  messageView,
  visitorConversationView,
  visitorMessageView,
  visitorProfileView,
  visitorSummaryView,
} from '../domain/views.js';
import type { ConversationDoc } from '../store/documents.js';
import { coalesce } from './coalesce.js';
import { rooms, type AgentNamespace, type VisitorNamespace } from './types.js';
import { createWatcherCheck } from './watchers.js';

const QUEUE_BROADCAST_MS = 100;
const AVAILABILITY_BROADCAST_MS = 250;

export function createFanout(visitors: VisitorNamespace, agents: AgentNamespace, services: Services, log: FastifyBaseLogger) {
  const onError = (err: unknown) => log.error({ err }, 'broadcast failed');

  const queue = coalesce(
    async () => {
      const snapshot = await services.router.queueSnapshot();
      // Each group of staff sees its own sites' queue: one emit per group, to its agents' rooms.
      for (const { agentIds, scope } of await services.agents.audiences()) {
        agents.to(agentIds.map(rooms.agent)).emit('queue:updated', scopedQueue(snapshot, scope));
      }
      for (const { visitorId, conversationId, position, etaSeconds } of snapshot.positions) {
        visitors.to(rooms.visitor(visitorId)).emit('queue:position', { conversationId, position, etaSeconds });
      }
    },
    QUEUE_BROADCAST_MS,
    onError,
  );

  const availability = coalesce(
    async () => {
      for (const site of await services.sites.listDocs()) {
        visitors.to(rooms.site(site._id)).emit('availability:changed', await services.router.availability(site));
      }
    },
    AVAILABILITY_BROADCAST_MS,
    onError,
  );

  const watchers = createWatcherCheck(agents, services);

  const agentRooms = (c: ConversationDoc) =>
    c.agentId ? [rooms.agent(c.agentId), rooms.conversation(c._id)] : [rooms.conversation(c._id)];

  function conversationUpdated(c: ConversationDoc, after?: string) {
    agents.to(agentRooms(c)).emit('conversation:updated', { conversation: conversationView(c) });
    // The shopper's own message (or a note) moves only counters the widget does not show or
    // derives from the messages (lastSeq, preview): one socket write per message saved.
    if (after === 'visitor' || after === 'note') return;
    visitors.to(rooms.visitor(c.visitorId)).emit('conversation:updated', { conversation: visitorConversationView(c) });
  }

  async function handle(event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'message.created': {
        const { conversation: c, message, origin } = event;
        // The sending connection has the message in its ack; its owner's other tabs get it here.
        const skip = origin ?? [];
        agents.to(agentRooms(c)).except(skip).emit('message:created', { message: messageView(message) });
        if (message.kind !== 'note') {
          visitors.to(rooms.visitor(c.visitorId)).except(skip).emit('message:created', { message: visitorMessageView(message) });
        }
        return;
      }
      case 'conversation.updated':
        return conversationUpdated(event.conversation, event.after);
      case 'conversation.assigned': {
        const { conversation: c, visitor, reason } = event;
        agents.to(rooms.agent(c.agentId!)).emit('conversation:assigned', {
          item: { conversation: conversationView(c), visitor: visitorSummaryView(visitor) },
          reason,
        });
        agents.to(rooms.conversation(c._id)).emit('conversation:updated', { conversation: conversationView(c) });
        visitors.to(rooms.visitor(c.visitorId)).emit('conversation:updated', { conversation: visitorConversationView(c) });
        // Watchers who opened it while it waited lose it now that someone holds it.
        return watchers.revalidate([c._id]);
      }
      case 'conversation.unassigned': {
        const { conversation: c, agentId, reason } = event;
        agents.to(rooms.agent(agentId)).emit('conversation:removed', { conversationId: c._id, reason });
        // They no longer follow it live (a supervisor can open it again).
        agents.in(rooms.agent(agentId)).socketsLeave(rooms.conversation(c._id));
        return watchers.revalidate([c._id]);
      }
      case 'access.changed':
        queue.trigger();
        return watchers.revalidate(await watchers.followedBy(event.agentId));
      case 'visitor.session.revoked':
        visitors.in(rooms.visitorToken(event.tokenHash)).disconnectSockets(true);
        return;
      case 'queue.changed':
        return queue.trigger();
      case 'availability.changed':
        return availability.trigger();
      case 'visitor.updated': {
        const open = await services.conversations.openFor(event.visitor._id);
        if (open) agents.to(agentRooms(open)).emit('visitor:updated', { visitor: visitorProfileView(event.visitor) });
        return;
      }
      case 'agent.updated':
        agents.to(rooms.agent(event.agent.id)).emit('agent:updated', { agent: event.agent });
        return;
      case 'order-action.updated': {
        // The requester and whoever may decide on it (the site's supervisors, admins, the owner).
        const { action } = event;
        const deciders = (await services.agents.audiences()).filter((g) => g.scope === null || g.scope.includes(action.siteId));
        const ids = new Set([action.requestedBy.id, ...deciders.flatMap((g) => g.agentIds)]);
        const staff = await Promise.all([...ids].map((id) => services.agents.get(id).catch(() => null)));
        const to = staff.filter((a) => a && (a._id === action.requestedBy.id || supervises(actorOf(a), action.siteId))).map((a) => rooms.agent(a!._id));
        if (to.length) agents.to(to).emit('order-action:updated', { action });
        return;
      }
      // ---- live return card (issue 12 leftovers): whoever has the conversation open or assigned.
      case 'return.updated': {
        const conversation = await services.conversations.byId(event.request.conversationId);
        if (conversation) agents.to(agentRooms(conversation)).emit('return:updated', { request: event.request });
        return;
      }
      // ---- response targets (issue 14, item 4): the domain named who hears it.
      case 'target.escalated':
        if (event.to.length) agents.to(event.to.map(rooms.agent)).emit('target:escalated', { escalation: event.escalation });
        return;
      case 'target.offered':
        if (event.to.length) agents.to(event.to.map(rooms.agent)).emit('target:offered', { escalation: event.escalation });
        return;
      case 'target.settings': {
        // Everyone who works for the site (their badges count down with these targets).
        const to = (await services.agents.audiences()).filter((g) => g.scope === null || g.scope.includes(event.siteId));
        const ids = to.flatMap((g) => g.agentIds);
        if (ids.length) agents.to(ids.map(rooms.agent)).emit('target:settings', { siteId: event.siteId, targets: event.targets });
        return;
      }
      case 'sessions.revoked':
        for (const id of event.sessionIds) {
          agents.to(rooms.session(id)).emit('session:revoked');
          agents.in(rooms.session(id)).disconnectSockets(true);
        }
        return;
    }
  }

  return {
    publish(event: DomainEvent) {
      handle(event).catch(onError);
    },
    queueChanged: queue.trigger,
    async stop() {
      await Promise.all([queue.stop(), availability.stop()]);
    },
  };
}
