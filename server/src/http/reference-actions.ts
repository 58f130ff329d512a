/**
 * The after-sales half of the reference order provider: refunds, cancellations, returns and
 * vouchers over the demo's orders, kept in memory. It shows merchants the one rule the
 * contract insists on: an idempotency key acts once; a repeat (a retry after a timeout, a
 * second server) gets the first outcome back, and GET /actions/{key} answers what became of
 * a key (null: never seen), so Counter can settle an action whose answer it lost.
 */
import { createHash } from 'node:crypto';
import type { Order, OrderActionOutcome, OrderActionRequest } from '@counter/shared';
import { valueOf } from '../domain/after-sales/money.js';

type Lines = { lineId: string; quantity: number }[];
type Return = { id: string; orderId: string; lines: Lines; state: 'requested' | 'approved' | 'rejected' | 'received' | 'refunded' };

export class ReferenceActions {
  private readonly outcomes = new Map<string, OrderActionOutcome>();
  private readonly refunded = new Map<string, number>();
  private readonly cancelled = new Set<string>();
  private readonly returns = new Map<string, Return>();
  /** Actions carried out (not repeats): tests count them to prove "once". */
  executed = 0;

  lookup(key: string): OrderActionOutcome | null {
    return this.outcomes.get(key) ?? null;
  }

  /** The first outcome for a key, whatever the repeat carries. */
  act(request: OrderActionRequest, orders: Order[]): OrderActionOutcome {
    const first = this.outcomes.get(request.idempotencyKey);
    if (first) return first;
    const outcome = { kind: request.kind, idempotencyKey: request.idempotencyKey, ...this.run(request, orders) };
    this.outcomes.set(request.idempotencyKey, outcome);
    if (outcome.status !== 'refused') this.executed++;
    return outcome;
  }

  /** The demo orders as the actions left them (refunded, cancelled). */
  apply(order: Order): Order {
    const refunded = this.refunded.get(order.id) ?? 0;
    if (this.cancelled.has(order.id)) return { ...order, status: 'cancelled', paymentState: refunded > 0 ? 'refunded' : 'cancelled', nextActions: ['voucher'] };
    if (refunded === 0) return order;
    return { ...order, paymentState: refunded >= order.total ? 'refunded' : 'partially_refunded' };
  }

  private run(request: OrderActionRequest, orders: Order[]): Omit<OrderActionOutcome, 'kind' | 'idempotencyKey'> {
    const refuse = (message: string) => ({ status: 'refused' as const, reference: null, amount: null, message });
    if (request.kind === 'voucher') {
      const code = `CTR-${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 8).toUpperCase()}`;
      return { status: 'done', reference: code, amount: null, message: null };
    }
    const order = orders.find((o) => o.id === request.orderId);
    if (!order) return refuse('No such order.');
    if (this.cancelled.has(order.id)) return refuse('The order is cancelled.');
    switch (request.kind) {
      case 'refund': {
        const amount = request.amount ?? (request.lines ? valueOf(order, request.lines) : this.refundable(order));
        if (amount === null) return refuse('Unknown line or quantity.');
        return this.refund(order, amount, `rf_${this.executed + 1}`);
      }
      case 'cancel': {
        const shipped = new Set(order.fulfilments.filter((f) => f.status !== 'pending').flatMap((f) => f.lineIds));
        const lineIds = request.lineIds ?? order.lines.map((l) => l.id);
        if (lineIds.some((id) => shipped.has(id))) return refuse('Some of these lines have shipped.');
        const amount = request.lineIds ? valueOf(order, order.lines.filter((l) => lineIds.includes(l.id)).map((l) => ({ lineId: l.id, quantity: l.quantity }))) : this.refundable(order);
        if (amount === null) return refuse('Unknown line.');
        if (!request.lineIds) this.cancelled.add(order.id);
        this.refunded.set(order.id, (this.refunded.get(order.id) ?? 0) + amount);
        return { status: 'done', reference: `cx_${this.executed + 1}`, amount, message: null };
      }
      case 'return_request': {
        if (valueOf(order, request.lines) === null) return refuse('Unknown line or quantity.');
        const id = `ret_${this.returns.size + 1}`;
        this.returns.set(id, { id, orderId: order.id, lines: request.lines, state: 'requested' });
        return { status: 'pending', reference: id, amount: null, message: null };
      }
      case 'return_update': {
        const ret = this.returns.get(request.returnId);
        if (!ret || ret.orderId !== order.id) return refuse('No such return.');
        const next = STEPS[request.step];
        if (!next.from.includes(ret.state)) return refuse(`The return is ${ret.state}.`);
        if (request.step === 'refund') {
          const outcome = this.refund(order, request.amount ?? valueOf(order, ret.lines) ?? 0, `rf_${this.executed + 1}`);
          if (outcome.status === 'refused') return outcome;
          ret.state = next.to;
          return { ...outcome, reference: ret.id };
        }
        ret.state = next.to;
        return { status: 'done', reference: ret.id, amount: null, message: null };
      }
    }
  }

  private refundable(order: Order): number {
    return order.total - (this.refunded.get(order.id) ?? 0);
  }

  private refund(order: Order, amount: number, reference: string) {
    if (amount <= 0 || amount > this.refundable(order)) {
      return { status: 'refused' as const, reference: null, amount: null, message: 'More than what is left to refund.' };
    }
    this.refunded.set(order.id, (this.refunded.get(order.id) ?? 0) + amount);
    return { status: 'done' as const, reference, amount, message: null };
  }
}

const STEPS: Record<'approve' | 'reject' | 'received' | 'refund', { from: Return['state'][]; to: Return['state'] }> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested'], to: 'rejected' },
  received: { from: ['approved'], to: 'received' },
  refund: { from: ['approved', 'received'], to: 'refunded' },
};
