/**
 * Who an escalated conversation may go to. Today: the free agents of its site (online,
 * console open, a slot left), least load first, never its current holder nor those it was
 * taken from. Teams (issue 14, item 1) narrow this to the conversation's team: this is the
 * one place to change for that.
 */
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';
import { rank, type Candidate } from '../routing/plan.js';

export function escalationCandidates(
  conversation: Pick<ConversationDoc, 'siteId' | 'agentId' | 'excludedAgentIds'>,
  pool: Candidate[],
): AgentDoc[] {
  const exclude = conversation.agentId ? [conversation.agentId, ...conversation.excludedAgentIds] : conversation.excludedAgentIds;
  return rank(pool, exclude, conversation.siteId).map((c) => c.agent);
}
