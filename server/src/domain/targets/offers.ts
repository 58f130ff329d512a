/**
 * A conversation escalated by the "offer" rule can be accepted by a free agent of its site:
 * the first to accept has it (the ledger's release and claim arbitrate), whether it waited
 * in the queue or sat with an agent who had not answered.
 */
import { dueOf, type ConversationId } from '@counter/shared';
import type { ConversationDoc } from '../../store/documents.js';
import { inSite, type Actor } from '../access.js';
import { AppError, notFound } from '../errors.js';
import type { RoutingContext } from '../routing/context.js';
import type { Transitions } from '../routing/transitions.js';
import { handOver } from './hand-over.js';
import { targetsOf } from './target-settings.js';

export class Offers {
  constructor(private readonly deps: RoutingContext & { transitions: Transitions; kick: () => void }) {}

  async accept(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const { store, clock } = this.deps;
    const [conversation, agent] = await Promise.all([store.conversations.byId(conversationId), store.agents.byId(actor.agentId)]);
    if (!conversation || !agent || !inSite(actor, conversation.siteId)) throw notFound();
    if (conversation.agentId === agent._id) return conversation;
    const targets = targetsOf(await store.sites.byId(conversation.siteId));
    const due = dueOf(conversation, targets);
    if (!due || targets.escalation.action !== 'offer' || clock.now() < due.escalateAt) {
      throw new AppError('conflict', { message: 'This conversation is not offered (any more).' });
    }
    const result = await handOver(this.deps, conversation, agent);
    if (result === 'agent_full') throw new AppError('capacity_reached');
    if (result === 'moved_meanwhile') throw new AppError('conflict', { message: 'Someone else has it.' });
    return (await store.conversations.byId(conversationId)) ?? conversation;
  }
}
