/**
 * Facts the domain publishes; the realtime layer turns them into socket events. The domain
 * never knows about rooms or sockets.
 */
import type { ArticleId, SiteId } from '@counter/shared';
import type { Agent, AgentId, AssignReason, MessageAuthor, OrderActionView, RemoveReason } from '@counter/shared';
import type { ConversationDoc, MessageDoc, VisitorDoc } from '../store/documents.js';

export type DomainEvent =
  /**
   * `conversation` is as it was before this message (for routing the event to rooms);
   * `origin`: the connection that sent it, which already has it in its ack.
   */
  | { type: 'message.created'; conversation: ConversationDoc; message: MessageDoc; origin?: string }
  /** `after`: counted after a message by this author (only agents' views change for the shopper's own). */
  | { type: 'conversation.updated'; conversation: ConversationDoc; after?: MessageAuthor | 'note' }
  | {
      type: 'conversation.assigned';
      conversation: ConversationDoc;
      visitor: VisitorDoc;
      reason: AssignReason;
      previousAgentId: AgentId | null;
    }
  | { type: 'conversation.unassigned'; conversation: ConversationDoc; agentId: AgentId; reason: RemoveReason }
  | { type: 'queue.changed' }
  | { type: 'visitor.updated'; visitor: VisitorDoc }
  | { type: 'agent.updated'; agent: Agent }
  | { type: 'availability.changed' }
  | { type: 'sessions.revoked'; sessionIds: string[] }
  /** An agent's role or sites changed: their open consoles must stop following what they lost. */
  | { type: 'access.changed'; agentId: AgentId }
  /** A shopper's token was revoked (shop logout): its open sockets close. */
  | { type: 'visitor.session.revoked'; tokenHash: string }
  /** Knowledge base (issue 13): these articles were written or deleted; every node reloads them. */
  | { type: 'kb.changed'; siteId: SiteId; articleIds: ArticleId[] }
  /** After-sales (issue 12): an action changed state; its requester and the site's supervisors hear it. */
  | { type: 'order-action.updated'; action: OrderActionView }
  /** Supervisor view (issue 15): a supervisor calls these away agents of a site in, before a peak. */
  | { type: 'supervisor.call-in'; agentIds: AgentId[]; siteId: SiteId; siteName: string; by: string }
  // ---- response targets (issue 14, item 4)
  | import('./targets/target-events.js').TargetEvent
  // ---- live return card (issue 12 leftovers)
  | import('./returns/return-events.js').ReturnEvent;

export interface EventSink {
  publish(event: DomainEvent): void;
}

/** Fans events out to subscribers (the realtime layer; tests). */
export class EventBus implements EventSink {
  private readonly listeners = new Set<(e: DomainEvent) => void>();

  publish(event: DomainEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (e: DomainEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** An EventBus that also keeps every event, in order: for tests. */
export class EventLog extends EventBus {
  readonly events: DomainEvent[] = [];

  override publish(event: DomainEvent): void {
    this.events.push(event);
    super.publish(event);
  }

  ofType<T extends DomainEvent['type']>(type: T): Extract<DomainEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
  }
}
