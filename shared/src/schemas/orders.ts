/**
 * The order-provider contract: what a shop's order system answers (validated by the server
 * on every answer: a provider is another party's code) and what clients send about orders.
 * docs/order-provider.openapi.yaml describes the same shapes for merchants.
 *
 * Money is an integer in the currency's minor unit (cents, fen; yen have none) with the
 * ISO 4217 code on the order: no float ever carries a price.
 */
import { z } from 'zod';
import * as c from './common.js';

/** Ids and numbers the shop chose: opaque strings, never interpreted by us. */
export const externalRef = z.string().trim().min(1).max(128);
const minor = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A discount or a refund may make a line negative; totals may not. */
const signedMinor = z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
export const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');
const when = z.int().min(0);
const short = (max: number) => z.string().trim().max(max);

export const customer = z.object({
  id: externalRef,
  email: c.email.nullable(),
  name: short(200).nullable(),
  phone: short(50).nullable(),
});

export const paymentState = z.enum(['pending', 'authorized', 'paid', 'partially_refunded', 'refunded', 'failed', 'cancelled']);
export const orderStatus = z.enum(['placed', 'processing', 'partially_shipped', 'shipped', 'delivered', 'cancelled']);
export const fulfilmentStatus = z.enum(['pending', 'shipped', 'in_transit', 'out_for_delivery', 'delivered', 'failed', 'returned']);
export const orderActionKind = z.enum(['refund', 'cancel', 'return_request', 'voucher']);

export const orderLine = z.object({
  id: externalRef,
  productId: externalRef.nullable(),
  sku: short(128).nullable(),
  title: short(300).min(1),
  /** "Blue / M": the variant as the shop names it. */
  variant: short(200).nullable(),
  quantity: z.int().min(1).max(100_000),
  unitPrice: minor,
  /** unitPrice × quantity after line discounts. */
  total: signedMinor,
  image: c.httpUrl.nullable(),
});

export const orderTotals = z.object({
  subtotal: minor,
  shipping: minor,
  tax: minor,
  discount: minor,
  total: minor,
});

export const address = z.object({
  name: short(200).nullable(),
  line1: short(300).nullable(),
  line2: short(300).nullable(),
  city: short(100).nullable(),
  region: short(100).nullable(),
  postalCode: short(32).nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/).nullable(),
  phone: short(50).nullable(),
});

export const trackingEvent = z.object({
  at: when,
  status: fulfilmentStatus,
  description: short(500),
  location: short(200).nullable(),
});

export const fulfilment = z.object({
  id: externalRef,
  status: fulfilmentStatus,
  carrier: short(100).nullable(),
  trackingCode: short(100).nullable(),
  trackingUrl: c.httpUrl.nullable(),
  lineIds: z.array(externalRef).max(500),
  /** Oldest first. */
  events: z.array(trackingEvent).max(200),
});

export const orderSummary = z.object({
  id: externalRef,
  /** What the shopper reads on their receipt ("#1042"); the guest lookup key. */
  number: externalRef,
  placedAt: when,
  status: orderStatus,
  paymentState,
  currency,
  total: minor,
  itemCount: z.int().min(0),
  /** First line's title, for a one-line preview. */
  preview: short(300).nullable(),
});

export const order = orderSummary.extend({
  customerId: externalRef.nullable(),
  email: c.email.nullable(),
  lines: z.array(orderLine).max(500),
  totals: orderTotals,
  shippingAddress: address.nullable(),
  fulfilments: z.array(fulfilment).max(50),
  /** What the shop would accept next; the actions issue acts on these. */
  nextActions: z.array(orderActionKind).max(4),
});

// ---- Answers of the HTTP provider (the OpenAPI file's response bodies) ----------------

export const customerAnswer = z.object({ customer: customer.nullable() });
export const orderListAnswer = z.object({ orders: z.array(orderSummary).max(100) });
export const orderAnswer = z.object({ order: order.nullable() });

// ---- Actions -----------------------------------------------------------------------------

/** Retrying with the same key never acts twice; the provider returns the first outcome. */
const idempotencyKey = z.uuid();
const reason = short(500).min(1);
/** Lines and how many of each; a partial refund or return names them. */
export const actionLines = z.array(z.object({ lineId: externalRef, quantity: z.int().min(1).max(100_000) })).min(1).max(500);

export const refundRequest = z.object({
  kind: z.literal('refund'),
  idempotencyKey,
  orderId: externalRef,
  /** Minor units; absent: the lines' value, else the whole remaining amount. */
  amount: z.int().min(1).optional(),
  lines: actionLines.optional(),
  reason,
});

export const cancelRequest = z.object({
  kind: z.literal('cancel'),
  idempotencyKey,
  orderId: externalRef,
  /** Absent: the whole order; else these lines, which must not have shipped. */
  lineIds: z.array(externalRef).min(1).max(500).optional(),
  reason,
});

export const returnRequest = z.object({
  kind: z.literal('return_request'),
  idempotencyKey,
  orderId: externalRef,
  lines: actionLines,
  reason,
  /** Photos the shopper attached (ids of our attachments, opaque to the shop). */
  attachmentIds: z.array(externalRef).max(10).default([]),
});

/** A step of a return the shop accepted: approve, reject, mark received, refund it. */
export const returnStep = z.enum(['approve', 'reject', 'received', 'refund']);
export const returnUpdateRequest = z.object({
  kind: z.literal('return_update'),
  idempotencyKey,
  orderId: externalRef,
  /** The shop's return id (the outcome's reference of the return request). */
  returnId: externalRef,
  step: returnStep,
  /** Step "refund" only; absent: the returned lines' value. */
  amount: z.int().min(1).optional(),
  reason,
});

export const voucherValue = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), amount: z.int().min(1) }),
  z.object({ type: z.literal('percent'), percent: z.int().min(1).max(100) }),
]);

/** Always single use, always with an expiry. */
export const voucherRequest = z.object({
  kind: z.literal('voucher'),
  idempotencyKey,
  customerId: externalRef,
  orderId: externalRef.nullable(),
  value: voucherValue,
  currency,
  expiresAt: when,
  reason,
});

export const orderActionRequest = z.discriminatedUnion('kind', [refundRequest, cancelRequest, returnRequest, returnUpdateRequest, voucherRequest]);
/** Every kind of action, the return's later steps included. */
export const actionKind = z.enum(['refund', 'cancel', 'return_request', 'return_update', 'voucher']);

export const orderActionOutcome = z.object({
  kind: actionKind,
  idempotencyKey,
  /** done: it happened; pending: the shop accepted it and finishes later; refused: the shop said no. */
  status: z.enum(['done', 'pending', 'refused']),
  /** The shop's reference (refund id, return id, voucher code...). */
  reference: short(200).nullable(),
  /** Money that moved (refunds, cancellations), minor units; null when none. */
  amount: minor.nullable().default(null),
  message: short(500).nullable(),
});

/** The answer to "what became of the action with this key?": null: the shop never saw it. */
export const actionLookupAnswer = z.object({ outcome: orderActionOutcome.nullable() });

// ---- What clients send -----------------------------------------------------------------

/** Guest lookup: both fields are compared by the server; the answer never says which failed. */
export const orderLookup = z.object({
  number: externalRef,
  email: c.email,
});

export const orderRef = z.object({ conversationId: c.conversationId, orderId: externalRef });

export const orderCardSend = z.object({
  conversationId: c.conversationId,
  clientId: c.clientMessageId,
  orderId: externalRef,
});

/** Per-site provider settings as admins send them; the secret is write-only. */
export const orderProviderInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('http'),
    url: c.httpUrl,
    /** Absent: keep the stored secret. */
    secret: z.string().min(16).max(256).optional(),
  }),
  z.object({
    kind: z.literal('vendure'),
    url: c.httpUrl,
    /** An Admin API token (Vendure API key or bearer session); absent: keep the stored one. */
    secret: z.string().min(1).max(512).optional(),
  }),
]);
