import type { ConversationId, VisitorResults } from '@counter/shared';
import { botVisitorSchemas, common, kbVisitorSchemas, topicVisitorSchemas, visitorSchemas, z } from '@counter/shared/schemas';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import { originAllowed } from '../domain/sites.js';
import { sha256 } from '../domain/crypto.js';
import { visitorConversationView, visitorMessageView } from '../domain/views.js';
import type { VisitorDoc } from '../store/documents.js';
import type { OfflineMail } from '../domain/mail/offline-mail.js';
import { registerCommands, type Handlers } from './commands.js';
import { handshake } from './handshake.js';
import { kbVisitorHandlers } from './kb-visitor-handlers.js';
import { topicVisitorHandlers } from './topic-visitor-handlers.js';
import { KeyedBuckets, SocketCounter } from './rate-limiter.js';
import { rooms, type AgentNamespace, type VisitorNamespace, type VisitorSocket } from './types.js';

const handshakeAuth = z.object({
  v: z.number(),
  siteId: common.siteId,
  token: z.string().min(1).max(128),
  pageOrigin: z.string().max(255),
});

export interface NamespaceOptions {
  services: Services;
  log: FastifyBaseLogger;
  eventsPerSecond: number;
  trustProxy: boolean;
  /** Open sockets allowed per visitor token on this node (visitor namespace only). */
  socketsPerToken?: number;
  /** Queue positions changed: coalesced broadcast (see fanout). */
  queueChanged: () => void;
  /** Mail to shoppers (offline replies, transcripts). */
  mail: OfflineMail;
}

/**
 * /visitor: untrusted shoppers. A visitor reaches only their own conversations. Limits
 * belong to the shopper, not to a socket: one command budget per visitor and a cap on open
 * sockets per token (on this node; see README "What is throttled").
 */
export function setupVisitorNamespace(nsp: VisitorNamespace, agents: AgentNamespace, options: NamespaceOptions): void {
  const { services, log } = options;
  const buckets = new KeyedBuckets(options.eventsPerSecond, options.eventsPerSecond * 4);
  const open = new SocketCounter(options.socketsPerToken ?? 5);

  nsp.use(
    handshake(handshakeAuth, { trustProxy: options.trustProxy, log, namespace: 'visitor' }, async (socket: VisitorSocket, auth) => {
      const siteId = auth.siteId;
      const site = await services.sites.get(siteId);
      if (!originAllowed(site, auth.pageOrigin)) return 'origin_not_allowed';
      const session = await services.visitors.authenticate(siteId, auth.token);
      // Gone during the handshake: nothing to count, nobody to answer.
      if (socket.conn.readyState !== 'open') return 'unauthorized';
      // The newest socket is the one refused: closing an older one would make its tab
      // reconnect and refuse another, round and round.
      if (!open.add(session.tokenHash)) return 'too_many_connections';
      socket.data = { siteId, visitorId: session.visitor._id, tokenHash: session.tokenHash };
      // Counted once the handshake passed; released on disconnect, or when the connection
      // closes before the socket connected (Socket.IO then emits no disconnect).
      let counted = true;
      const release = () => {
        if (counted) open.release(socket.data.tokenHash);
        counted = false;
      };
      socket.conn.once('close', release);
      socket.once('disconnect', () => {
        socket.conn.off('close', release);
        release();
      });
    }),
  );

  nsp.on('connection', (socket: VisitorSocket) => {
    void socket.join([
      rooms.visitor(socket.data.visitorId),
      rooms.site(socket.data.siteId),
      rooms.visitorToken(socket.data.tokenHash),
    ]);
    const handlers = visitorHandlers(socket, agents, options, (from, to) => {
      open.release(from);
      open.add(to, true);
    });
    // One registration (one unknown-command answer) for the chat's and the knowledge base's commands.
    const schemas = { ...visitorSchemas, ...kbVisitorSchemas, ...botVisitorSchemas, ...topicVisitorSchemas };
    const more = { ...kbVisitorHandlers(socket, services), ...topicVisitorHandlers(socket, services, options.queueChanged) };
    registerCommands(socket, schemas, { ...handlers, ...more }, () => buckets.take(socket.data.visitorId), log);
    services.sites
      .get(socket.data.siteId)
      .then((site) => services.router.availability(site))
      .then((availability) => socket.emit('availability:changed', availability))
      .catch((err: unknown) => log.warn({ err }, 'availability on connect failed'));
  });
}

function visitorHandlers(
  socket: VisitorSocket,
  agents: AgentNamespace,
  { services, queueChanged, mail }: NamespaceOptions,
  /** The socket now holds another token: its place under the cap moves along. */
  tokenChanged: (from: string, to: string) => void,
): Handlers<typeof visitorSchemas, VisitorResults> {
  const { conversations, visitors } = services;
  /**
   * Per command: identity, name and tier may change from another tab. Served by the node's
   * visitor cache (store/visitor-cache.ts), which every visitor write invalidates on every node.
   */
  const me = async (): Promise<VisitorDoc> => {
    const visitor = await visitors.byId(socket.data.visitorId);
    if (!visitor) throw new AppError('unauthorized');
    return visitor;
  };
  const mine = async (id: ConversationId) => conversations.forVisitor(await me(), id);

  return {
    'conversation:start': async ({ locale }) => {
      const conversation = await conversations.start(await me(), locale);
      if (conversation.queuedAt !== null) queueChanged();
      return { conversation: visitorConversationView(conversation) };
    },
    'conversation:list': async () => ({
      conversations: (await conversations.listForVisitor(await me())).map(visitorConversationView),
    }),
    'message:send': async (input) => {
      const { message } = await conversations.sendAsVisitor(await me(), input, undefined, socket.id);
      return { message: visitorMessageView(message) };
    },
    'message:history': async (query) => {
      const page = await conversations.history(await mine(query.conversationId), query, false);
      return { messages: page.messages.map(visitorMessageView), hasMore: page.hasMore };
    },
    'message:read': async ({ conversationId, seq }) => ({
      seq: await conversations.markRead(await mine(conversationId), 'visitor', seq),
    }),
    'typing:set': async ({ conversationId, typing }) => {
      const conversation = await mine(conversationId);
      if (conversation.agentId && conversation.status === 'assigned') {
        agents
          .to([rooms.agent(conversation.agentId), rooms.conversation(conversation._id)])
          .emit('typing:changed', { conversationId: conversation._id, typing });
      }
      return null;
    },
    'conversation:rate': async (input) => {
      const rated = await conversations.rate(await me(), input);
      // The NPS question (issue 15 leftovers) follows the rating where the site asks it.
      return { conversation: visitorConversationView(rated), ...((await services.nps.asks(rated)) && { askNps: true }) };
    },
    'conversation:leave-message': async (input) => {
      const { message, conversation } = await conversations.leaveMessage(await me(), input);
      return { conversation: visitorConversationView(conversation), message: visitorMessageView(message) };
    },
    'visitor:identify': async (input) => {
      const visitor = await me();
      const result = await visitors.identify({ visitor, tokenHash: socket.data.tokenHash }, input);
      if (result.visitor._id !== visitor._id) {
        // This browser is now the customer's visitor record: follow it at once.
        void socket.leave(rooms.visitor(visitor._id));
        void socket.join(rooms.visitor(result.visitor._id));
        socket.data.visitorId = result.visitor._id;
      }
      if (result.token) {
        // Shop logout of the new token must reach this socket; the old token is gone.
        void socket.leave(rooms.visitorToken(socket.data.tokenHash));
        const next = sha256(result.token);
        tokenChanged(socket.data.tokenHash, next);
        socket.data.tokenHash = next;
        void socket.join(rooms.visitorToken(socket.data.tokenHash));
      }
      return { verified: result.verified, visitorId: result.visitor._id, token: result.token };
    },
    'visitor:context': async (input) => {
      await visitors.setContext(await me(), input);
      return null;
    },
    'orders:mine': async () => services.orders.mine(await me()),
    'order:get': async ({ orderId }) => ({ order: await services.orders.getForShopper(await me(), orderId) }),
    'order:lookup': async (input) => ({ order: await services.orders.lookup(await me(), input) }),
    'order:card': async (input) => {
      const { message } = await services.orders.sendCard(await me(), input);
      return { message };
    },
    'product:card': async (input) => ({
      message: visitorMessageView((await conversations.sendProduct(await me(), input)).message),
    }),
    // ---- attachments (issue 12 item 5)
    'attachment:send': async (input) => ({
      message: visitorMessageView((await services.attachments.sendAsVisitor(await me(), input)).message),
    }),
    'conversation:email-transcript': async ({ conversationId, email }) => {
      const visitor = await me();
      return mail.requestTranscript(visitor, await conversations.forVisitor(visitor, conversationId), email);
    },
    // ---- the shopper's returns (issue 12 item 4)
    'returns:policy': async () => ({ policy: await services.returns.policy((await me()).siteId) }),
    'return:file': async (input) => ({ request: await services.returns.file(await me(), input) }),
    'returns:mine': async () => ({ requests: await services.returns.mine(await me()) }),
    // ---- NPS after the rating (issue 15 leftovers)
    'conversation:nps': async (input) => services.nps.answer(await me(), input),
  };
}
