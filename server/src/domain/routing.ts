/**
 * Routing: who gets which conversation, and when it moves. Plain TypeScript over the store.
 *
 * The assignment ledger (store.assignments) is the truth: a claim is one insert that fails
 * when the conversation already has an owner or the agent has no free slot, so routing on
 * several nodes at once can never over-fill an agent or assign a conversation twice. Every
 * transition out of "assigned" begins by deleting the ledger entry; only the caller whose
 * delete succeeded carries on, so concurrent resolve / transfer / reassign cannot collide.
 */
import type { AgentId, AssignReason, Availability, ConversationId, QueueItem, SiteId } from '@counter/shared';
import type { AgentDoc, ConversationDoc, SiteDoc } from '../store/documents.js';
import type { Store } from '../store/store.js';
import { actorOf, inSite, siteScope, supervises, type Actor } from './access.js';
import { isOpen } from './business-hours.js';
import type { Clock } from './clock.js';
import { AppError, forbidden, notFound } from './errors.js';
import type { EventSink } from './events.js';
import { agentKey, type KeyedLock } from './keyed-lock.js';
import type { MessageLog } from './message-log.js';
import type { ServiceStats } from './metrics.js';

export interface RoutingConfig {
  /** Reassign when the assigned agent has not answered for this long; 0 disables. */
  reassignAfterMs: number;
  /** Reassign an agent's conversations when their console has been gone this long. */
  agentGraceMs: number;
  /** This process, for presence bookkeeping. */
  nodeId: string;
  /** A node silent this long is considered dead and its sockets forgotten. */
  nodeTimeoutMs: number;
}

export type { Actor } from './access.js';

interface Candidate {
  agent: AgentDoc;
  load: number;
}

export interface QueueSnapshot {
  /** The head of the queue as agents see it. */
  items: QueueItem[];
  total: number;
  /** Every queued conversation's place, for the shoppers. */
  positions: { conversationId: ConversationId; siteId: SiteId; visitorId: string; position: number; etaSeconds: number | null }[];
}

const QUEUE_BATCH = 50;
const QUEUE_VIEW = 100;
const QUEUE_POSITIONS = 2000;
/** A ledger entry this old whose conversation still reads "waiting" was left by a crash. */
const STALE_CLAIM_MS = 10_000;

/** Only staff of the conversation's site ever get it. */
const worksFor = (agent: AgentDoc, siteId: SiteId) => inSite(actorOf(agent), siteId);

/**
 * Least load first; ties to whoever has waited longest since their last assignment. Only
 * staff of `siteId` are candidates.
 */
export function rank(pool: Candidate[], exclude: readonly AgentId[], siteId: SiteId): Candidate[] {
  return pool
    .filter((c) => c.load < c.agent.capacity && !exclude.includes(c.agent._id) && worksFor(c.agent, siteId))
    .sort(
      (a, b) =>
        a.load - b.load ||
        a.agent.lastAssignedAt - b.agent.lastAssignedAt ||
        (a.agent._id < b.agent._id ? -1 : a.agent._id > b.agent._id ? 1 : 0),
    );
}

/** The sites an available pool serves; null when someone in it (the owner) serves every site. */
function poolSites(pool: Candidate[]): SiteId[] | null {
  const sites = new Set<SiteId>();
  for (const { agent } of pool) {
    const scope = siteScope(actorOf(agent));
    if (scope === null) return null;
    for (const id of scope) sites.add(id);
  }
  return [...sites];
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
    const best = rank(planned, conversation.excludedAgentIds, conversation.siteId)[0];
    if (!best) continue;
    best.load += 1;
    // Later picks in this batch count as more recent assignments (the tie-break).
    best.agent = { ...best.agent, lastAssignedAt: Number.MAX_SAFE_INTEGER - 1_000_000 + ++order };
    const target = original.get(best)!;
    plan.set(target, [...(plan.get(target) ?? []), conversation]);
  }
  return plan;
}

export class Router {
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private lastRepairAt = -Infinity;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventSink,
    private readonly log: MessageLog,
    private readonly lock: KeyedLock,
    private readonly stats: ServiceStats,
    private readonly config: RoutingConfig,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Agents who may receive conversations now: online, active, console open. */
  async available(): Promise<AgentDoc[]> {
    const online = await this.store.agents.online();
    if (!online.length) return [];
    const connected = await this.store.presence.connected(online.map((a) => a._id));
    return online.filter((a) => connected.has(a._id));
  }

  /**
   * The same, with their loads: for routing only. Loads read every assignment of those agents,
   * which availability (asked on every shopper connection) and queue estimates do not need.
   */
  async pool(): Promise<Candidate[]> {
    const agents = await this.available();
    if (!agents.length) return [];
    const loads = await this.store.assignments.loads(agents.map((a) => a._id));
    return agents.map((agent) => ({ agent, load: loads.get(agent._id) ?? 0 }));
  }

  /** The shopper asked for help: join the queue, then route the queue. */
  async request(conversation: ConversationDoc, priority: number): Promise<void> {
    const queued = await this.lock.run(conversation._id, () =>
      this.store.conversations.enqueue(conversation._id, this.clock.now(), priority),
    );
    if (queued) this.events.publish({ type: 'queue.changed' });
    await this.drain();
  }

  /** Assigns queued conversations while anyone has capacity. One run at a time per node. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          await this.drainOnce();
        } while (this.drainAgain);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** Runs drain in the background (after a release): failures are logged, not thrown. */
  kick(): void {
    this.drain().catch(this.onError);
  }

  private async drainOnce(): Promise<void> {
    // Conversations this pass found claimed by another node whose document still says
    // "waiting" (that node is still recording it): left out of the next batches, so the
    // agent planned for one of them gets the next conversation instead.
    const takenElsewhere = new Set<string>();
    for (;;) {
      const pool = await this.pool();
      if (!pool.length) return;
      // Only the queues of sites someone available works for: a site nobody serves right now
      // must not hold up the others behind its head of the queue.
      const sites = poolSites(pool.filter((c) => c.load < c.agent.capacity));
      const batch = await this.store.conversations.queue(QUEUE_BATCH, sites ?? undefined);
      const queue = batch.filter((c) => !takenElsewhere.has(c._id));
      if (!queue.length) return;
      const plan = planBatch(queue, pool);
      if (!plan.size) return;
      // The plan says who should get what, in queue order and least load first; the ledger
      // decides. Each agent's claims go one by one (they compete for that agent's slots),
      // different agents' claims side by side. What follows a claim (recording it on the
      // conversation, telling everyone) runs alongside too. Before the next batch is read all
      // of it has finished, so that batch sees these conversations as assigned.
      const outcomes = await Promise.all(
        [...plan].map(async ([candidate, conversations]) => {
          const finalizing: Promise<unknown>[] = [];
          let progressed = false;
          for (const conversation of conversations) {
            const { agent } = candidate;
            const result = await this.store.assignments.claim(conversation._id, agent._id, agent.capacity, this.clock.now());
            if (result === 'agent_full') break; // filled from elsewhere: the next batch re-reads loads
            progressed = true;
            if (result === 'conversation_taken') {
              takenElsewhere.add(conversation._id);
              finalizing.push(this.repairStaleClaim(conversation));
              continue;
            }
            finalizing.push(this.finalize(conversation, agent, 'routed', null));
          }
          await Promise.all(finalizing);
          return progressed;
        }),
      );
      // Each pass either assigns or sets aside at least one conversation, or stops: it ends.
      if (!outcomes.includes(true)) return;
    }
  }

  /** After a successful claim: record it on the conversation and tell everyone. */
  private async finalize(
    conversation: ConversationDoc,
    agent: AgentDoc,
    reason: AssignReason,
    previousAgentId: AgentId | null,
  ): Promise<ConversationDoc> {
    const now = this.clock.now();
    const updated =
      (await this.lock.run(conversation._id, () =>
        this.store.conversations.markAssigned(conversation._id, agent._id, agent.name, now),
      )) ?? conversation;
    await this.lock.run(agentKey(agent._id), () => this.store.agents.update(agent._id, { lastAssignedAt: now }, now));
    const visitor = await this.store.visitors.byId(updated.visitorId);
    if (visitor) {
      this.events.publish({ type: 'conversation.assigned', conversation: updated, visitor, reason, previousAgentId });
    }
    if (conversation.queuedAt !== null) this.events.publish({ type: 'queue.changed' });
    const event =
      reason === 'transferred'
        ? ({ type: 'transferred', agentName: agent.name } as const)
        : ({ type: 'assigned', agentName: agent.name } as const);
    return (await this.log.event(updated, event)).conversation;
  }

  /**
   * A queued conversation that the ledger says is assigned: the node that claimed it died
   * before updating the conversation, or (on a store whose updates are not atomic, such as
   * FerretDB v1) another node's write overwrote that update. Finish the assignment.
   */
  private async repairStaleClaim(conversation: ConversationDoc): Promise<void> {
    const claim = await this.store.assignments.byConversation(conversation._id);
    if (!claim || this.clock.now() - claim.at < STALE_CLAIM_MS) return;
    const agent = await this.store.agents.byId(claim.agentId);
    if (agent) await this.finalize(conversation, agent, 'routed', null);
  }

  private async repairQueue(): Promise<void> {
    if (this.clock.now() - this.lastRepairAt < STALE_CLAIM_MS) return;
    this.lastRepairAt = this.clock.now();
    const queue = await this.store.conversations.queue(QUEUE_POSITIONS);
    const claimed = await this.store.assignments.byConversations(queue.map((c) => c._id));
    const stale = new Set(claimed.filter((c) => this.clock.now() - c.at >= STALE_CLAIM_MS).map((c) => c._id));
    for (const conversation of queue) if (stale.has(conversation._id)) await this.repairStaleClaim(conversation);
  }

  // ---- agent actions ----------------------------------------------------------------

  /** An agent takes a waiting conversation of one of their sites, within their capacity. */
  async take(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const agentId = actor.agentId;
    const [conversation, agent] = await Promise.all([
      this.store.conversations.byId(conversationId),
      this.store.agents.byId(agentId),
    ]);
    if (!conversation || !agent || !inSite(actor, conversation.siteId)) throw notFound();
    if (conversation.status !== 'waiting') throw new AppError('conflict', { message: 'Someone else has it.' });
    const result = await this.store.assignments.claim(conversationId, agentId, agent.capacity, this.clock.now());
    if (result === 'agent_full') throw new AppError('capacity_reached');
    if (result === 'conversation_taken') throw new AppError('conflict', { message: 'Someone else has it.' });
    return this.finalize(conversation, agent, 'taken', null);
  }

  /** The owner (or an admin) resolves; capacity is freed and the queue moves. */
  async resolve(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const conversation = await this.store.conversations.byId(conversationId);
    if (!conversation || !inSite(actor, conversation.siteId)) throw notFound();
    if (conversation.status === 'resolved') {
      // Idempotent for whoever resolved it; nobody else learns anything from it.
      if (conversation.agentId === actor.agentId || supervises(actor, conversation.siteId)) return conversation;
      throw notFound();
    }
    const owner = await this.ownerOf(actor, conversation);
    if (!(await this.store.assignments.release(conversationId, owner))) throw moved();
    const resolved =
      (await this.lock.run(conversationId, () => this.store.conversations.markResolved(conversationId, this.clock.now()))) ??
      conversation;
    // The event message publishes the updated conversation too.
    const { conversation: latest } = await this.log.event(resolved, { type: 'resolved' });
    this.kick();
    return latest;
  }

  /**
   * Reopens a resolved conversation for the agent (or, when they are full, the queue). Only
   * the agent who held it, or a supervisor/admin of its site: anyone else would be handed the
   * whole transcript, internal notes included. (A shopper writing again after a resolution
   * starts a new conversation, routed as usual.)
   */
  async reopen(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const [agent, current] = await Promise.all([
      this.store.agents.byId(actor.agentId),
      this.store.conversations.byId(conversationId),
    ]);
    if (!agent || !current || !inSite(actor, current.siteId)) throw notFound();
    if (current.agentId !== actor.agentId && !supervises(actor, current.siteId)) throw forbidden();
    const reopened = await this.lock.run(conversationId, () =>
      this.store.conversations.reopen(conversationId, this.clock.now()),
    );
    if (!reopened) throw new AppError('conflict', { message: 'Only a resolved conversation can be reopened.' });
    const { conversation } = await this.log.event(reopened, { type: 'reopened' });
    const claim = await this.store.assignments.claim(conversationId, agent._id, agent.capacity, this.clock.now());
    if (claim === 'claimed') return this.finalize(conversation, agent, 'reopened', null);
    await this.request(conversation, conversation.priority);
    return (await this.store.conversations.byId(conversationId)) ?? conversation;
  }

  /**
   * Moves a conversation to another agent with capacity, or (toAgentId null) back to the
   * queue, where the current agent is skipped. The note is internal.
   */
  async transfer(
    actor: Actor,
    conversationId: ConversationId,
    toAgentId: AgentId | null,
    beforeMove: (conversation: ConversationDoc) => Promise<void>,
  ): Promise<ConversationDoc> {
    const conversation = await this.store.conversations.byId(conversationId);
    if (!conversation) throw notFound();
    const owner = await this.ownerOf(actor, conversation);
    let target: AgentDoc | null = null;
    if (toAgentId) {
      if (toAgentId === owner) throw new AppError('conflict', { message: 'It is already theirs.' });
      const candidate = (await this.pool()).find((c) => c.agent._id === toAgentId);
      const fits = candidate && candidate.load < candidate.agent.capacity && worksFor(candidate.agent, conversation.siteId);
      if (!fits) throw new AppError('agent_unavailable');
      target = candidate.agent;
    }
    await beforeMove(conversation);
    if (!(await this.store.assignments.release(conversationId, owner))) throw moved();
    if (target) {
      const claim = await this.store.assignments.claim(conversationId, target._id, target.capacity, this.clock.now());
      if (claim === 'claimed') {
        const moved = await this.finalize(conversation, target, 'transferred', owner);
        this.events.publish({ type: 'conversation.unassigned', conversation: moved, agentId: owner, reason: 'transferred' });
        this.kick();
        return moved;
      }
      // The target filled up in the meantime: the queue takes it, at its original place.
    }
    return this.requeue(conversation, owner, 'transferred', [owner]);
  }

  private async requeue(
    conversation: ConversationDoc,
    from: AgentId,
    reason: 'transferred' | 'reassigned',
    exclude: AgentId[],
  ): Promise<ConversationDoc> {
    const now = this.clock.now();
    const queuedAt = conversation.requestedAt ?? conversation.createdAt;
    const waiting =
      (await this.lock.run(conversation._id, () =>
        this.store.conversations.markWaiting(conversation._id, queuedAt, exclude, now),
      )) ?? conversation;
    this.events.publish({ type: 'conversation.unassigned', conversation: waiting, agentId: from, reason });
    const { conversation: latest } = await this.log.event(waiting, { type: reason, agentName: null });
    this.events.publish({ type: 'queue.changed' });
    this.kick();
    return latest;
  }

  /** The agent who holds it, if the actor may act for them (the holder, or a supervisor of its site). */
  private async ownerOf(actor: Actor, conversation: ConversationDoc): Promise<AgentId> {
    if (!inSite(actor, conversation.siteId)) throw notFound();
    const claim = await this.store.assignments.byConversation(conversation._id);
    if (!claim) throw new AppError('conflict', { message: 'Nobody holds this conversation: take it first.' });
    if (claim.agentId !== actor.agentId && !supervises(actor, conversation.siteId)) throw forbidden();
    return claim.agentId;
  }

  // ---- time-driven -------------------------------------------------------------------

  /**
   * Runs on a timer on every node: presence heartbeat, agents gone past the grace period,
   * conversations left unanswered. Safe to run on several nodes at once (ledger deletes).
   */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    const { presence, agents, assignments, conversations } = this.store;
    await presence.heartbeat(this.config.nodeId, now);
    const orphaned = await presence.sweepDeadNodes(now - this.config.nodeTimeoutMs, this.config.nodeId);
    if (orphaned.length) {
      const still = await presence.connected(orphaned);
      for (const agentId of orphaned) {
        if (!still.has(agentId)) await this.lock.run(agentKey(agentId), () => agents.update(agentId, { disconnectedAt: now }, now));
      }
      this.events.publish({ type: 'availability.changed' });
    }

    for (const agent of await agents.disconnectedBefore(now - this.config.agentGraceMs)) {
      const held = await assignments.forAgent(agent._id);
      if (!held.length) continue;
      if ((await presence.connected([agent._id])).size) {
        await this.lock.run(agentKey(agent._id), () => agents.update(agent._id, { disconnectedAt: null }, now));
        continue;
      }
      for (const conversation of await conversations.byIds(held.map((a) => a._id))) {
        await this.reassign(conversation, agent._id, []);
      }
    }

    await this.repairQueue();

    if (this.config.reassignAfterMs > 0) {
      const stale = await conversations.unanswered(now - this.config.reassignAfterMs, 20);
      if (stale.length) {
        const pool = await this.pool();
        for (const conversation of stale) {
          const from = conversation.agentId;
          // Only move it if someone else could answer; otherwise churn helps nobody.
          if (from && rank(pool, [from], conversation.siteId).length) await this.reassign(conversation, from, [from]);
        }
      }
    }
    await this.drain();
  }

  /** After a change of role or sites: what the agent holds outside their sites goes back to the queue. */
  async releaseOutsideSites(actor: Actor): Promise<void> {
    const held = await this.store.assignments.forAgent(actor.agentId);
    for (const conversation of await this.store.conversations.byIds(held.map((a) => a._id))) {
      if (!inSite(actor, conversation.siteId)) await this.reassign(conversation, actor.agentId, [actor.agentId]);
    }
  }

  private async reassign(conversation: ConversationDoc, from: AgentId, exclude: AgentId[]): Promise<void> {
    if (!(await this.store.assignments.release(conversation._id, from))) return;
    await this.requeue(conversation, from, 'reassigned', exclude);
  }

  // ---- what people see ---------------------------------------------------------------

  async queueSnapshot(): Promise<QueueSnapshot> {
    const queue = await this.store.conversations.queue(QUEUE_POSITIONS);
    const total = queue.length < QUEUE_POSITIONS ? queue.length : await this.store.conversations.queueLength();
    const slots = (await this.available()).reduce((sum, agent) => sum + agent.capacity, 0);
    const handle = await this.stats.handleSeconds();
    const head = queue.slice(0, QUEUE_VIEW);
    const perSite = new Map<SiteId, number>();
    const visitors = new Map(
      (await this.store.visitors.byIds([...new Set(head.map((c) => c.visitorId))])).map((v) => [v._id, v]),
    );
    return {
      total,
      items: head.map((c, i) => ({
        conversationId: c._id,
        siteId: c.siteId,
        visitorId: c.visitorId,
        visitorName: visitors.get(c.visitorId)?.name ?? null,
        priority: c.priority,
        queuedAt: c.queuedAt ?? c.createdAt,
        preview: c.lastMessagePreview,
        position: i + 1,
      })),
      // A shopper's place counts only their own site's queue: other sites have other staff.
      positions: queue.map((c) => {
        const position = (perSite.get(c.siteId) ?? 0) + 1;
        perSite.set(c.siteId, position);
        return {
          conversationId: c._id,
          siteId: c.siteId,
          visitorId: c.visitorId,
          position,
          etaSeconds: slots ? Math.round((position * handle) / slots) : null,
        };
      }),
    };
  }

  async availability(site: SiteDoc): Promise<Availability> {
    return {
      agentsOnline: (await this.available()).filter((agent) => worksFor(agent, site._id)).length,
      open: isOpen(site.businessHours, this.clock.now()),
      typicalReplySeconds: await this.stats.typicalReplySeconds(),
    };
  }
}

const moved = () => new AppError('conflict', { message: 'The conversation moved meanwhile.' });
