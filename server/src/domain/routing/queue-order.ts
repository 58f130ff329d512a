/**
 * The queue's order (issue 14): tier and waiting time. Effective priority is
 *
 *   tier weight + minutes waited / AGING_MINUTES
 *
 * with weight 1 for a verified VIP and 0 otherwise. Between two conversations `now` cancels
 * out, so the order never changes while they wait: a VIP goes ahead of anyone who has waited
 * less than VIP_HEAD_START_MS longer, and behind anyone who has waited more. A VIP thus never
 * waits behind a long queue, and an ordinary shopper is passed by VIPs for at most ten
 * minutes, never starved. Because the order is fixed it is stored as one number (queueRank =
 * queuedAt - weight x head start) that every node sorts the same way, from an index.
 */
import type { Tier } from '@counter/shared';
import type { ConversationDoc } from '../../store/documents.js';

/** One unit of tier weight is worth this much waiting. */
export const AGING_MINUTES = 10;
export const VIP_HEAD_START_MS = AGING_MINUTES * 60_000;

/** The weight of a conversation's tier (the stored `priority`: 1 = verified VIP). */
export const tierWeight = (priority: number): number => (priority > 0 ? 1 : 0);

export const priorityOfTier = (tier: Tier | null | undefined): number => (tier === 'vip' ? 1 : 0);

/** The stored sort key: lower goes first. */
export const queueRank = (queuedAt: number, priority: number): number => queuedAt - tierWeight(priority) * VIP_HEAD_START_MS;

/**
 * Effective priority now: higher goes first (the same order as queueRank). For views that
 * show or sort by urgency, e.g. response targets.
 */
export function queueOrder(conversation: Pick<ConversationDoc, 'priority' | 'queuedAt' | 'requestedAt' | 'createdAt'>, now: number): number {
  const since = conversation.queuedAt ?? conversation.requestedAt ?? conversation.createdAt;
  return tierWeight(conversation.priority) + Math.max(0, now - since) / 60_000 / AGING_MINUTES;
}
