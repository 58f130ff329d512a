/**
 * Vendure (open-source headless commerce) through its Admin GraphQL API, over plain HTTP: no
 * Vendure package in the server's dependencies. The secret is an Admin API bearer token (a
 * session token of an administrator allowed to read customers and orders).
 *
 * Vendure has no carrier tracking timeline; a fulfilment's timeline is built from the order's
 * history (its fulfilment state transitions), and the carrier is the fulfilment's method.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Customer, Fulfilment, FulfilmentStatus, Order, OrderActionKind, OrderActionOutcome, OrderActionRequest, OrderStatus, OrderSummary, PaymentState } from '@counter/shared';
import { orders as s } from '@counter/shared/schemas';
import type { CustomerQuery, OrderProvider, ProviderResult } from '../domain/orders/provider.js';
import { describeIssues } from './http-provider.js';
import { fetchJson } from './provider-fetch.js';
import { VendureActions } from './vendure-actions.js';

export interface VendureProviderOptions {
  /** The Admin API endpoint, e.g. https://shop.example.com/admin-api */
  url: string;
  token: string;
  timeoutMs: number;
  now?: () => number;
}

const CUSTOMER = 'id emailAddress firstName lastName phoneNumber';
const SUMMARY = 'id code state active orderPlacedAt createdAt currencyCode totalWithTax totalQuantity lines { productVariant { name } } payments { state }';
const ORDER = `${SUMMARY} subTotalWithTax shippingWithTax taxSummary { taxTotal } discounts { amountWithTax }
  customer { id emailAddress }
  shippingAddress { fullName streetLine1 streetLine2 city province postalCode countryCode phoneNumber }
  lines { id quantity unitPriceWithTax linePriceWithTax featuredAsset { preview } productVariant { id sku name product { id name } } }
  fulfillments { id state method trackingCode createdAt lines { orderLineId } }
  history(options: { take: 200, sort: { createdAt: ASC } }) { items { type createdAt data } }`;

interface VCustomer {
  id: string;
  emailAddress: string;
  firstName: string;
  lastName: string;
  phoneNumber: string | null;
}
interface VSummary {
  id: string;
  code: string;
  state: string;
  active: boolean;
  orderPlacedAt: string | null;
  createdAt: string;
  currencyCode: string;
  totalWithTax: number;
  totalQuantity: number;
  lines: { productVariant: { name: string } }[];
  payments: { state: string }[] | null;
}
interface VOrder extends VSummary {
  subTotalWithTax: number;
  shippingWithTax: number;
  taxSummary: { taxTotal: number }[];
  discounts: { amountWithTax: number }[];
  customer: { id: string; emailAddress: string } | null;
  shippingAddress: Record<string, string | null> | null;
  lines: (VSummary['lines'][number] & {
    id: string;
    quantity: number;
    unitPriceWithTax: number;
    linePriceWithTax: number;
    featuredAsset: { preview: string } | null;
    productVariant: { id: string; sku: string; name: string; product: { id: string; name: string } };
  })[];
  fulfillments: { id: string; state: string; method: string; trackingCode: string | null; createdAt: string; lines: { orderLineId: string }[] }[] | null;
  history: { items: { type: string; createdAt: string; data: Record<string, unknown> }[] };
}

const ORDER_STATUS: Record<string, OrderStatus> = {
  PaymentAuthorized: 'processing',
  PaymentSettled: 'processing',
  Modifying: 'processing',
  ArrangingAdditionalPayment: 'processing',
  PartiallyShipped: 'partially_shipped',
  Shipped: 'shipped',
  PartiallyDelivered: 'shipped',
  Delivered: 'delivered',
  Cancelled: 'cancelled',
};
const FULFILMENT_STATUS: Record<string, FulfilmentStatus> = { Pending: 'pending', Shipped: 'in_transit', Delivered: 'delivered', Cancelled: 'failed' };

const time = (iso: string | null, fallback: string) => Date.parse(iso ?? fallback);
const digest = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest();

function paymentState(o: VSummary): PaymentState {
  const states = (o.payments ?? []).map((p) => p.state);
  if (o.state === 'Cancelled') return states.includes('Settled') ? 'refunded' : 'cancelled';
  if (states.includes('Settled')) return 'paid';
  if (states.includes('Authorized')) return 'authorized';
  if (states.some((p) => p === 'Declined' || p === 'Error')) return 'failed';
  return 'pending';
}

function nextActions(status: OrderStatus, paid: PaymentState): OrderActionKind[] {
  const actions: OrderActionKind[] = [];
  if (status === 'placed' || status === 'processing') actions.push('cancel');
  if (paid === 'paid') actions.push('refund');
  if (status === 'shipped' || status === 'delivered') actions.push('return_request');
  actions.push('voucher');
  return actions;
}

function summary(o: VSummary): OrderSummary {
  return {
    id: o.id,
    number: o.code,
    placedAt: time(o.orderPlacedAt, o.createdAt),
    status: ORDER_STATUS[o.state] ?? 'placed',
    paymentState: paymentState(o),
    currency: o.currencyCode,
    total: o.totalWithTax,
    itemCount: o.totalQuantity,
    preview: o.lines[0]?.productVariant.name ?? null,
  };
}

function fulfilments(o: VOrder): Fulfilment[] {
  return (o.fulfillments ?? []).map((f) => ({
    id: f.id,
    status: FULFILMENT_STATUS[f.state] ?? 'pending',
    carrier: f.method || null,
    trackingCode: f.trackingCode || null,
    trackingUrl: null,
    lineIds: f.lines.map((l) => l.orderLineId),
    events: [
      { at: Date.parse(f.createdAt), status: 'pending' as const, description: 'Created', location: null },
      ...o.history.items
        .filter((h) => h.type === 'ORDER_FULFILLMENT_TRANSITION' && String(h.data.fulfillmentId) === f.id)
        .map((h) => ({ at: Date.parse(h.createdAt), status: FULFILMENT_STATUS[String(h.data.to)] ?? 'pending', description: String(h.data.to), location: null })),
    ],
  }));
}

function order(o: VOrder): Order {
  const head = summary(o);
  const a = o.shippingAddress;
  return {
    ...head,
    customerId: o.customer?.id ?? null,
    email: o.customer?.emailAddress ?? null,
    // A cancelled line keeps its row at quantity 0 in Vendure: it is no longer part of the order.
    lines: o.lines.filter((l) => l.quantity > 0).map((l) => ({
      id: l.id,
      productId: l.productVariant.product.id,
      sku: l.productVariant.sku || null,
      title: l.productVariant.product.name,
      variant: l.productVariant.name === l.productVariant.product.name ? null : l.productVariant.name,
      quantity: l.quantity,
      unitPrice: l.unitPriceWithTax,
      total: l.linePriceWithTax,
      image: l.featuredAsset?.preview ?? null,
    })),
    totals: {
      subtotal: o.subTotalWithTax,
      shipping: o.shippingWithTax,
      tax: o.taxSummary.reduce((n, t) => n + t.taxTotal, 0),
      discount: Math.abs(o.discounts.reduce((n, d) => n + d.amountWithTax, 0)),
      total: o.totalWithTax,
    },
    shippingAddress:
      a && (a.streetLine1 || a.city)
        ? {
            name: a.fullName || null,
            line1: a.streetLine1 || null,
            line2: a.streetLine2 || null,
            city: a.city || null,
            region: a.province || null,
            postalCode: a.postalCode || null,
            country: a.countryCode?.toUpperCase() || null,
            phone: a.phoneNumber || null,
          }
        : null,
    fulfilments: fulfilments(o),
    nextActions: nextActions(head.status, head.paymentState),
  };
}

const customer = (c: VCustomer): Customer => ({
  id: c.id,
  email: c.emailAddress,
  name: [c.firstName, c.lastName].filter(Boolean).join(' ') || null,
  phone: c.phoneNumber || null,
});

export class VendureOrderProvider implements OrderProvider {
  private readonly now: () => number;

  constructor(private readonly options: VendureProviderOptions) {
    this.now = options.now ?? Date.now;
  }

  async findCustomer(query: CustomerQuery): Promise<ProviderResult<Customer>> {
    if ('customerId' in query) {
      const r = await this.query<{ customer: VCustomer | null }>(`query($id: ID!) { customer(id: $id) { ${CUSTOMER} } }`, { id: query.customerId });
      return this.checked(r, (d) => d.customer && customer(d.customer), s.customer);
    }
    const r = await this.query<{ customers: { items: VCustomer[] } }>(
      `query($email: String!) { customers(options: { filter: { emailAddress: { eq: $email } }, take: 1 }) { items { ${CUSTOMER} } } }`,
      { email: query.email.trim().toLowerCase() },
    );
    return this.checked(r, (d) => (d.customers.items[0] ? customer(d.customers.items[0]) : null), s.customer);
  }

  async listOrders(customerId: string, limit: number): Promise<ProviderResult<OrderSummary[]>> {
    const r = await this.query<{ customer: { orders: { items: VSummary[] } } | null }>(
      `query($id: ID!, $take: Int!) { customer(id: $id) { orders(options: { take: $take, sort: { createdAt: DESC } }) { items { ${SUMMARY} } } } }`,
      { id: customerId, take: limit },
    );
    // Active orders are carts, not orders the customer placed.
    return this.checked(r, (d) => d.customer && d.customer.orders.items.filter((o) => !o.active && o.state !== 'Draft').map(summary), s.orderListAnswer.shape.orders);
  }

  async getOrder(orderId: string): Promise<ProviderResult<Order>> {
    const r = await this.query<{ order: VOrder | null }>(`query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: orderId });
    return this.checked(r, (d) => (d.order && !d.order.active ? order(d.order) : null), s.order);
  }

  async verifyGuest(orderNumber: string, email: string): Promise<ProviderResult<Order>> {
    const r = await this.query<{ orders: { items: VOrder[] } }>(
      `query($code: String!) { orders(options: { filter: { code: { eq: $code } }, take: 1 }) { items { ${ORDER} } } }`,
      { code: orderNumber },
    );
    if (r.kind !== 'ok') return r;
    const found = r.value.orders.items[0];
    // Compared in constant time, against a stand-in when there is no order: both failures look alike.
    const same = timingSafeEqual(digest(found?.customer?.emailAddress ?? 'no-order@invalid'), digest(email));
    if (!found || !same || found.active) return { kind: 'not_found' };
    return this.checked({ ...r, value: found }, order, s.order);
  }

  /** After-sales actions (issue 12); see vendure-actions.ts for how each is kept in Vendure. */
  act(request: OrderActionRequest): Promise<ProviderResult<OrderActionOutcome>> {
    return this.actions.act(request);
  }

  getAction(idempotencyKey: string, request?: OrderActionRequest): Promise<ProviderResult<OrderActionOutcome>> {
    return this.actions.find(idempotencyKey, request);
  }

  private readonly actions = new VendureActions((query, variables) => this.query(query, variables));

  private checked<D, T>(r: ProviderResult<D>, map: (d: D) => T | null, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] } }): ProviderResult<T> {
    if (r.kind !== 'ok') return r;
    const value = map(r.value);
    if (value === null) return { kind: 'not_found' };
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { kind: 'invalid_answer', reason: `Vendure's answer does not map to an order: ${describeIssues(parsed.error)}` };
    return { kind: 'ok', value: parsed.data, fetchedAt: r.fetchedAt };
  }

  private async query<D>(query: string, variables: Record<string, unknown>): Promise<ProviderResult<D>> {
    const answer = await fetchJson(
      new URL(this.options.url),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ query, variables }),
      },
      this.options.timeoutMs,
      this.now,
    );
    if (answer.kind !== 'ok') return answer;
    const body = answer.value as { data?: D | null; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error) {
      if (error.extensions?.code === 'FORBIDDEN') return { kind: 'unreachable', reason: 'Vendure refused our token: check the Admin API token' };
      if (error.extensions?.code === 'ENTITY_NOT_FOUND') return { kind: 'not_found' };
      return { kind: 'invalid_answer', reason: `Vendure: ${error.message}` };
    }
    if (!body.data) return { kind: 'invalid_answer', reason: 'Vendure answered without data' };
    return { kind: 'ok', value: body.data, fetchedAt: answer.fetchedAt };
  }
}
