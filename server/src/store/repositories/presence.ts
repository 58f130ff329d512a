import type { AgentId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { AgentSocketDoc, NodeDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export interface PresenceRepository {
  socketOpened(socket: AgentSocketDoc): Promise<void>;
  /** Returns how many sockets the agent still has open. */
  socketClosed(socketId: string, agentId: AgentId): Promise<number>;
  /** Agents (of those given) with at least one open socket. */
  connected(agentIds: AgentId[]): Promise<Set<AgentId>>;
  heartbeat(nodeId: string, at: number): Promise<void>;
  /**
   * Forgets the sockets of nodes silent since `cutoff` (crashed without closing them) and of
   * nodes that left no heartbeat at all; returns the agents affected.
   */
  sweepDeadNodes(cutoff: number, liveNodeId: string): Promise<AgentId[]>;
  /** A node shutting down removes its own sockets and heartbeat. */
  removeNode(nodeId: string): Promise<void>;
}

export async function presenceRepository(db: Database): Promise<PresenceRepository> {
  const sockets = await db.collection<AgentSocketDoc>('agent_sockets', [
    { name: 'agent', keys: { agentId: 1 } },
    { name: 'node', keys: { nodeId: 1 } },
  ]);
  const nodes = await db.collection<NodeDoc>('nodes', []);

  return {
    socketOpened: (socket) => sockets.insertOne(socket),
    async socketClosed(socketId, agentId) {
      await sockets.deleteOne({ _id: socketId });
      return sockets.count({ agentId });
    },
    async connected(agentIds) {
      if (!agentIds.length) return new Set();
      const open = await sockets.find({ agentId: { $in: agentIds } }, { projection: { agentId: 1 } });
      return new Set(open.map((s) => s.agentId));
    },
    async heartbeat(nodeId, at) {
      if ((await nodes.updateOne({ _id: nodeId }, { $set: { seenAt: at } })) === 0) {
        await nodes.insertOne({ _id: nodeId, seenAt: at }).catch((err: unknown) => {
          // Another heartbeat of this node inserted it first; any other failure is the caller's.
          if (!(err instanceof DuplicateKeyError)) throw err;
        });
      }
    },
    async sweepDeadNodes(cutoff, liveNodeId) {
      const live = new Set((await nodes.find({ seenAt: { $gt: cutoff } })).map((n) => n._id));
      live.add(liveNodeId);
      const orphans = await sockets.find({ nodeId: { $nin: [...live] } });
      if (!orphans.length) return [];
      await sockets.deleteMany({ _id: { $in: orphans.map((s) => s._id) } });
      await nodes.deleteMany({ seenAt: { $lte: cutoff } });
      return [...new Set(orphans.map((s) => s.agentId))];
    },
    async removeNode(nodeId) {
      await sockets.deleteMany({ nodeId });
      await nodes.deleteOne({ _id: nodeId });
    },
  };
}
