/**
 * After-sales actions as agents send them, the approvals around them and the limits a site
 * sets per role. The provider-side shapes (what the shop receives) are in orders.ts; here is
 * what a console may ask for: never a customer id or an amount the server cannot check
 * against the order it reads itself.
 */
import { z } from 'zod';
import * as c from './common.js';
import { actionKind, actionLines, externalRef, returnStep, voucherValue } from './orders.js';

const minor = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const percent = z.int().min(0).max(100);

/** What the agent wants done; the server builds the provider request from it and the order. */
export const actionSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('refund'), amount: z.int().min(1).optional(), lines: actionLines.optional() }),
  z.object({ kind: z.literal('cancel'), lineIds: z.array(externalRef).min(1).max(500).optional() }),
  z.object({ kind: z.literal('return_request'), lines: actionLines, attachmentIds: z.array(externalRef).max(10).default([]) }),
  z.object({ kind: z.literal('return_update'), returnId: externalRef, step: returnStep, amount: z.int().min(1).optional() }),
  z.object({ kind: z.literal('voucher'), value: voucherValue, expiresInDays: z.int().min(1).max(365).default(30) }),
]);

export const orderAction = z.object({
  conversationId: c.conversationId,
  orderId: externalRef,
  /** One per opened form: a double click or a retry sends the same key and acts once. */
  idempotencyKey: z.uuid(),
  /** Shown to staff only, never to the shopper. */
  reason: c.plainLine(500).min(1),
  action: actionSpec,
});

export const approvalsList = z.object({
  /** Default: those waiting for a decision. */
  state: z.enum(['pending_approval', 'all']).default('pending_approval'),
});

export const approvalDecide = z.object({
  idempotencyKey: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  note: c.plainLine(500).optional(),
});

/** null: no limit of that kind. */
export const roleLimits = z.object({
  /** Actions the role may take (or request) at all. */
  allowed: z.array(actionKind).max(5),
  /** Largest refund (refund, cancellation, a return's refund) per action, minor units. */
  maxRefund: minor.nullable(),
  /** ...and as a share of the order's total. */
  maxRefundPercent: percent.nullable(),
  /** Money one person may send back per day (UTC) without approval. */
  dailyTotal: minor.nullable(),
  /** Largest fixed voucher, minor units, and largest percentage voucher. */
  maxVoucher: minor.nullable(),
  maxVoucherPercent: percent.nullable(),
  /** Above a limit: ask a supervisor (approval), or refuse outright (over_limit). */
  aboveLimit: z.enum(['approval', 'refuse']),
});

export const actionLimits = z.object({
  agent: roleLimits,
  supervisor: roleLimits,
  admin: roleLimits,
});

export const actionLimitsGet = z.object({ siteId: c.siteId });
export const actionLimitsSet = z.object({ siteId: c.siteId, limits: actionLimits });

export const actionLedgerQuery = z.object({
  agentId: c.agentId.optional(),
  kind: actionKind.optional(),
  /** Epoch ms, inclusive range. */
  from: z.int().min(0).optional(),
  to: z.int().min(0).optional(),
  limit: z.int().min(1).max(1000).default(200),
});

export const afterSalesSchemas = {
  'order:action': orderAction,
  'approvals:list': approvalsList,
  'approval:decide': approvalDecide,
  'action-limits:get': actionLimitsGet,
  'action-limits:set': actionLimitsSet,
  'action-audit:list': actionLedgerQuery,
} as const;
