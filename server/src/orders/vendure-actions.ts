/**
 * After-sales actions on Vendure's Admin API. Vendure keeps no idempotency key, so the adapter
 * writes ours where it can find it again: `[counter:<key>]` at the start of the refund's
 * reason, the cancellation's reason and the order note; a voucher's coupon code is derived
 * from the key. `find` reads them back (the lookup by key), and `act` looks first, so a repeat
 * never refunds twice.
 *
 * Returns: Vendure has no return entity. A return is a private note on the order per step
 * ("[counter:k] return R-1A2B3C4D requested [lines]", then approve, reject, received), and its
 * refund is a real Vendure refund (refundOrder) whose reason names the return. Merchants see
 * the whole story in the order's history in Vendure's admin.
 */
import type { OrderActionOutcome, OrderActionRequest } from '@counter/shared';
import { sha256 } from '../domain/crypto.js';
import { valueOf } from '../domain/after-sales/money.js';
import type { ProviderResult } from '../domain/orders/provider.js';

export type GraphQl = <D>(query: string, variables: Record<string, unknown>) => Promise<ProviderResult<D>>;

interface VActionOrder {
  id: string;
  state: string;
  lines: { id: string; quantity: number; unitPriceWithTax: number }[];
  fulfillments: { state: string; lines: { orderLineId: string }[] }[] | null;
  payments: { id: string; state: string; amount: number; refunds: { id: string; total: number; state: string; reason: string | null }[] }[] | null;
  history: { items: { type: string; data: Record<string, unknown> }[] };
}

const ORDER = `id state lines { id quantity unitPriceWithTax } fulfillments { state lines { orderLineId } } payments { id state amount refunds { id total state reason } }
  history(options: { take: 1000, sort: { createdAt: ASC } }) { items { type data } }`;
const marker = (key: string) => `[counter:${key}]`;
export const voucherCode = (key: string) => `CTR-${sha256(key).slice(0, 10).toUpperCase()}`;
const returnIdOf = (key: string) => `R-${sha256(`return:${key}`).slice(0, 8).toUpperCase()}`;
const RETURN_NOTE = /^\[counter:([0-9a-f-]{36})\] return (R-[0-9A-F]{8}) (requested|approve|reject|received)(?: (\[.*?\]))?/;
const STEP_FROM: Record<string, string[]> = { approve: ['requested'], reject: ['requested'], received: ['approve'], refund: ['approve', 'received'] };

type Lines = { lineId: string; quantity: number }[];
type Found = Omit<OrderActionOutcome, 'kind' | 'idempotencyKey'>;

export class VendureActions {
  constructor(private readonly gql: GraphQl) {}

  async act(request: OrderActionRequest): Promise<ProviderResult<OrderActionOutcome>> {
    const seen = await this.find(request.idempotencyKey, request);
    if (seen.kind !== 'not_found') return seen;
    const done = await this.run(request);
    return done.kind === 'ok' ? { ...done, value: { kind: request.kind, idempotencyKey: request.idempotencyKey, ...done.value } } : done;
  }

  /** What became of the key: found in the order's refunds, history or the coupon codes; not_found: never done. */
  async find(key: string, request: OrderActionRequest | undefined): Promise<ProviderResult<OrderActionOutcome>> {
    if (!request) return { kind: 'not_found' };
    const wrap = (found: Found | null, fetchedAt: number): ProviderResult<OrderActionOutcome> =>
      found ? { kind: 'ok', value: { kind: request.kind, idempotencyKey: key, ...found }, fetchedAt } : { kind: 'not_found' };
    if (request.kind === 'voucher') {
      const r = await this.gql<{ promotions: { items: { couponCode: string }[] } }>(
        `query($code: String!) { promotions(options: { filter: { couponCode: { eq: $code } }, take: 1 }) { items { couponCode } } }`,
        { code: voucherCode(key) },
      );
      if (r.kind !== 'ok') return r;
      const p = r.value.promotions.items[0];
      return wrap(p ? { status: 'done', reference: p.couponCode, amount: null, message: null } : null, r.fetchedAt);
    }
    const r = await this.order(request.orderId);
    if (r.kind !== 'ok') return r;
    const o = r.value;
    const refund = (o.payments ?? []).flatMap((p) => p.refunds).find((f) => f.reason?.startsWith(marker(key)));
    if (refund) {
      const reference = request.kind === 'return_update' ? request.returnId : refund.id;
      return wrap({ status: refund.state === 'Settled' ? 'done' : 'pending', reference, amount: refund.total, message: null }, r.fetchedAt);
    }
    const item = o.history.items.find((h) => String(h.data.reason ?? h.data.note ?? '').startsWith(marker(key)));
    if (!item) return { kind: 'not_found' };
    if (item.type === 'ORDER_CANCELLATION') return wrap({ status: 'done', reference: o.id, amount: null, message: null }, r.fetchedAt);
    const note = RETURN_NOTE.exec(String(item.data.note));
    return wrap(note ? { status: note[3] === 'requested' ? 'pending' : 'done', reference: note[2]!, amount: null, message: null } : null, r.fetchedAt);
  }

  private async run(request: OrderActionRequest): Promise<ProviderResult<Found>> {
    const key = request.idempotencyKey;
    if (request.kind === 'voucher') return this.voucher(request);
    const r = await this.order(request.orderId);
    if (r.kind !== 'ok') return r;
    const o = r.value;
    const ok = (found: Found): ProviderResult<Found> => ({ kind: 'ok', value: found, fetchedAt: r.fetchedAt });
    const refuse = (message: string) => ok({ status: 'refused', reference: null, amount: null, message });
    switch (request.kind) {
      case 'refund': {
        const amount = request.amount ?? (request.lines ? valueOf({ lines: this.lines(o) }, request.lines) : null);
        if (amount === null && request.lines) return refuse('Unknown line or quantity.');
        return this.refund(o, amount, `${marker(key)} ${request.reason}`, null);
      }
      case 'cancel': {
        const lines = request.lineIds?.map((id) => ({ orderLineId: id, quantity: o.lines.find((l) => l.id === id)?.quantity ?? 0 }));
        if (lines?.some((l) => l.quantity === 0)) return refuse('Unknown line.');
        // Vendure would cancel shipped lines too; a shipped line is a return, not a cancellation.
        const shipped = new Set((o.fulfillments ?? []).filter((f) => f.state !== 'Cancelled').flatMap((f) => f.lines.map((l) => l.orderLineId)));
        if ((request.lineIds ?? o.lines.map((l) => l.id)).some((id) => shipped.has(id))) return refuse('Some of these lines have shipped.');
        const c = await this.gql<{ cancelOrder: { __typename: string; errorCode?: string; message?: string } }>(
          `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename ... on Order { id } ... on ErrorResult { errorCode message } } }`,
          { input: { orderId: o.id, reason: `${marker(key)} ${request.reason}`, ...(lines ? { lines } : {}) } },
        );
        if (c.kind !== 'ok') return c;
        if (c.value.cancelOrder.errorCode) return refuse(c.value.cancelOrder.message ?? c.value.cancelOrder.errorCode);
        return ok({ status: 'done', reference: o.id, amount: null, message: null });
      }
      case 'return_request': {
        if (valueOf({ lines: this.lines(o) }, request.lines) === null) return refuse('Unknown line or quantity.');
        const id = returnIdOf(key);
        const noted = await this.note(o.id, `${marker(key)} return ${id} requested ${JSON.stringify(request.lines)} ${request.reason}`);
        return noted.kind === 'ok' ? ok({ status: 'pending', reference: id, amount: null, message: null }) : noted;
      }
      case 'return_update': {
        const steps = this.returnSteps(o, request.returnId);
        if (!steps.requested) return refuse('No such return.');
        const last = steps.states.at(-1)!;
        if (!STEP_FROM[request.step]!.includes(last)) return refuse(`The return is at "${last}".`);
        if (request.step === 'refund') {
          const amount = request.amount ?? valueOf({ lines: this.lines(o) }, steps.requested);
          return this.refund(o, amount, `${marker(key)} return ${request.returnId}`, request.returnId);
        }
        const noted = await this.note(o.id, `${marker(key)} return ${request.returnId} ${request.step} ${request.reason}`);
        return noted.kind === 'ok' ? ok({ status: 'done', reference: request.returnId, amount: null, message: null }) : noted;
      }
    }
  }

  /** Vendure refunds one payment: the settled one; shipping and adjustment 0, the amount ours. */
  private async refund(o: VActionOrder, amount: number | null, reason: string, reference: string | null): Promise<ProviderResult<Found>> {
    const payment = (o.payments ?? []).find((p) => p.state === 'Settled');
    if (!payment) return { kind: 'ok', value: { status: 'refused', reference: null, amount: null, message: 'No settled payment to refund.' }, fetchedAt: Date.now() };
    const left = payment.amount - payment.refunds.filter((f) => f.state !== 'Failed').reduce((n, f) => n + f.total, 0);
    const value = amount ?? left;
    if (value <= 0 || value > left) return { kind: 'ok', value: { status: 'refused', reference: null, amount: null, message: 'More than what is left to refund.' }, fetchedAt: Date.now() };
    const r = await this.gql<{ refundOrder: { __typename: string; id?: string; state?: string; total?: number; errorCode?: string; message?: string } }>(
      `mutation($input: RefundOrderInput!) { refundOrder(input: $input) { __typename ... on Refund { id state total } ... on ErrorResult { errorCode message } } }`,
      { input: { paymentId: payment.id, amount: value, shipping: 0, adjustment: 0, reason } },
    );
    if (r.kind !== 'ok') return r;
    const f = r.value.refundOrder;
    if (f.errorCode) return { ...r, value: { status: 'refused', reference: null, amount: null, message: f.message ?? f.errorCode } };
    return { ...r, value: { status: f.state === 'Settled' ? 'done' : 'pending', reference: reference ?? f.id!, amount: f.total ?? value, message: null } };
  }

  private async voucher(request: Extract<OrderActionRequest, { kind: 'voucher' }>): Promise<ProviderResult<Found>> {
    const code = voucherCode(request.idempotencyKey);
    const action =
      request.value.type === 'fixed'
        ? { code: 'order_fixed_discount', arguments: [{ name: 'discount', value: String(request.value.amount) }] }
        : { code: 'order_percentage_discount', arguments: [{ name: 'discount', value: String(request.value.percent) }] };
    const r = await this.gql<{ createPromotion: { __typename: string; couponCode?: string; errorCode?: string; message?: string } }>(
      `mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { __typename ... on Promotion { couponCode } ... on ErrorResult { errorCode message } } }`,
      {
        input: {
          enabled: true,
          couponCode: code,
          // Single use: once in all, once per customer.
          usageLimit: 1,
          perCustomerUsageLimit: 1,
          endsAt: new Date(request.expiresAt).toISOString(),
          conditions: [],
          actions: [action],
          translations: [{ languageCode: 'en', name: `Counter voucher ${code}`, description: request.reason }],
        },
      },
    );
    if (r.kind !== 'ok') return r;
    const p = r.value.createPromotion;
    if (p.errorCode) return { ...r, value: { status: 'refused', reference: null, amount: null, message: p.message ?? p.errorCode } };
    return { ...r, value: { status: 'done', reference: p.couponCode ?? code, amount: null, message: null } };
  }

  private order(id: string): Promise<ProviderResult<VActionOrder>> {
    return this.gql<{ order: VActionOrder | null }>(`query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id }).then((r) =>
      r.kind !== 'ok' ? r : r.value.order ? { ...r, value: r.value.order } : { kind: 'not_found' as const },
    );
  }

  private note(orderId: string, note: string) {
    return this.gql<{ addNoteToOrder: { id: string } }>(`mutation($input: AddNoteToOrderInput!) { addNoteToOrder(input: $input) { id } }`, {
      input: { id: orderId, note, isPublic: false },
    });
  }

  private lines(o: VActionOrder) {
    return o.lines.map((l) => ({ id: l.id, unitPrice: l.unitPriceWithTax, quantity: l.quantity }));
  }

  /** The return's steps so far, from the order's notes (and a refund naming it). */
  private returnSteps(o: VActionOrder, returnId: string): { requested: Lines | null; states: string[] } {
    let requested: Lines | null = null;
    const states: string[] = [];
    for (const h of o.history.items) {
      if (h.type !== 'ORDER_NOTE') continue;
      const m = RETURN_NOTE.exec(String(h.data.note ?? ''));
      if (!m || m[2] !== returnId) continue;
      if (m[3] === 'requested') requested = JSON.parse(m[4] ?? '[]') as Lines;
      states.push(m[3]!);
    }
    const refunded = (o.payments ?? []).some((p) => p.refunds.some((f) => f.reason?.includes(`return ${returnId}`)));
    if (refunded) states.push('refunded');
    return { requested, states };
  }
}
