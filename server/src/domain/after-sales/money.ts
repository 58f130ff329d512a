/** What an action would send back to the shopper, worked out from the order as the shop reports it. */
import type { ActionSpec, Order } from '@counter/shared';

type Lines = { lineId: string; quantity: number }[];

/** The value of these lines at their unit price; null for an unknown line or too many of one. */
export function valueOf(order: { lines: readonly Pick<Order['lines'][number], 'id' | 'quantity' | 'unitPrice'>[] }, lines: Lines): number | null {
  let total = 0;
  for (const { lineId, quantity } of lines) {
    const line = order.lines.find((l) => l.id === lineId);
    if (!line || quantity > line.quantity) return null;
    total += line.unitPrice * quantity;
  }
  return total;
}

/**
 * Money out, for the refund limits and the daily total: refunds, cancellations (a paid order
 * cancelled is refunded) and a return's refund step. A return refund without an amount counts
 * as the whole order: the limit must hold for the largest it could be. null: no money moves
 * (a return request, its other steps, a voucher); undefined lines: a line the order lacks.
 */
export function moneyOut(spec: ActionSpec, order: Pick<Order, 'lines' | 'total'>): number | null | undefined {
  switch (spec.kind) {
    case 'refund':
      if (spec.amount !== undefined) return spec.amount;
      if (spec.lines) return valueOf(order, spec.lines) ?? undefined;
      return order.total;
    case 'cancel': {
      if (!spec.lineIds) return order.total;
      const lines = order.lines.filter((l) => spec.lineIds!.includes(l.id));
      return lines.length === spec.lineIds.length ? lines.reduce((sum, l) => sum + l.total, 0) : undefined;
    }
    case 'return_update':
      return spec.step === 'refund' ? (spec.amount ?? order.total) : null;
    default:
      return null;
  }
}
