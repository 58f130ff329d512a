/**
 * The merchant's limits per site and role, and the verdict on one action: not allowed at all,
 * within the limits (runs at once), or above them (an approval request, or refused when the
 * site says so). Pure: the daily total is reserved by the service, in the store.
 */
import type { ActionKind, ActionLimits, ActionSpec, Order, Role, RoleLimits } from '@counter/shared';
import { moneyOut } from './money.js';

export const ALL_ACTIONS: ActionKind[] = ['refund', 'cancel', 'return_request', 'return_update', 'voucher'];

/** Until an admin sets them: agents small amounts, supervisors more, admins no cap. */
export const DEFAULT_LIMITS: ActionLimits = {
  agent: { allowed: ALL_ACTIONS, maxRefund: 20_000, maxRefundPercent: 50, dailyTotal: 50_000, maxVoucher: 2_000, maxVoucherPercent: 10, aboveLimit: 'approval' },
  supervisor: { allowed: ALL_ACTIONS, maxRefund: 100_000, maxRefundPercent: 100, dailyTotal: 500_000, maxVoucher: 10_000, maxVoucherPercent: 30, aboveLimit: 'approval' },
  admin: { allowed: ALL_ACTIONS, maxRefund: null, maxRefundPercent: null, dailyTotal: null, maxVoucher: null, maxVoucherPercent: null, aboveLimit: 'approval' },
};

/** The owner has no limits (null). */
export function limitsOf(role: Role, limits: ActionLimits): RoleLimits | null {
  return role === 'owner' ? null : limits[role];
}

export type Verdict =
  | { kind: 'not_allowed' }
  | { kind: 'bad_lines' }
  /** amount: money out (the daily total counts it), or the voucher's fixed value; null: none. */
  | { kind: 'within'; amount: number | null; moneyOut: number | null }
  | { kind: 'above'; amount: number | null; why: string; refuse: boolean };

/**
 * `returned`: the value of goods that come back with this action (approving a shopper's
 * return; a return's refund step, when the return's lines are known). Refunding what comes
 * back is not a concession, so the share-of-the-order cap (meant for refunds where the shopper
 * keeps the goods) does not apply up to that value; the amount per action and the daily total
 * still do. A return refund without an amount counts as that value (else the whole order).
 */
export function judge(
  limits: RoleLimits | null,
  spec: ActionSpec,
  order: Pick<Order, 'lines' | 'total'>,
  money: (n: number) => string,
  returned: { value: number } | null = null,
): Verdict {
  const out = spec.kind === 'return_update' && spec.step === 'refund' && spec.amount === undefined && returned ? returned.value : moneyOut(spec, order);
  if (out === undefined) return { kind: 'bad_lines' };
  const amount = out ?? (spec.kind === 'voucher' && spec.value.type === 'fixed' ? spec.value.amount : null);
  if (limits === null) return { kind: 'within', amount, moneyOut: out };
  if (!limits.allowed.includes(spec.kind)) return { kind: 'not_allowed' };
  const above = (why: string): Verdict => ({ kind: 'above', amount, why, refuse: limits.aboveLimit === 'refuse' });
  if (out !== null) {
    if (limits.maxRefund !== null && out > limits.maxRefund) return above(`above ${money(limits.maxRefund)} per refund`);
    const goodsBack = returned !== null && out <= returned.value;
    if (!goodsBack && limits.maxRefundPercent !== null && order.total > 0 && out * 100 > limits.maxRefundPercent * order.total) {
      return above(`above ${limits.maxRefundPercent}% of the order`);
    }
  }
  if (spec.kind === 'voucher') {
    const v = spec.value;
    if (v.type === 'fixed' && limits.maxVoucher !== null && v.amount > limits.maxVoucher) return above(`above ${money(limits.maxVoucher)} per voucher`);
    if (v.type === 'percent' && limits.maxVoucherPercent !== null && v.percent > limits.maxVoucherPercent) {
      return above(`above ${limits.maxVoucherPercent}% per voucher`);
    }
  }
  return { kind: 'within', amount, moneyOut: out };
}

/** Minor units as "12.34 USD" for staff-facing reasons (no locale: it is stored). */
export function plainMoney(currency: string): (n: number) => string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (n) => `${(n / 10 ** digits).toFixed(digits)} ${currency}`;
}
