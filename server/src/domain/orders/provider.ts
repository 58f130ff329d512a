/**
 * The seam between the domain and a shop's order system. Adapters (HTTP contract, Vendure)
 * implement it; the domain never learns which one it talks to. No framework imports here.
 */
import type { Customer, Millis, Order, OrderActionOutcome, OrderActionRequest, OrderSummary } from '@counter/shared';

/**
 * Every call ends in exactly one of these, so "the shop is down" can never be mistaken for
 * "this customer has no orders":
 * - ok: the provider answered and the answer passed the contract's schema;
 * - not_found: the provider answered that the thing does not exist;
 * - unreachable: no answer in time (refused, timed out, 5xx);
 * - invalid_answer: it answered, but not in the contract's shape (a bug on their side).
 */
export type ProviderResult<T> =
  | { kind: 'ok'; value: T; fetchedAt: Millis }
  | { kind: 'not_found' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'invalid_answer'; reason: string };

export type CustomerQuery = { customerId: string } | { email: string };

export interface OrderProvider {
  /** By the shop's own customer id (a verified identity) or by email. */
  findCustomer(query: CustomerQuery): Promise<ProviderResult<Customer>>;
  /** Newest first, at most `limit`. */
  listOrders(customerId: string, limit: number): Promise<ProviderResult<OrderSummary[]>>;
  getOrder(orderId: string): Promise<ProviderResult<Order>>;
  /**
   * The order whose number and email both match, or not_found for either mismatch: the
   * caller cannot tell "no such order" from "wrong email", and neither can a shopper.
   */
  verifyGuest(orderNumber: string, email: string): Promise<ProviderResult<Order>>;
  /**
   * After-sales actions (next issue). Absent: the adapter cannot act yet. Each request carries
   * an idempotency key; a retry returns the first outcome.
   */
  act?(request: OrderActionRequest): Promise<ProviderResult<OrderActionOutcome>>;
  /**
   * What became of the action with this key: the first outcome, or not_found when the shop
   * never saw it. How an action whose answer was lost (timeout, reset, a restart) is settled
   * without running it again. `request`: the action as sent, for adapters that find the key
   * on the order it acted on (Vendure keeps no key of its own).
   */
  getAction?(idempotencyKey: string, request?: OrderActionRequest): Promise<ProviderResult<OrderActionOutcome>>;
  /** Releases sockets, timers; called when the site's settings change or the server stops. */
  close?(): Promise<void>;
}
