import type { AgentResults } from '@counter/shared';
import { agentSchemas, z } from '@counter/shared/schemas';
import { SESSION_COOKIE } from '../http/session-cookie.js';
import { actorOf, siteScope, supervises, type Actor } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import { scopedQueue } from '../domain/scoped-queue.js';
import { conversationView, messageView, visitorProfileView, visitorSummaryView } from '../domain/views.js';
import type { AgentDoc } from '../store/documents.js';
import { registerCommands, type Handlers } from './commands.js';
import { supervisorHandlers } from './supervisor-handlers.js';
import { handshake, readCookie } from './handshake.js';
import { KeyedBuckets } from './rate-limiter.js';
import { rooms, type AgentNamespace, type AgentSocket, type VisitorNamespace } from './types.js';
import type { NamespaceOptions } from './visitor-namespace.js';

const handshakeAuth = z.object({ v: z.number() });

export interface AgentNamespaceOptions extends NamespaceOptions {
  /** Socket handlers still writing (presence); shutdown waits for them before closing the store. */
  track: (work: Promise<unknown>) => void;
}

/** /agent: staff, authenticated by the session cookie set at login. */
export function setupAgentNamespace(nsp: AgentNamespace, visitors: VisitorNamespace, options: AgentNamespaceOptions): void {
  const { services, log } = options;
  // Per agent, not per socket: ten consoles of one agent share one budget.
  const buckets = new KeyedBuckets(options.eventsPerSecond, options.eventsPerSecond * 3);

  nsp.use(
    handshake(handshakeAuth, { trustProxy: options.trustProxy, log, namespace: 'agent' }, async (socket: AgentSocket) => {
      const { agent, sessionId, expiresAt } = await services.auth.authenticate(
        readCookie(socket.handshake.headers.cookie, SESSION_COOKIE),
      );
      socket.data = { agentId: agent._id, sessionId, role: agent.role, name: agent.name, expiresAt };
    }),
  );

  nsp.on('connection', (socket: AgentSocket) => {
    const { agentId, sessionId } = socket.data;
    void socket.join([rooms.agent(agentId), rooms.session(sessionId)]);
    options.track(
      services.agents
        .socketOpened(agentId, socket.id)
        .then(async () => socket.emit('agent:updated', { agent: await services.agents.view(await services.agents.get(agentId)) }))
        .catch((err: unknown) => log.error({ err }, 'agent socket open failed')),
    );
    const expiry = closeWhenSessionEnds(socket);
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      options.track(services.agents.socketClosed(agentId, socket.id).catch((err: unknown) => log.error({ err }, 'agent socket close failed')));
    });
    registerCommands(socket, agentSchemas, agentHandlers(socket, visitors, options), () => buckets.take(agentId), log);
  });
}

/** setTimeout's limit (about 24.8 days); a longer session is re-armed on the next connection anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A session that expires while its console is open ends there too, as a revoked one does:
 * `session:revoked`, then the socket closes (the console shows the sign-in page).
 */
function closeWhenSessionEnds(socket: AgentSocket): NodeJS.Timeout {
  const timer = setTimeout(
    () => {
      socket.emit('session:revoked');
      socket.disconnect(true);
    },
    Math.min(Math.max(0, socket.data.expiresAt - Date.now()), MAX_TIMER_MS),
  );
  timer.unref();
  return timer;
}

function agentHandlers(
  socket: AgentSocket,
  visitors: VisitorNamespace,
  { services, mail }: NamespaceOptions,
): Handlers<typeof agentSchemas, AgentResults> {
  const { conversations, router, agents, sites } = services;
  /** Read per command: role, capacity and activation may change at any time. */
  const me = async (): Promise<AgentDoc> => {
    const agent = await agents.get(socket.data.agentId).catch(() => null);
    if (!agent?.active) throw new AppError('unauthorized');
    return agent;
  };
  const actor = async (): Promise<Actor & { agent: AgentDoc }> => {
    const agent = await me();
    return { agent, ...actorOf(agent) };
  };
  const view = conversationView;

  return {
    'agent:status': async ({ status }) => ({ agent: await agents.setStatus(await me(), status) }),
    'inbox:list': async () => {
      const { agentId } = await actor();
      const held = await conversations.inbox(agentId);
      const profiles = await services.visitors.byIds(held.map((c) => c.visitorId));
      const byId = new Map(profiles.map((v) => [v._id, v]));
      return {
        items: held.flatMap((c) => {
          const visitor = byId.get(c.visitorId);
          return visitor ? [{ conversation: view(c), visitor: visitorSummaryView(visitor) }] : [];
        }),
      };
    },
    'queue:list': async () => {
      const a = await actor();
      return scopedQueue(await router.queueSnapshot(), siteScope(a));
    },
    'agents:list': async () => ({ agents: await agents.summaries(await actor()) }),
    'sites:list': async () => ({ sites: await sites.summariesFor(await actor()) }),
    'conversation:open': async ({ conversationId }) => {
      const a = await actor();
      const conversation = await conversations.forAgent(a, conversationId);
      const visitor = await services.visitors.byId(conversation.visitorId);
      if (!visitor) throw new AppError('not_found');
      void socket.join(rooms.conversation(conversation._id));
      const previous = await conversations.previous(conversation);
      return { conversation: view(conversation), visitor: visitorProfileView(visitor), previous: previous.map(view) };
    },
    'conversation:take': async ({ conversationId }) => {
      return { conversation: view(await router.take(await actor(), conversationId)) };
    },
    'conversation:resolve': async ({ conversationId }) => ({
      conversation: view(await router.resolve(await actor(), conversationId)),
    }),
    'conversation:reopen': async ({ conversationId }) => ({
      conversation: view(await router.reopen(await actor(), conversationId)),
    }),
    'conversation:transfer': async ({ conversationId, toAgentId, note }) => {
      const a = await actor();
      const moved = await router.transfer(a, conversationId, toAgentId, async (c) => {
        if (note) await conversations.note(a.agent, c, note);
      });
      return { conversation: view(moved) };
    },
    'conversation:tags': async ({ conversationId, tags }) => ({
      conversation: view(await conversations.setTags(await actor(), conversationId, tags)),
    }),
    'message:send': async (input) => {
      const a = await actor();
      const { message } = await conversations.sendAsAgent(a.agent, input, undefined, socket.id);
      return { message: messageView(message) };
    },
    'message:history': async (query) => {
      const conversation = await conversations.forAgent(await actor(), query.conversationId);
      const page = await conversations.history(conversation, query, true);
      return { messages: page.messages.map(messageView), hasMore: page.hasMore };
    },
    'message:read': async ({ conversationId, seq }) => {
      const conversation = await conversations.forAgent(await actor(), conversationId);
      return { seq: await conversations.markRead(conversation, 'agent', seq) };
    },
    'typing:set': async ({ conversationId, typing }) => {
      const a = await actor();
      const conversation = await conversations.forAgent(a, conversationId);
      if (conversation.agentId === a.agentId || supervises(a, conversation.siteId)) {
        visitors
          .to(rooms.visitor(conversation.visitorId))
          .emit('typing:changed', { conversationId: conversation._id, typing, name: a.agent.name });
      }
      return null;
    },
    'orders:list': async ({ conversationId }) => services.orders.listForAgent(await me(), conversationId),
    'order:get': async ({ conversationId, orderId }) => services.orders.getForAgent(await me(), conversationId, orderId),
    'order:reveal': async ({ conversationId, orderId }) => services.orders.reveal(await me(), conversationId, orderId),
    // ---- attachments (issue 12 item 5)
    'attachment:send': async (input) => ({
      message: messageView((await services.attachments.sendAsAgent(await me(), input)).message),
    }),
    // After-sales (issue 12): every limit is checked in the domain, whatever the console drew.
    'order:action': async (input) => ({ action: await services.afterSales.request(await me(), input) }),
    'approvals:list': async ({ state }) => ({ actions: await services.afterSales.approvals(await me(), state) }),
    'approval:decide': async (input) => ({ action: await services.afterSales.decide(await me(), input) }),
    'action-limits:get': async ({ siteId }) => services.afterSales.limitsFor(await me(), siteId),
    'action-limits:set': async ({ siteId, limits }) => ({ limits: await services.afterSales.setLimits(await me(), siteId, limits) }),
    'action-audit:list': async (query) => ({ entries: await services.afterSales.auditFor(await me(), query) }),
    // ---- the shopper's returns (issue 12 item 4)
    'returns:list': async ({ conversationId }) => ({ requests: await services.returns.forConversation(await me(), conversationId) }),
    'return:decide': async (input) => ({ request: await services.returns.decide(await me(), input) }),
    'return-policy:get': async ({ siteId }) => ({ policy: await services.returns.policyFor(await me(), siteId) }),
    'return-policy:set': async ({ siteId, policy }) => ({ policy: await services.returns.setPolicy(await me(), siteId, policy) }),
    'conversation:reach': async ({ conversationId }) => ({
      reach: await mail.reach(await conversations.forAgent(await actor(), conversationId)),
    }),
    // ---- supervisor live view and peak warning (issue 15 items 4-5)
    ...supervisorHandlers(socket, services),
  };
}
