/** The verdict on one action against a role's limits (pure; the daily total is the store's). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, judge, limitsOf, plainMoney } from '../../src/domain/after-sales/limits.js';

const order = { total: 10_000, lines: [{ id: 'l1', quantity: 2, unitPrice: 4_000 }, { id: 'l2', quantity: 1, unitPrice: 2_000 }] };
const money = plainMoney('USD');
const agent = DEFAULT_LIMITS.agent;

describe('after-sales limits', () => {
  it('lets refunds within both the amount and the share of the order run at once', () => {
    expect(judge(agent, { kind: 'refund', amount: 5_000 }, order as never, money)).toEqual({ kind: 'within', amount: 5_000, moneyOut: 5_000 });
    expect(judge(agent, { kind: 'refund', lines: [{ lineId: 'l1', quantity: 1 }] }, order as never, money)).toMatchObject({ kind: 'within', moneyOut: 4_000 });
  });

  it('asks for approval above the share of the order, and names why', () => {
    expect(judge(agent, { kind: 'refund', amount: 6_000 }, order as never, money)).toEqual({ kind: 'above', amount: 6_000, why: 'above 50% of the order', refuse: false });
    // No amount: the whole order, so the limit holds for the largest it could be.
    expect(judge(agent, { kind: 'cancel' }, order as never, money)).toMatchObject({ kind: 'above' });
    expect(judge(agent, { kind: 'return_update', returnId: 'r', step: 'refund' }, order as never, money)).toMatchObject({ kind: 'above' });
  });

  it('does not hold refunds of goods that come back to the share of the order; the amount per action still holds', () => {
    const whole = { kind: 'refund' as const, lines: [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }] };
    expect(judge(agent, whole, order as never, money, { value: 10_000 })).toMatchObject({ kind: 'within', moneyOut: 10_000 });
    expect(judge({ ...agent, maxRefund: 5_000 }, whole, order as never, money, { value: 10_000 })).toMatchObject({ kind: 'above', why: 'above 50.00 USD per refund' });
    // A return's refund step without an amount is the value of the return, not the whole order.
    const refundStep = { kind: 'return_update' as const, returnId: 'r', step: 'refund' as const };
    expect(judge(agent, refundStep, order as never, money, { value: 4_000 })).toEqual({ kind: 'within', amount: 4_000, moneyOut: 4_000 });
    // More than comes back is a concession again: the share holds.
    expect(judge(agent, { ...refundStep, amount: 6_000 }, order as never, money, { value: 4_000 })).toMatchObject({ kind: 'above', why: 'above 50% of the order' });
  });

  it('limits vouchers by amount and by percentage, and refuses where the site says so', () => {
    expect(judge(agent, { kind: 'voucher', value: { type: 'fixed', amount: 2_500 }, expiresInDays: 30 }, order as never, money)).toMatchObject({
      kind: 'above',
      why: 'above 20.00 USD per voucher',
    });
    expect(judge({ ...agent, aboveLimit: 'refuse' }, { kind: 'voucher', value: { type: 'percent', percent: 15 }, expiresInDays: 30 }, order as never, money)).toMatchObject({
      kind: 'above',
      refuse: true,
    });
  });

  it('refuses what the role may not do, lines the order lacks, and leaves the owner unlimited', () => {
    expect(judge({ ...agent, allowed: ['voucher'] }, { kind: 'refund', amount: 1 }, order as never, money)).toEqual({ kind: 'not_allowed' });
    expect(judge(agent, { kind: 'refund', lines: [{ lineId: 'l1', quantity: 3 }] }, order as never, money)).toEqual({ kind: 'bad_lines' });
    expect(limitsOf('owner', DEFAULT_LIMITS)).toBeNull();
    expect(judge(null, { kind: 'refund', amount: 10_000 }, order as never, money)).toMatchObject({ kind: 'within' });
  });
});
