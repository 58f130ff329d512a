import type { AgentId, ConversationId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { AssignmentDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export type ClaimResult = 'claimed' | 'conversation_taken' | 'agent_full';

export interface AssignmentRepository {
  /**
   * Assigns the conversation to the agent if the conversation has no owner and the agent holds
   * fewer than `capacity` conversations. Atomic on every backend (one insert, two unique keys).
   */
  claim(conversationId: ConversationId, agentId: AgentId, capacity: number, at: number): Promise<ClaimResult>;
  /** Ends the assignment; true only for the one caller that ended it. */
  release(conversationId: ConversationId, agentId?: AgentId): Promise<boolean>;
  byConversation(conversationId: ConversationId): Promise<AssignmentDoc | null>;
  byConversations(conversationIds: ConversationId[]): Promise<AssignmentDoc[]>;
  forAgent(agentId: AgentId): Promise<AssignmentDoc[]>;
  /** Conversations held per agent (agents without any are absent). */
  loads(agentIds: AgentId[]): Promise<Map<AgentId, number>>;
}

export async function assignmentRepository(db: Database): Promise<AssignmentRepository> {
  const assignments = await db.collection<AssignmentDoc>('assignments', [
    { name: 'slot', keys: { slot: 1 }, unique: true },
    { name: 'agent', keys: { agentId: 1 } },
  ]);

  return {
    async claim(conversationId, agentId, capacity, at) {
      const held = await assignments.find({ agentId }, { projection: { slot: 1 } });
      if (held.length >= capacity) return 'agent_full';
      const taken = new Set(held.map((a) => a.slot));
      for (let k = 0; k < capacity; k++) {
        const slot = `${agentId}#${k}`;
        if (taken.has(slot)) continue;
        try {
          await assignments.insertOne({ _id: conversationId, agentId, slot, at });
        } catch (err) {
          if (!(err instanceof DuplicateKeyError)) throw err;
          if (await assignments.findOne({ _id: conversationId })) return 'conversation_taken';
          continue; // another claim took this slot first: try the next one
        }
        // Slots below capacity bound the count, unless capacity was lowered while slots
        // above it are still held: then give this one back.
        if ((await assignments.count({ agentId })) > capacity) {
          await assignments.deleteOne({ _id: conversationId, agentId });
          return 'agent_full';
        }
        return 'claimed';
      }
      return 'agent_full';
    },
    async release(conversationId, agentId) {
      const filter = agentId ? { _id: conversationId, agentId } : { _id: conversationId };
      return (await assignments.deleteOne(filter)) === 1;
    },
    byConversation: (conversationId) => assignments.findOne({ _id: conversationId }),
    byConversations: (ids) => (ids.length ? assignments.find({ _id: { $in: ids } }) : Promise.resolve([])),
    forAgent: (agentId) => assignments.find({ agentId }, { sort: { at: 1 } }),
    async loads(agentIds) {
      const loads = new Map<AgentId, number>();
      if (!agentIds.length) return loads;
      for (const a of await assignments.find({ agentId: { $in: agentIds } }, { projection: { agentId: 1 } })) {
        loads.set(a.agentId, (loads.get(a.agentId) ?? 0) + 1);
      }
      return loads;
    },
  };
}
