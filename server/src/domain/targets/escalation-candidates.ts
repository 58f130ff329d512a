/**
 * Who an escalated conversation may go to: free agents (online, console open, a slot left),
 * never its current holder nor those it was taken from.
 *
 * On a site with routing settings (issue 14) the escalation stays in the conversation's team
 * as long as anyone there is free: the tiers of the routing order, fully widened (the last
 * agent, the VIP desk, the rule's team with its skills and language, any agent of the team),
 * and only then the whole site. The agents returned are those of the first tier with anyone
 * free, least load first: a move takes the first, an offer goes to all of them. A site
 * without settings offers it to its free agents, least load first.
 */
import type { RoutingSettings } from '@counter/shared';
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';
import { firstTierWithRoom, rank, type Candidate } from '../routing/plan.js';
import { candidateTiers, type RoutedConversation } from '../routing/routing-order.js';

/** Late enough for any rule's wait: every tier of the routing order is open. */
const FULLY_WIDENED = Number.MAX_SAFE_INTEGER;

export function escalationCandidates(
  conversation: RoutedConversation & Pick<ConversationDoc, 'agentId' | 'excludedAgentIds'>,
  pool: Candidate[],
  settings: RoutingSettings | null = null,
): AgentDoc[] {
  const exclude = conversation.agentId ? [conversation.agentId, ...conversation.excludedAgentIds] : conversation.excludedAgentIds;
  const free = rank(pool, exclude, conversation.siteId);
  if (!settings) return free.map((c) => c.agent);
  // The conversation waited past its target: escalation does not wait for the rule's widening.
  return firstTierWithRoom(free, candidateTiers(settings, conversation, FULLY_WIDENED)).map((c) => c.agent);
}
