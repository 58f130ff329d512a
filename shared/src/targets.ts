/**
 * Response targets (issue 14, item 4): how long a shopper may wait for a reply, per site and
 * tier, and what the site does shortly before a target is missed. Pure and tiny: the server's
 * sweeper and the console's countdown badge compute a conversation's due time with the same
 * function, so the badge and the recorded breach never disagree.
 */
import type { Conversation, Millis } from './domain.js';
import type { AgentId, ConversationId, SiteId } from './ids.js';

/** `vip`: a verified VIP shopper (the conversation's priority 1); `standard`: everyone else. */
export type TargetTier = 'vip' | 'standard';
export const TARGET_TIERS: readonly TargetTier[] = ['vip', 'standard'];

/** first: no agent has answered yet; next: the shopper wrote again; async: a left (offline) message. */
export type TargetKind = 'first' | 'next' | 'async';

export interface TierTargets {
  firstSeconds: number;
  nextSeconds: number;
  asyncSeconds: number;
}

/**
 * notify: the site's supervisors and admins hear of it; offer: free agents of the site are
 * offered it (a waiting conversation: whoever takes it first has it); move: it goes to the
 * least-loaded free agent (away from a holder who has not answered).
 */
export type EscalationAction = 'notify' | 'offer' | 'move';

export interface ResponseTargets {
  vip: TierTargets;
  standard: TierTargets;
  escalation: {
    action: EscalationAction;
    /** Escalate when this share of the target has passed (80: at 80 %). */
    atPercent: number;
  };
}

export const DEFAULT_TARGETS: ResponseTargets = {
  vip: { firstSeconds: 30, nextSeconds: 60, asyncSeconds: 2 * 3600 },
  standard: { firstSeconds: 180, nextSeconds: 300, asyncSeconds: 2 * 3600 },
  escalation: { action: 'notify', atPercent: 80 },
};

export const TARGET_LIMITS = { minSeconds: 5, maxSeconds: 7 * 24 * 3600, minPercent: 10, maxPercent: 100 } as const;

/** What a conversation owes its shopper now. */
export interface Due {
  kind: TargetKind;
  tier: TargetTier;
  /** Since when the shopper has been waiting (the clock of this target). */
  since: Millis;
  targetMs: number;
  dueAt: Millis;
  escalateAt: Millis;
}

export type DueInput = Pick<Conversation, 'status' | 'priority' | 'awaitingReplySince' | 'firstResponseAt' | 'offline'>;

export const tierOf = (c: Pick<Conversation, 'priority'>): TargetTier => (c.priority >= 1 ? 'vip' : 'standard');

/**
 * Null when nothing is owed: resolved, or no shopper message waits for an answer. Every
 * target runs from the oldest unanswered shopper message (for a first response, the first
 * message, which is also when it joined the queue). Not from `queuedAt`: a requeue moves
 * that, and the shopper's wait must not restart because the conversation changed hands.
 */
export function dueOf(c: DueInput, targets: ResponseTargets): Due | null {
  if (c.status === 'resolved' || c.awaitingReplySince === null) return null;
  const tier = tierOf(c);
  const t = targets[tier];
  const kind: TargetKind = c.offline ? 'async' : c.firstResponseAt === null ? 'first' : 'next';
  const since = c.awaitingReplySince;
  const targetMs = (kind === 'async' ? t.asyncSeconds : kind === 'first' ? t.firstSeconds : t.nextSeconds) * 1000;
  const escalateAt = since + Math.floor((targetMs * targets.escalation.atPercent) / 100);
  return { kind, tier, since, targetMs, dueAt: since + targetMs, escalateAt };
}

/** Milliseconds left before the breach; negative once breached. */
export const timeToBreach = (due: Due, now: Millis): number => due.dueAt - now;

/** One missed target, as recorded for the reports (one per conversation, kind and wait). */
export interface Breach {
  id: string;
  siteId: SiteId;
  conversationId: ConversationId;
  kind: TargetKind;
  tier: TargetTier;
  targetMs: number;
  /** How long the shopper had waited when the breach was seen (the sweep's time; ≥ targetMs). */
  actualMs: number;
  /** When the target was missed (`dueAt`). */
  at: Millis;
  /** Who held the conversation then; null: it waited in the queue. */
  agentId: AgentId | null;
}

/** Sent to staff when a conversation escalates. */
export interface TargetEscalation {
  conversationId: ConversationId;
  siteId: SiteId;
  kind: TargetKind;
  tier: TargetTier;
  dueAt: Millis;
  action: EscalationAction;
  /** move: who has it now; null otherwise or when nobody was free. */
  movedTo: AgentId | null;
}
