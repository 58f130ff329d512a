/**
 * Routing: who gets which conversation, and when it moves. Plain TypeScript over the store.
 *
 * The assignment ledger (store.assignments) is the truth: a claim is one insert that fails
 * when the conversation already has an owner or the agent has no free slot, so routing on
 * several nodes at once can never over-fill an agent or assign a conversation twice. Every
 * transition out of "assigned" begins by deleting the ledger entry; only the caller whose
 * delete succeeded carries on, so concurrent resolve / transfer / reassign cannot collide.
 *
 * This class only wires the parts (one job each, in this folder) and is what the rest of
 * the domain and the transport call.
 */
import type { AgentId, ConversationId } from '@counter/shared';
import type { ConversationDoc } from '../../store/documents.js';
import { AgentActions, type Actor } from './agent-actions.js';
import { AgentPool } from './agent-pool.js';
import type { RoutingContext } from './context.js';
import { QueueDrain } from './queue-drain.js';
import { QueueView } from './queue-view.js';
import { Sweeper } from './sweeper.js';
import { Transitions } from './transitions.js';
// Response targets (issue 14, item 4).
import { TargetWatch } from '../targets/target-watch.js';
import { Offers } from '../targets/offers.js';

export type { Actor } from './agent-actions.js';
export type { RoutingConfig } from './context.js';
export type { QueueSnapshot } from './queue-view.js';

export class Router {
  private readonly queue: QueueDrain;
  private readonly actions: AgentActions;
  private readonly sweeper: Sweeper;
  private readonly view: QueueView;
  private readonly targets: TargetWatch;
  private readonly offers: Offers;

  constructor(deps: RoutingContext) {
    const pool = new AgentPool(deps);
    const transitions = new Transitions({ ...deps, kick: () => this.kick() });
    this.queue = new QueueDrain({ ...deps, pool, transitions });
    const parts = { ...deps, pool, queue: this.queue, transitions };
    this.actions = new AgentActions(parts);
    this.sweeper = new Sweeper(parts);
    this.view = new QueueView({ ...deps, pool });
    this.targets = new TargetWatch({ ...deps, pool, transitions, kick: () => this.kick() });
    this.offers = new Offers({ ...deps, transitions, kick: () => this.kick() });
  }

  /** The shopper asked for help: join the queue, then route the queue. */
  request(conversation: ConversationDoc, priority: number): Promise<void> {
    return this.queue.request(conversation, priority);
  }
  /** Assigns queued conversations while anyone has capacity. One run at a time per node. */
  drain(): Promise<void> {
    return this.queue.drain();
  }
  /** Runs drain in the background (after a release): failures are logged, not thrown. */
  kick(): void {
    this.queue.kick();
  }

  take(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    return this.actions.take(actor, conversationId);
  }
  resolve(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    return this.actions.resolve(actor, conversationId);
  }
  reopen(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    return this.actions.reopen(actor, conversationId);
  }
  transfer(...args: Parameters<AgentActions['transfer']>): Promise<ConversationDoc> {
    return this.actions.transfer(...args);
  }

  /** After a change of role or sites: what the agent holds outside their sites goes back to the queue. */
  releaseOutsideSites(actor: Actor): Promise<void> {
    return this.sweeper.releaseOutsideSites(actor);
  }

  /** On a timer, on every node (see sweeper.ts). */
  async sweep(): Promise<void> {
    await this.sweeper.sweep();
    // After the routing sweep: what it just assigned is not escalated for nothing.
    await this.targets.sweep();
  }

  /** A free agent accepts a conversation escalated by the "offer" rule (response targets). */
  acceptOffer(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    return this.offers.accept(actor, conversationId);
  }

  queueSnapshot(): ReturnType<QueueView['snapshot']> {
    return this.view.snapshot();
  }
  availability(...args: Parameters<QueueView['availability']>): ReturnType<QueueView['availability']> {
    return this.view.availability(...args);
  }
}
