/**
 * Time-driven routing, run on a timer on every node: presence heartbeat, agents gone past the
 * grace period, conversations left unanswered. Safe on several nodes at once (ledger deletes).
 */
import type { AgentId } from '@counter/shared';
import type { ConversationDoc } from '../../store/documents.js';
import { inSite, type Actor } from '../access.js';
import { agentKey } from '../keyed-lock.js';
import type { AgentPool } from './agent-pool.js';
import type { RoutingContext } from './context.js';
import { rank } from './plan.js';
import type { QueueDrain } from './queue-drain.js';
import type { Transitions } from './transitions.js';

export class Sweeper {
  constructor(private readonly deps: RoutingContext & { pool: AgentPool; queue: QueueDrain; transitions: Transitions }) {}

  async sweep(): Promise<void> {
    const now = this.deps.clock.now();
    await this.forgetDeadNodes(now);
    await this.releaseGoneAgents(now);
    await this.deps.queue.repair();
    await this.reassignUnanswered(now);
    await this.deps.queue.drain();
  }

  /** Heartbeat this node; agents whose only sockets were on a dead node count as disconnected. */
  private async forgetDeadNodes(now: number): Promise<void> {
    const { store, config, lock, events } = this.deps;
    const { presence, agents } = store;
    await presence.heartbeat(config.nodeId, now);
    const orphaned = await presence.sweepDeadNodes(now - config.nodeTimeoutMs, config.nodeId);
    if (!orphaned.length) return;
    const still = await presence.connected(orphaned);
    for (const agentId of orphaned) {
      if (!still.has(agentId)) await lock.run(agentKey(agentId), () => agents.update(agentId, { disconnectedAt: now }, now));
    }
    // Their stretches end where a node last saw them, not now: the node may have died long ago.
    await store.presenceHistory.closeAtLastSeen(orphaned.filter((id) => !still.has(id)));
    events.publish({ type: 'availability.changed' });
  }

  /** Agents whose console has been gone past the grace period lose their conversations. */
  private async releaseGoneAgents(now: number): Promise<void> {
    const { store, config, lock } = this.deps;
    const { presence, agents, assignments, conversations } = store;
    for (const agent of await agents.disconnectedBefore(now - config.agentGraceMs)) {
      const held = await assignments.forAgent(agent._id);
      if (!held.length) continue;
      if ((await presence.connected([agent._id])).size) {
        await lock.run(agentKey(agent._id), () => agents.update(agent._id, { disconnectedAt: null }, now));
        continue;
      }
      for (const conversation of await conversations.byIds(held.map((a) => a._id))) {
        await this.reassign(conversation, agent._id, []);
      }
    }
  }

  private async reassignUnanswered(now: number): Promise<void> {
    const { store, config, pool } = this.deps;
    if (config.reassignAfterMs <= 0) return;
    const stale = await store.conversations.unanswered(now - config.reassignAfterMs, 20);
    if (!stale.length) return;
    const candidates = await pool.withLoads();
    for (const conversation of stale) {
      const from = conversation.agentId;
      // Only move it if someone else could answer; otherwise churn helps nobody.
      if (from && rank(candidates, [from], conversation.siteId).length) await this.reassign(conversation, from, [from]);
    }
  }

  /** After a change of role or sites: what the agent holds outside their sites goes back to the queue. */
  async releaseOutsideSites(actor: Actor): Promise<void> {
    const { assignments, conversations } = this.deps.store;
    const held = await assignments.forAgent(actor.agentId);
    for (const conversation of await conversations.byIds(held.map((a) => a._id))) {
      if (!inSite(actor, conversation.siteId)) await this.reassign(conversation, actor.agentId, [actor.agentId]);
    }
  }

  private async reassign(conversation: ConversationDoc, from: AgentId, exclude: AgentId[]): Promise<void> {
    if (!(await this.deps.store.assignments.release(conversation._id, from))) return;
    await this.deps.transitions.requeue(conversation, from, 'reassigned', exclude);
  }
}
