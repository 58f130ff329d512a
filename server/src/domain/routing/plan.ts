/** Who should get what: pure ranking over a snapshot of agents and their loads. */
import type { AgentId } from '@counter/shared';
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';

export interface Candidate {
  agent: AgentDoc;
  load: number;
}

/** Least load first; ties to whoever has waited longest since their last assignment. */
export function rank(pool: Candidate[], exclude: readonly AgentId[]): Candidate[] {
  return pool
    .filter((c) => c.load < c.agent.capacity && !exclude.includes(c.agent._id))
    .sort(
      (a, b) =>
        a.load - b.load ||
        a.agent.lastAssignedAt - b.agent.lastAssignedAt ||
        (a.agent._id < b.agent._id ? -1 : a.agent._id > b.agent._id ? 1 : 0),
    );
}

/**
 * Who should get each conversation of a batch: in queue order, each to the least-loaded
 * agent with room (ties to whoever waited longest), counting the batch's earlier picks.
 */
export function planBatch(queue: ConversationDoc[], pool: Candidate[]): Map<Candidate, ConversationDoc[]> {
  const plan = new Map<Candidate, ConversationDoc[]>();
  const planned = pool.map((c) => ({ ...c }));
  const original = new Map(planned.map((p, i) => [p, pool[i]!]));
  let order = 0;
  for (const conversation of queue) {
    const best = rank(planned, conversation.excludedAgentIds)[0];
    if (!best) continue;
    best.load += 1;
    // Later picks in this batch count as more recent assignments (the tie-break).
    best.agent = { ...best.agent, lastAssignedAt: Number.MAX_SAFE_INTEGER - 1_000_000 + ++order };
    const target = original.get(best)!;
    plan.set(target, [...(plan.get(target) ?? []), conversation]);
  }
  return plan;
}
