/**
 * What follows a change in the assignment ledger: the conversation document, the agent's
 * bookkeeping, the event message and the domain events. The ledger has already decided.
 */
import type { AgentId, AssignReason } from '@counter/shared';
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';
import { agentKey } from '../keyed-lock.js';
import { STALE_CLAIM_MS, type RoutingContext } from './context.js';
import { queueRank } from './queue-order.js';

export class Transitions {
  constructor(private readonly deps: RoutingContext & { kick: () => void }) {}

  /** After a successful claim: record it on the conversation and tell everyone. */
  async finalize(
    conversation: ConversationDoc,
    agent: AgentDoc,
    reason: AssignReason,
    previousAgentId: AgentId | null,
  ): Promise<ConversationDoc> {
    const { store, clock, lock, events, log } = this.deps;
    const now = clock.now();
    const updated =
      (await lock.run(conversation._id, () =>
        store.conversations.markAssigned(conversation._id, agent._id, agent.name, now),
      )) ?? conversation;
    await lock.run(agentKey(agent._id), () => store.agents.update(agent._id, { lastAssignedAt: now }, now));
    const visitor = await store.visitors.byId(updated.visitorId);
    if (visitor) events.publish({ type: 'conversation.assigned', conversation: updated, visitor, reason, previousAgentId });
    if (conversation.queuedAt !== null) events.publish({ type: 'queue.changed' });
    const event =
      reason === 'transferred'
        ? ({ type: 'transferred', agentName: agent.name } as const)
        : ({ type: 'assigned', agentName: agent.name } as const);
    return (await log.event(updated, event)).conversation;
  }

  /** After a release: back to the queue at its original place, skipping `exclude`. */
  async requeue(
    conversation: ConversationDoc,
    from: AgentId,
    reason: 'transferred' | 'reassigned',
    exclude: AgentId[],
  ): Promise<ConversationDoc> {
    const { store, clock, lock, events, log } = this.deps;
    const now = clock.now();
    const queuedAt = conversation.requestedAt ?? conversation.createdAt;
    // Back at its place: the same rank it had when it first joined (tier head start included).
    const rank = queueRank(queuedAt, conversation.priority);
    const waiting =
      (await lock.run(conversation._id, () => store.conversations.markWaiting(conversation._id, queuedAt, exclude, now, rank))) ??
      conversation;
    events.publish({ type: 'conversation.unassigned', conversation: waiting, agentId: from, reason });
    const { conversation: latest } = await log.event(waiting, { type: reason, agentName: null });
    events.publish({ type: 'queue.changed' });
    this.deps.kick();
    return latest;
  }

  /**
   * A queued conversation that the ledger says is assigned: the node that claimed it died
   * before updating the conversation, or (on a store whose updates are not atomic, such as
   * FerretDB v1) another node's write overwrote that update. Finish the assignment.
   */
  async repairStaleClaim(conversation: ConversationDoc): Promise<void> {
    const { store, clock } = this.deps;
    const claim = await store.assignments.byConversation(conversation._id);
    if (!claim || clock.now() - claim.at < STALE_CLAIM_MS) return;
    const agent = await store.agents.byId(claim.agentId);
    if (agent) await this.finalize(conversation, agent, 'routed', null);
  }
}
