/** Assigns the queue while anyone has room: one run at a time per node, in batches. */
import type { RoutingSettings, SiteId } from '@counter/shared';
import type { ConversationDoc } from '../../store/documents.js';
import type { AgentPool } from './agent-pool.js';
import { QUEUE_BATCH, QUEUE_POSITIONS, STALE_CLAIM_MS, type RoutingContext } from './context.js';
import { planBatch, poolSites, type Candidate } from './plan.js';
import { queueRouting, settingsBySite, widenedClientId } from './routing-needs.js';
import { stageOf, widenedNote } from './routing-order.js';
import type { Transitions } from './transitions.js';

/**
 * How deep a drain reads when the head of the queue is blocked: bounded, as each pass that
 * leaves someone with room re-reads it.
 */
const QUEUE_LOOKAHEAD = 500;

export class QueueDrain {
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private lastRepairAt = -Infinity;

  constructor(private readonly deps: RoutingContext & { pool: AgentPool; transitions: Transitions }) {}

  /** The shopper asked for help: join the queue, then route the queue. */
  async request(conversation: ConversationDoc, priority: number): Promise<void> {
    const { store, clock, lock, events } = this.deps;
    const now = clock.now();
    const routing = await queueRouting(store, conversation, priority, now);
    const queued = await lock.run(conversation._id, () => store.conversations.enqueue(conversation._id, now, priority, routing));
    if (queued) events.publish({ type: 'queue.changed' });
    await this.drain();
  }

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
    this.drain().catch(this.deps.onError);
  }

  private async drainOnce(): Promise<void> {
    // Conversations this pass found claimed by another node whose document still says
    // "waiting" (that node is still recording it): left out of the next batches, so the
    // agent planned for one of them gets the next conversation instead.
    const takenElsewhere = new Set<string>();
    for (;;) {
      const pool = await this.deps.pool.withLoads();
      if (!pool.length) return;
      // Only the queues of sites someone with room works for: a site nobody serves right now
      // must not hold up the others behind its head of the queue.
      const sites = poolSites(pool.filter((c) => c.load < c.agent.capacity));
      const now = this.deps.clock.now();
      const { queue, settings } = await this.readBatch(pool, sites, takenElsewhere, now);
      if (!queue.length) return;
      if (settings.size) await this.noteWidening(queue, settings, now);
      const plan = planBatch(queue, pool, settings, now);
      if (!plan.size) return;
      // The plan says who should get what, in queue order and least load first; the ledger
      // decides. Each agent's claims go one by one (they compete for that agent's slots),
      // different agents' claims side by side. Before the next batch is read all of it has
      // finished, so that batch sees these conversations as assigned.
      const outcomes = await Promise.all(
        [...plan].map(([candidate, conversations]) => this.claimFor(candidate, conversations, takenElsewhere)),
      );
      // Each pass either assigns or sets aside at least one conversation, or stops: it ends.
      if (!outcomes.includes(true)) return;
    }
  }

  /**
   * The queue's head, and past it when the head is blocked (issue 14): when the first
   * QUEUE_BATCH all wait for busy teams, agents with room read on, up to QUEUE_LOOKAHEAD, for
   * conversations they may take. The plan goes in queue order over all of it, so a blocked
   * head still gets the first slot its team frees: nobody behind it is preferred for that slot.
   */
  private async readBatch(pool: Candidate[], sites: SiteId[] | null, takenElsewhere: Set<string>, now: number) {
    const read = async (limit: number) => {
      const batch = await this.deps.store.conversations.queue(limit, sites ?? undefined);
      const queue = batch.filter((c) => !takenElsewhere.has(c._id));
      return { full: batch.length === limit, queue, settings: await settingsBySite(this.deps.store, queue.map((c) => c.siteId)) };
    };
    const head = await read(QUEUE_BATCH);
    // Without routing settings any agent of its site may take a conversation: the head is not blocked.
    if (!head.full || !head.settings.size) return head;
    const planned = [...planBatch(head.queue, pool, head.settings, now).values()].reduce((n, cs) => n + cs.length, 0);
    const room = pool.reduce((n, c) => n + Math.max(0, c.agent.capacity - c.load), 0);
    return planned < room ? read(QUEUE_LOOKAHEAD) : head;
  }

  /**
   * Says in the history when a waiting conversation's routing widened (issue 14). One node
   * moves the stage on (a conditional update), and the note's id is derived from the stage,
   * so the history says it once whichever nodes drain.
   */
  private async noteWidening(queue: ConversationDoc[], settings: Map<SiteId, RoutingSettings>, now: number): Promise<void> {
    const { store, lock, log } = this.deps;
    for (const conversation of queue) {
      const siteSettings = settings.get(conversation.siteId);
      if (!siteSettings) continue;
      const stage = stageOf(siteSettings, conversation, now);
      const from = conversation.widened ?? 0;
      if (stage <= from) continue;
      const moved = await lock.run(conversation._id, () => store.conversations.markWidened(conversation._id, from, stage));
      if (!moved) continue;
      conversation.widened = stage;
      await log.append(moved, {
        clientId: widenedClientId(conversation._id, stage),
        author: 'system',
        agentId: null,
        authorName: null,
        kind: 'note',
        text: widenedNote(siteSettings, conversation, stage),
        event: null,
      });
    }
  }

  /** One agent's share of a batch, claimed in order; true when anything moved. */
  private async claimFor(
    { agent }: Candidate,
    conversations: ConversationDoc[],
    takenElsewhere: Set<string>,
  ): Promise<boolean> {
    const { store, clock, transitions } = this.deps;
    // What follows a claim (recording it, telling everyone) runs alongside the next claim.
    const finalizing: Promise<unknown>[] = [];
    let progressed = false;
    for (const conversation of conversations) {
      const result = await store.assignments.claim(conversation._id, agent._id, agent.capacity, clock.now());
      if (result === 'agent_full') break; // filled from elsewhere: the next batch re-reads loads
      progressed = true;
      if (result === 'conversation_taken') {
        takenElsewhere.add(conversation._id);
        finalizing.push(transitions.repairStaleClaim(conversation));
        continue;
      }
      finalizing.push(transitions.finalize(conversation, agent, 'routed', null));
    }
    await Promise.all(finalizing);
    return progressed;
  }

  /** Finishes claims a crashed node left half-done (at most once per STALE_CLAIM_MS). */
  async repair(): Promise<void> {
    const { store, clock, transitions } = this.deps;
    if (clock.now() - this.lastRepairAt < STALE_CLAIM_MS) return;
    this.lastRepairAt = clock.now();
    const queue = await store.conversations.queue(QUEUE_POSITIONS);
    const claimed = await store.assignments.byConversations(queue.map((c) => c._id));
    const stale = new Set(claimed.filter((c) => clock.now() - c.at >= STALE_CLAIM_MS).map((c) => c._id));
    for (const conversation of queue) if (stale.has(conversation._id)) await transitions.repairStaleClaim(conversation);
  }
}
