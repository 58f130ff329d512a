/** After-sales types, inferred from schemas/after-sales.ts with a type-only import. */
import type { z } from 'zod';
import type { AgentId, ConversationId, SiteId } from './ids.js';
import type { Millis } from './domain.js';
import type * as s from './schemas/after-sales.js';
import type * as o from './schemas/orders.js';

export type ActionKind = z.output<typeof o.actionKind>;
export type ActionSpec = z.output<typeof s.actionSpec>;
export type RoleLimits = z.output<typeof s.roleLimits>;
export type ActionLimits = z.output<typeof s.actionLimits>;
export type ReturnStep = z.output<typeof o.returnStep>;
export type VoucherValue = z.output<typeof o.voucherValue>;

/**
 * requested -> (pending_approval ->) running -> done | failed | unknown; pending_approval ->
 * rejected. unknown: the shop's answer was lost (timeout, reset); it is asked again by key,
 * never re-run blindly.
 */
export type ActionState = 'requested' | 'pending_approval' | 'running' | 'done' | 'failed' | 'unknown' | 'rejected';

/** One action as staff see it (ledger row, approval request). */
export interface OrderActionView {
  idempotencyKey: string;
  siteId: SiteId;
  conversationId: ConversationId;
  orderId: string;
  orderNumber: string;
  orderTotal: number;
  currency: string;
  kind: ActionKind;
  spec: ActionSpec;
  /** Money out (refund, cancellation) or the voucher's fixed value; null for a percentage or none. */
  amount: number | null;
  reason: string;
  state: ActionState;
  requestedBy: { id: AgentId; name: string };
  decidedBy: { id: AgentId; name: string; decision: 'approve' | 'reject'; note: string | null } | null;
  /** Why it needs approval ("above 200.00 per refund"), null when it ran at once. */
  approvalReason: string | null;
  reference: string | null;
  message: string | null;
  createdAt: Millis;
  updatedAt: Millis;
}

/** What an agent may do on an order of this site, to draw the buttons and the limits beside them. */
export interface ActionAllowance {
  role: 'owner' | 'admin' | 'supervisor' | 'agent';
  /** null: the owner (no limits). */
  limits: RoleLimits | null;
  /** Left of today's total; null: no daily total. */
  dailyLeft: number | null;
}

/** Append-only audit entry of an action (each state it reached). */
export interface ActionAuditEntry {
  id: string;
  siteId: SiteId;
  agentId: AgentId;
  agentName: string;
  action: ActionKind;
  /** requested, approval_requested, approved, rejected, done, failed, unknown. */
  event: string;
  amount: number | null;
  currency: string | null;
  orderId: string;
  /** What staff call the order ("#1042"). */
  orderNumber: string;
  conversationId: ConversationId;
  idempotencyKey: string;
  reference: string | null;
  outcome: string | null;
  at: Millis;
}
