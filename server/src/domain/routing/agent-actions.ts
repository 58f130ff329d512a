/** What an agent does to a conversation's ownership: take, resolve, reopen, transfer. */
import type { AgentId, ConversationId } from '@counter/shared';
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';
import { DuplicateKeyError } from '../../store/errors.js';
import { inSite, supervises, type Actor } from '../access.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { AgentPool } from './agent-pool.js';
import { worksFor } from './plan.js';
import type { RoutingContext } from './context.js';
import type { QueueDrain } from './queue-drain.js';
import type { Transitions } from './transitions.js';

export type { Actor } from '../access.js';

const someoneElseHasIt = () => new AppError('conflict', { message: 'Someone else has it.' });
const moved = () => new AppError('conflict', { message: 'The conversation moved meanwhile.' });

export class AgentActions {
  constructor(
    private readonly deps: RoutingContext & { pool: AgentPool; queue: QueueDrain; transitions: Transitions },
  ) {}

  /** An agent takes a waiting conversation of one of their sites, within their capacity. */
  async take(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const { store, clock, transitions } = this.deps;
    const agentId = actor.agentId;
    const [conversation, agent] = await Promise.all([store.conversations.byId(conversationId), store.agents.byId(agentId)]);
    if (!conversation || !agent || !inSite(actor, conversation.siteId)) throw notFound();
    if (conversation.status !== 'waiting') throw someoneElseHasIt();
    const result = await store.assignments.claim(conversationId, agentId, agent.capacity, clock.now());
    if (result === 'agent_full') throw new AppError('capacity_reached');
    if (result === 'conversation_taken') throw someoneElseHasIt();
    return transitions.finalize(conversation, agent, 'taken', null);
  }

  /** The owner (or an admin) resolves; capacity is freed and the queue moves. */
  async resolve(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const { store, clock, lock, log, queue } = this.deps;
    const conversation = await store.conversations.byId(conversationId);
    if (!conversation || !inSite(actor, conversation.siteId)) throw notFound();
    if (conversation.status === 'resolved') {
      // Idempotent for whoever resolved it; nobody else learns anything from it.
      if (conversation.agentId === actor.agentId || supervises(actor, conversation.siteId)) return conversation;
      throw notFound();
    }
    const owner = await this.ownerOf(actor, conversation);
    if (!(await store.assignments.release(conversationId, owner))) throw moved();
    const resolved =
      (await lock.run(conversationId, () => store.conversations.markResolved(conversationId, clock.now(), conversation.createdAt))) ?? conversation;
    // The event message publishes the updated conversation too.
    const { conversation: latest } = await log.event(resolved, { type: 'resolved' });
    queue.kick();
    return latest;
  }

  /**
   * Reopens a resolved conversation for the agent (or, when they are full, the queue). Only
   * the agent who held it, or a supervisor/admin of its site: anyone else would be handed the
   * whole transcript, internal notes included. (A shopper writing again after a resolution
   * starts a new conversation, routed as usual.)
   */
  async reopen(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const { store, clock, lock, log, queue, transitions } = this.deps;
    const [agent, current] = await Promise.all([store.agents.byId(actor.agentId), store.conversations.byId(conversationId)]);
    if (!agent || !current || !inSite(actor, current.siteId)) throw notFound();
    if (current.agentId !== actor.agentId && !supervises(actor, current.siteId)) throw forbidden();
    const reopened = await lock
      .run(conversationId, () => store.conversations.reopen(current, clock.now()))
      .catch((err: unknown) => {
        // The store keeps one open conversation per shopper: they started another since.
        if (err instanceof DuplicateKeyError) throw new AppError('conflict', { message: 'The shopper has another open conversation.' });
        throw err;
      });
    if (!reopened) throw new AppError('conflict', { message: 'Only a resolved conversation can be reopened.' });
    const { conversation } = await log.event(reopened, { type: 'reopened' });
    const claim = await store.assignments.claim(conversationId, agent._id, agent.capacity, clock.now());
    if (claim === 'claimed') return transitions.finalize(conversation, agent, 'reopened', null);
    await queue.request(conversation, conversation.priority);
    return (await store.conversations.byId(conversationId)) ?? conversation;
  }

  /**
   * Moves a conversation to another agent with capacity, or (toAgentId null) back to the
   * queue, where the current agent is skipped. The note is internal.
   */
  async transfer(
    actor: Actor,
    conversationId: ConversationId,
    toAgentId: AgentId | null,
    beforeMove: (conversation: ConversationDoc) => Promise<void>,
  ): Promise<ConversationDoc> {
    const { store, clock, events, queue, transitions } = this.deps;
    const conversation = await store.conversations.byId(conversationId);
    if (!conversation) throw notFound();
    const owner = await this.ownerOf(actor, conversation);
    const target = toAgentId ? await this.transferTarget(owner, toAgentId, conversation) : null;
    await beforeMove(conversation);
    if (!(await store.assignments.release(conversationId, owner))) throw moved();
    if (target) {
      const claim = await store.assignments.claim(conversationId, target._id, target.capacity, clock.now());
      if (claim === 'claimed') {
        const moved = await transitions.finalize(conversation, target, 'transferred', owner);
        events.publish({ type: 'conversation.unassigned', conversation: moved, agentId: owner, reason: 'transferred' });
        queue.kick();
        return moved;
      }
      // The target filled up in the meantime: the queue takes it, at its original place.
    }
    return transitions.requeue(conversation, owner, 'transferred', [owner]);
  }

  /** The agent a transfer may go to: someone else of the conversation's site, available, with a free slot. */
  private async transferTarget(owner: AgentId, toAgentId: AgentId, conversation: ConversationDoc): Promise<AgentDoc> {
    if (toAgentId === owner) throw new AppError('conflict', { message: 'It is already theirs.' });
    const candidate = (await this.deps.pool.withLoads()).find((c) => c.agent._id === toAgentId);
    const fits = candidate && candidate.load < candidate.agent.capacity && worksFor(candidate.agent, conversation.siteId);
    if (!candidate || !fits) throw new AppError('agent_unavailable');
    return candidate.agent;
  }

  /** The agent who holds it, if the actor may act for them (the holder, or a supervisor of its site). */
  private async ownerOf(actor: Actor, conversation: ConversationDoc): Promise<AgentId> {
    if (!inSite(actor, conversation.siteId)) throw notFound();
    const claim = await this.deps.store.assignments.byConversation(conversation._id);
    if (!claim) throw new AppError('conflict', { message: 'Nobody holds this conversation: take it first.' });
    if (claim.agentId !== actor.agentId && !supervises(actor, conversation.siteId)) throw forbidden();
    return claim.agentId;
  }
}
