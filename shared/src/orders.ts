/**
 * Order types, inferred from the contract's schemas (schemas/orders.ts) with a type-only
 * import, so clients get the shapes without the validators.
 */
import type { z } from 'zod';
import type { Millis } from './domain.js';
import type * as s from './schemas/orders.js';

export type Customer = z.output<typeof s.customer>;
export type PaymentState = z.output<typeof s.paymentState>;
export type OrderStatus = z.output<typeof s.orderStatus>;
export type FulfilmentStatus = z.output<typeof s.fulfilmentStatus>;
export type OrderActionKind = z.output<typeof s.orderActionKind>;
export type OrderLine = z.output<typeof s.orderLine>;
export type OrderTotals = z.output<typeof s.orderTotals>;
export type Address = z.output<typeof s.address>;
export type TrackingEvent = z.output<typeof s.trackingEvent>;
export type Fulfilment = z.output<typeof s.fulfilment>;
export type OrderSummary = z.output<typeof s.orderSummary>;
export type Order = z.output<typeof s.order>;
export type OrderActionRequest = z.output<typeof s.orderActionRequest>;
export type OrderActionOutcome = z.output<typeof s.orderActionOutcome>;
export type OrderProviderInput = z.input<typeof s.orderProviderInput>;

export type OrderProviderKind = 'none' | 'http' | 'vendure';

/** A site's provider as admins see it: the secret never leaves the server, only whether one is set. */
export interface OrderProviderSettings {
  kind: OrderProviderKind;
  url: string | null;
  hasSecret: boolean;
}

/**
 * The address as an agent first sees it: the street and phone masked ("•••• 12") until
 * revealed; the reveal is audited. City, region and country stay: they answer "where is it".
 */
export type MaskedAddress = Address & { masked: boolean };

/** An order as staff receive it. */
export type AgentOrder = Omit<Order, 'shippingAddress'> & { shippingAddress: MaskedAddress | null };

/**
 * An order as a shopper receives it: no street, no phone (a guest lookup must not turn an
 * order number and an email into someone's home address), no customer id.
 */
export type ShopperOrder = Omit<Order, 'shippingAddress' | 'customerId' | 'email'> & {
  shipTo: { city: string | null; country: string | null } | null;
};

/**
 * The honest state of a provider call: "unreachable" is never shown as "no orders".
 * cacheAgeMs: how old the answer is (0 = fetched just now).
 */
export type OrdersState<T> =
  | { state: 'ok'; value: T; cacheAgeMs: Millis }
  | { state: 'not_configured' }
  | { state: 'no_customer' }
  | { state: 'unreachable'; message: string };

export interface CustomerOrders {
  /** Phone masked, as on orders. */
  customer: Customer;
  /**
   * verified_id: the shop signed this shopper's identity; email: matched on an email the
   * shopper typed, which nobody verified (the console says so).
   */
  matchedBy: 'verified_id' | 'email';
  orders: OrderSummary[];
}

/** The body of a message of kind "order": enough to draw the card without a provider call. */
export interface OrderCard {
  orderId: string;
  number: string;
  status: OrderStatus;
  currency: string;
  total: number;
  itemCount: number;
  preview: string | null;
  placedAt: Millis;
}

export interface RevealAuditEntry {
  id: string;
  siteId: string;
  agentId: string;
  agentName: string;
  orderId: string;
  conversationId: string;
  field: 'address_and_phone';
  at: Millis;
}
