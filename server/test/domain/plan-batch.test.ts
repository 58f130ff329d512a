/**
 * The router plans each batch of the queue before claiming it (claims for different agents
 * then run side by side): the plan must give what one-by-one routing gave, in queue order,
 * least load first, ties to whoever waited longest, within capacity, skipping excluded agents.
 */
import type { AgentId, ConversationId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../src/domain/routing/plan.js';
import { agentDoc, conversationDoc } from '../support/fixtures.js';

const agent = (id: string, capacity: number, lastAssignedAt = 0) =>
  agentDoc({ _id: id as AgentId, capacity, lastAssignedAt, status: 'online' });
const conversation = (id: string, excludedAgentIds: string[] = []) =>
  conversationDoc({ _id: id as ConversationId, excludedAgentIds: excludedAgentIds as AgentId[] });

const assigned = (plan: ReturnType<typeof planBatch>) =>
  Object.fromEntries([...plan].map(([c, conversations]) => [c.agent._id, conversations.map((x) => x._id)]));

describe('planBatch', () => {
  it('spreads the queue, in order, least load first, ties to whoever waited longest', () => {
    const pool = [
      { agent: agent('a', 3, 20), load: 0 },
      { agent: agent('b', 3, 10), load: 0 },
      { agent: agent('c', 3, 0), load: 1 },
    ];
    const plan = planBatch(['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => conversation(id)), pool);
    // b waited longest among the idle; then a; then all at load 1: c (longest), b, a.
    expect(assigned(plan)).toEqual({ b: ['q1', 'q4'], a: ['q2', 'q5'], c: ['q3'] });
  });

  it('stops at capacity and skips excluded agents', () => {
    const pool = [
      { agent: agent('a', 1), load: 0 },
      { agent: agent('b', 2), load: 1 },
    ];
    const plan = planBatch([conversation('q1', ['a']), conversation('q2'), conversation('q3'), conversation('q4')], pool);
    expect(assigned(plan)).toEqual({ b: ['q1'], a: ['q2'] });
  });

  it('leaves the pool as it was (the claims, not the plan, change loads)', () => {
    const pool = [{ agent: agent('a', 5), load: 2 }];
    planBatch([conversation('q1'), conversation('q2')], pool);
    expect(pool[0]!.load).toBe(2);
  });
});
