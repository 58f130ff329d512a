/**
 * Issue 12: each after-sales action through the HTTP contract, against its reference
 * implementation: refunds by amount and by line, cancellations (whole, unshipped lines, and
 * refused for shipped ones), a return from request to refund, vouchers fixed and percentage;
 * a repeated key answers the first outcome, and the lookup by key says what became of it.
 */
import { randomUUID } from 'node:crypto';
import type { OrderActionRequest } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpOrderProvider } from '../../src/orders/http-provider.js';
import { MERCHANT_SECRET, startMerchant } from '../support/index.js';

describe('HTTP order provider actions', () => {
  let merchant: Awaited<ReturnType<typeof startMerchant>>;
  let provider: HttpOrderProvider;

  beforeAll(async () => {
    merchant = await startMerchant();
    provider = new HttpOrderProvider({ url: merchant.url, secret: MERCHANT_SECRET, timeoutMs: 2000 });
  });
  afterAll(() => merchant.close());

  const act = async (request: Record<string, unknown>) => {
    const result = await provider.act({ idempotencyKey: randomUUID(), reason: 'test', ...request } as OrderActionRequest);
    if (result.kind !== 'ok') throw new Error(`${result.kind}`);
    return result.value;
  };
  const paymentOf = async (orderId: string) => {
    const r = await provider.getOrder(orderId);
    if (r.kind !== 'ok') throw new Error(r.kind);
    return { paymentState: r.value.paymentState, status: r.value.status };
  };

  it('refunds by amount and by line, never more than is left', async () => {
    expect(await act({ kind: 'refund', orderId: 'ord_1017', amount: 1000 })).toMatchObject({ status: 'done', amount: 1000 });
    expect(await paymentOf('ord_1017')).toMatchObject({ paymentState: 'partially_refunded' });
    expect(await act({ kind: 'refund', orderId: 'ord_1017', lines: [{ lineId: 'l1', quantity: 1 }] })).toMatchObject({ status: 'refused' });
    expect(await act({ kind: 'refund', orderId: 'ord_1017', amount: 5450 })).toMatchObject({ status: 'done', amount: 5450 });
    expect(await paymentOf('ord_1017')).toMatchObject({ paymentState: 'refunded' });
  });

  it('cancels unshipped lines, the whole order, and refuses shipped lines', async () => {
    expect(await act({ kind: 'cancel', orderId: 'ord_1042', lineIds: ['l1'] })).toMatchObject({ status: 'refused', message: 'Some of these lines have shipped.' });
    expect(await act({ kind: 'cancel', orderId: 'ord_2003', lineIds: ['l1'] })).toMatchObject({ status: 'done' });
    expect(await act({ kind: 'cancel', orderId: 'ord_1051' })).toMatchObject({ status: 'done', amount: 8900 });
    expect(await paymentOf('ord_1051')).toMatchObject({ status: 'cancelled' });
  });

  it('takes a return from request to approval, receipt and refund, in that order only', async () => {
    const requested = await act({ kind: 'return_request', orderId: 'ord_1042', lines: [{ lineId: 'l1', quantity: 1 }], attachmentIds: ['att_1'] });
    expect(requested).toMatchObject({ status: 'pending' });
    const returnId = requested.reference!;
    const step = (s: string) => act({ kind: 'return_update', orderId: 'ord_1042', returnId, step: s });
    expect(await step('received')).toMatchObject({ status: 'refused' });
    expect(await step('approve')).toMatchObject({ status: 'done', reference: returnId });
    expect(await step('received')).toMatchObject({ status: 'done' });
    const refunded = await step('refund');
    expect(refunded).toMatchObject({ status: 'done', reference: returnId });
    expect(refunded.amount).toBeGreaterThan(0);
    expect(await step('refund')).toMatchObject({ status: 'refused' });
  });

  it('issues single-use vouchers, fixed or percentage, with an expiry', async () => {
    const base = { kind: 'voucher', customerId: 'demo-customer-1', orderId: null, currency: 'USD', expiresAt: Date.now() + 86_400_000 };
    expect((await act({ ...base, value: { type: 'fixed', amount: 500 } })).reference).toMatch(/^CTR-[0-9A-F]{8}$/);
    expect((await act({ ...base, value: { type: 'percent', percent: 15 } })).status).toBe('done');
  });

  it('answers a repeated key with the first outcome, and looks a key up', async () => {
    const key = randomUUID();
    const before = merchant.actions.executed;
    const first = await provider.act({ kind: 'refund', idempotencyKey: key, orderId: 'ord_2003', amount: 100, reason: 'x' });
    const again = await provider.act({ kind: 'refund', idempotencyKey: key, orderId: 'ord_2003', amount: 999, reason: 'changed' });
    expect(first).toMatchObject({ kind: 'ok', value: { status: 'done', amount: 100 } });
    expect(again.kind === 'ok' && again.value).toEqual(first.kind === 'ok' && first.value);
    expect(merchant.actions.executed).toBe(before + 1);
    expect(await provider.getAction(key)).toMatchObject({ kind: 'ok', value: { idempotencyKey: key, amount: 100 } });
    expect(await provider.getAction(randomUUID())).toEqual({ kind: 'not_found' });
  });
});
