/**
 * Gives a conversation to another agent because of its response target (a move, or a free
 * agent accepting an offer). The ledger decides: the release from the holder succeeds for
 * one caller only, and the claim checks the new agent's capacity in the same insert.
 */
import type { AgentId } from '@counter/shared';
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';
import type { RoutingContext } from '../routing/context.js';
import type { Transitions } from '../routing/transitions.js';

export type HandOverResult = 'moved' | 'moved_meanwhile' | 'agent_full';

export async function handOver(
  deps: Pick<RoutingContext, 'store' | 'clock' | 'events'> & { transitions: Transitions; kick: () => void },
  conversation: ConversationDoc,
  to: AgentDoc,
): Promise<HandOverResult> {
  const { store, clock, transitions, events } = deps;
  const from: AgentId | null = conversation.status === 'assigned' ? conversation.agentId : null;
  if (from && !(await store.assignments.release(conversation._id, from))) return 'moved_meanwhile';
  const claim = await store.assignments.claim(conversation._id, to._id, to.capacity, clock.now());
  if (claim !== 'claimed') {
    // Released but not taken: back to the queue at its place, skipping the one who did not answer.
    if (from) await transitions.requeue(conversation, from, 'reassigned', [from]);
    return claim === 'agent_full' ? 'agent_full' : 'moved_meanwhile';
  }
  const moved = await transitions.finalize(conversation, to, from ? 'reassigned' : 'taken', from);
  if (from) {
    events.publish({ type: 'conversation.unassigned', conversation: moved, agentId: from, reason: 'reassigned' });
    deps.kick();
  }
  return 'moved';
}
