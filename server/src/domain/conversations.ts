import type { AgentId, AttachmentMeta, ClientMessageId, ConversationId, Locale, OrderCard, ProductContext, VisitorId } from '@counter/shared';
import type {
  agentMessageSend,
  common,
  leaveMessage,
  rate,
  visitorMessageSend,
  z,
} from '@counter/shared/schemas';
import type { AgentDoc, ConversationDoc, MessageDoc, VisitorDoc } from '../store/documents.js';
import type { MessagePage } from '../store/repositories/messages.js';
import { DuplicateKeyError } from '../store/errors.js';
import { derivedId, newClientMessageId, newId } from './crypto.js';
import { AppError, forbidden, notFound } from './errors.js';
import { newConversationDoc } from './new-documents.js';
import { actorOf, inSite, supervises, type Actor } from './access.js';
import type { DomainDeps } from './deps.js';

/** VIP shoppers (verified, signed tier) go ahead of others in the queue. */
export const priorityOf = (visitor: VisitorDoc): number => (visitor.verified && visitor.tier === 'vip' ? 1 : 0);

const attachedKind = (attached?: { card: OrderCard } | { product: ProductContext } | { attachment: AttachmentMeta }) =>
  !attached ? 'text' : 'card' in attached ? 'order' : 'product' in attached ? 'product' : 'attachment';

export interface Sent {
  message: MessageDoc;
  conversation: ConversationDoc;
  /** Routing started by this message (the first one), which continues after the ack. */
  routing?: Promise<void>;
}

export class ConversationService {
  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'events' | 'log' | 'lock' | 'router' | 'onError'>) {}

  // ---- shopper side ------------------------------------------------------------------

  /**
   * The shopper's open conversation, or a new one (not queued until they write). However many
   * sockets race here, the store lets one insert win (the unique `openKey`); the others read
   * the winner. The read first only saves an insert in the common case.
   */
  async start(visitor: VisitorDoc, locale?: Locale, id?: ConversationId): Promise<ConversationDoc> {
    if (locale && !visitor.locale) await this.deps.store.visitors.update(visitor._id, { locale });
    // A few rounds: the open one may be resolved between a refused insert and the read.
    for (let round = 0; round < 3; round++) {
      const open = await this.deps.store.conversations.openForVisitor(visitor._id);
      if (open) return open;
      const conversation = newConversationDoc({
        _id: id ?? newId<ConversationId>(),
        siteId: visitor.siteId,
        visitorId: visitor._id,
        priority: priorityOf(visitor),
        now: this.deps.clock.now(),
      });
      try {
        await this.deps.store.conversations.create(conversation);
        return conversation;
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
        // A derived id (leave-message) that exists already: that conversation is the answer.
        const existing = id ? await this.deps.store.conversations.byId(id) : null;
        if (existing?.visitorId === visitor._id) return existing;
      }
    }
    throw new AppError('conflict', { message: 'The conversation changed meanwhile; retry.' });
  }

  byId(id: ConversationId): Promise<ConversationDoc | null> {
    return this.deps.store.conversations.byId(id);
  }

  openFor(visitorId: VisitorId): Promise<ConversationDoc | null> {
    return this.deps.store.conversations.openForVisitor(visitorId);
  }

  async listForVisitor(visitor: VisitorDoc): Promise<ConversationDoc[]> {
    return this.deps.store.conversations.listForVisitor(visitor._id, 20);
  }

  /** A shopper's own conversation; anyone else's is "not found", never "forbidden". */
  async forVisitor(visitor: VisitorDoc, id: ConversationId): Promise<ConversationDoc> {
    const conversation = await this.deps.store.conversations.byId(id);
    if (!conversation || conversation.visitorId !== visitor._id) throw notFound();
    return conversation;
  }

  /**
   * attached: an order card (kind "order") or the product on screen (kind "product"); `text` is
   * then the card's one-line fallback ("Order #1042", the product's title).
   */
  async sendAsVisitor(
    visitor: VisitorDoc,
    input: z.output<typeof visitorMessageSend>,
    attached?: { card: OrderCard } | { product: ProductContext } | { attachment: AttachmentMeta },
    origin?: string,
  ): Promise<Sent> {
    const conversation = await this.forVisitor(visitor, input.conversationId);
    if (conversation.status === 'resolved') {
      // A retry of a send that landed before the conversation was resolved still gets its ack.
      const retried = await this.deps.store.messages.byClientId(conversation._id, input.clientId);
      if (retried) return { message: retried, conversation };
      throw new AppError('conversation_resolved');
    }
    const sent = await this.deps.log.append(conversation, {
      clientId: input.clientId,
      author: 'visitor',
      agentId: null,
      authorName: visitor.name,
      kind: attachedKind(attached),
      text: input.text,
      event: null,
      ...attached,
    }, origin);
    if (!sent.duplicate && sent.conversation.status === 'waiting' && sent.conversation.queuedAt === null) {
      // Held by the bot: not yet a request for a person (response times start at the handoff).
      if (await this.heldByBot(sent.conversation, sent.message)) return sent;
      await this.markRequested(sent.conversation);
      // Routing continues after the ack: the message is stored, the shopper need not wait.
      const routing = this.deps.router.request(sent.conversation, priorityOf(visitor));
      routing.catch(this.deps.onError);
      return { ...sent, routing };
    }
    return sent;
  }

  /**
   * A site whose bot answers first (mode `always`) keeps the shopper's questions out of the
   * agents' queue: the bot's handoff queues the conversation (BotService.handoff). Only text
   * reaches the bot; a file, a card or a left message goes to people at once.
   */
  private async heldByBot(conversation: ConversationDoc, message: MessageDoc): Promise<boolean> {
    if (message.kind !== 'text' || conversation.offline) return false;
    const settings = await this.deps.store.bot.settings(conversation.siteId);
    if (settings?.mode !== 'always') return false;
    const record = await this.deps.store.bot.record(conversation._id);
    return record?.handoffAt == null;
  }

  private async markRequested(conversation: ConversationDoc): Promise<void> {
    if (conversation.requestedAt !== null) return;
    await this.deps.lock.run(conversation._id, () =>
      this.deps.store.conversations.recordRequest(conversation._id, this.deps.clock.now()),
    );
  }

  /**
   * Nobody is available: the shopper leaves an email and a message. It becomes a queued
   * conversation that agents see (and answer) when they are back. Retrying with the same
   * client id returns the same conversation and message.
   */
  async leaveMessage(visitor: VisitorDoc, input: z.output<typeof leaveMessage>): Promise<Sent> {
    // The conversation id derives from the client id, so a retry finds the same one.
    const id = derivedId<ConversationId>(`${visitor._id}:offline:${input.clientId}`);
    const conversation = (await this.deps.store.conversations.byId(id)) ?? (await this.start(visitor, undefined, id));
    await this.deps.store.conversations.setOffline(conversation._id, input.email);
    if (!visitor.verified) {
      await this.deps.store.visitors.update(visitor._id, { email: input.email, ...(input.name ? { name: input.name } : {}) });
    }
    return this.sendAsVisitor(visitor, { conversationId: conversation._id, clientId: input.clientId, text: input.text });
  }

  /** The product the shopper's page reported last, as a card; none reported: not_found. */
  async sendProduct(visitor: VisitorDoc, input: { conversationId: ConversationId; clientId: ClientMessageId }): Promise<Sent> {
    if (!visitor.product) throw notFound();
    return this.sendAsVisitor(visitor, { ...input, text: visitor.product.title }, { product: visitor.product });
  }

  async rate(visitor: VisitorDoc, input: z.output<typeof rate>): Promise<ConversationDoc> {
    const conversation = await this.forVisitor(visitor, input.conversationId);
    if (conversation.status !== 'resolved') throw new AppError('conflict', { message: 'Rate once it is resolved.' });
    const rated = await this.deps.lock.run(conversation._id, () =>
      this.deps.store.conversations.setRating(conversation._id, {
        score: input.score,
        comment: input.comment ?? null,
        at: this.deps.clock.now(),
      }),
    );
    if (!rated) throw new AppError('conflict', { message: 'This conversation has already been rated.' });
    const { conversation: latest } = await this.deps.log.event(rated, { type: 'rated', score: input.score });
    return latest;
  }

  // ---- agent side ---------------------------------------------------------------------

  /**
   * What an agent may see (see access.ts): nothing outside their sites; within them, the
   * queue, what they hold (or held), and earlier conversations of a shopper they serve now;
   * supervisors and admins everything of their sites. Anything else is "not found".
   */
  async canSee(actor: Actor, conversation: ConversationDoc): Promise<boolean> {
    if (!inSite(actor, conversation.siteId)) return false;
    if (supervises(actor, conversation.siteId)) return true;
    if (conversation.status === 'waiting' || conversation.agentId === actor.agentId) return true;
    const mine = await this.deps.store.assignments.forAgent(actor.agentId);
    const serving = await this.deps.store.conversations.byIds(mine.map((a) => a._id));
    return serving.some((c) => c.visitorId === conversation.visitorId);
  }

  async forAgent(actor: Actor, id: ConversationId): Promise<ConversationDoc> {
    const conversation = await this.deps.store.conversations.byId(id);
    if (!conversation || !(await this.canSee(actor, conversation))) throw notFound();
    return conversation;
  }

  /**
   * attached: a file the agent uploaded (kind "attachment"; `text` is its name).
   * `origin`: the sending connection (see MessageLog.append).
   */
  async sendAsAgent(
    agent: AgentDoc,
    input: z.output<typeof agentMessageSend>,
    attached?: { attachment: AttachmentMeta },
    origin?: string,
  ): Promise<Sent> {
    const actor = actorOf(agent);
    const conversation = await this.forAgent(actor, input.conversationId);
    if (!input.internal) {
      const allowed =
        conversation.status !== 'resolved' && (conversation.agentId === agent._id || supervises(actor, conversation.siteId));
      if (!allowed) {
        const retried = await this.deps.store.messages.byClientId(conversation._id, input.clientId);
        if (retried) return { message: retried, conversation };
        if (conversation.status === 'resolved') throw new AppError('conversation_resolved');
        // Only the agent holding the conversation (or a supervisor stepping in) talks to the shopper.
        throw forbidden();
      }
    }
    return this.deps.log.append(conversation, {
      clientId: input.clientId,
      author: 'agent',
      agentId: agent._id,
      authorName: agent.name,
      kind: attached ? 'attachment' : input.internal ? 'note' : 'text',
      text: input.text,
      event: null,
      ...attached,
    }, origin);
  }

  async note(agent: AgentDoc, conversation: ConversationDoc, text: string): Promise<Sent> {
    return this.deps.log.append(conversation, {
      clientId: newClientMessageId(),
      author: 'agent',
      agentId: agent._id,
      authorName: agent.name,
      kind: 'note',
      text,
      event: null,
    });
  }

  async setTags(actor: Actor, id: ConversationId, tags: string[]): Promise<ConversationDoc> {
    const conversation = await this.forAgent(actor, id);
    const updated = await this.deps.lock.run(conversation._id, () =>
      this.deps.store.conversations.setTags(conversation._id, [...new Set(tags)], this.deps.clock.now()),
    );
    if (!updated) throw notFound();
    this.deps.events.publish({ type: 'conversation.updated', conversation: updated });
    return updated;
  }

  // ---- both sides ---------------------------------------------------------------------

  history(conversation: ConversationDoc, query: z.output<typeof common.historyQuery>, withNotes: boolean): Promise<MessagePage> {
    if (query.afterSeq !== undefined) {
      return this.deps.store.messages.after(conversation._id, query.afterSeq, query.limit, withNotes);
    }
    return this.deps.store.messages.before(conversation._id, query.beforeSeq ?? null, query.limit, withNotes);
  }

  async markRead(conversation: ConversationDoc, side: 'agent' | 'visitor', seq: number): Promise<number> {
    const updated = await this.deps.lock.run(conversation._id, () =>
      this.deps.store.conversations.markRead(conversation._id, side, Math.min(seq, conversation.lastSeq)),
    );
    if (!updated) throw notFound();
    this.deps.events.publish({ type: 'conversation.updated', conversation: updated });
    return side === 'agent' ? updated.agentReadSeq : updated.visitorReadSeq;
  }

  /** Earlier conversations of the same shopper, newest first. */
  previous(conversation: ConversationDoc): Promise<ConversationDoc[]> {
    return this.deps.store.conversations
      .listForVisitor(conversation.visitorId, 21)
      .then((list) => list.filter((c) => c._id !== conversation._id).slice(0, 20));
  }

  /** Conversations the agent holds, per the ledger. */
  async inbox(agentId: AgentId): Promise<ConversationDoc[]> {
    const held = await this.deps.store.assignments.forAgent(agentId);
    return this.deps.store.conversations.byIds(held.map((a) => a._id));
  }
}
