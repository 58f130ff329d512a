/**
 * The HTTP order-provider contract at the wire: Counter's adapter against the reference
 * implementation (signature verified, replay refused; each after-sales action, a repeated
 * key answered with the first outcome, the lookup by key), a provider that hangs (unreachable
 * within the timeout) and one that answers off-contract (refused with the field named).
 */
import { randomUUID } from 'node:crypto';
import type { OrderActionRequest } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedOrderProvider } from '../../src/domain/orders/cached-provider.js';
import { HttpOrderProvider } from '../../src/orders/http-provider.js';
import { REPLAY_WINDOW_MS, signRequest } from '../../src/orders/signature.js';
import { MERCHANT_SECRET, startFakeProvider, startMerchant } from '../support/index.js';

describe('HTTP order provider', () => {
  let merchant: Awaited<ReturnType<typeof startMerchant>>;
  let provider: HttpOrderProvider;

  beforeAll(async () => {
    merchant = await startMerchant();
    provider = new HttpOrderProvider({ url: merchant.url, secret: MERCHANT_SECRET, timeoutMs: 2000 });
  });
  afterAll(() => merchant.close());

  it('finds the customer, lists their orders and gets one with its fulfilment and tracking', async () => {
    const customer = await provider.findCustomer({ customerId: 'demo-customer-1' });
    expect(customer).toMatchObject({ kind: 'ok', value: { id: 'demo-customer-1', email: 'mei@example.com' } });
    const byEmail = await provider.findCustomer({ email: 'MEI@example.com' });
    expect(byEmail).toMatchObject({ kind: 'ok', value: { id: 'demo-customer-1' } });

    const list = await provider.listOrders('demo-customer-1', 10);
    if (list.kind !== 'ok') throw new Error(list.kind);
    expect(list.value.map((o) => o.number)).toEqual(['1051', '1042', '1017']);

    const order = await provider.getOrder('ord_1042');
    if (order.kind !== 'ok') throw new Error(order.kind);
    expect(order.value.fulfilments[0]).toMatchObject({ carrier: 'SF Express', trackingCode: 'SF1234567890123' });
    expect(order.value.fulfilments[0]!.events.length).toBeGreaterThan(1);
    expect(await provider.getOrder('ord_nope')).toEqual({ kind: 'not_found' });
  });

  it('verifies a guest only with the right email, and answers the same for a wrong email and no order', async () => {
    expect(await provider.verifyGuest('1042', 'mei@example.com')).toMatchObject({ kind: 'ok', value: { id: 'ord_1042' } });
    expect(await provider.verifyGuest('1042', 'alex@example.com')).toEqual({ kind: 'not_found' });
    expect(await provider.verifyGuest('9999', 'mei@example.com')).toEqual({ kind: 'not_found' });
  });

  it('is refused by the reference implementation with the wrong secret (reported as unreachable, not "no orders")', async () => {
    const impostor = new HttpOrderProvider({ url: merchant.url, secret: 'someone-elses-secret-000000', timeoutMs: 2000 });
    const result = await impostor.listOrders('demo-customer-1', 10);
    expect(result.kind).toBe('unreachable');
    expect(result.kind === 'unreachable' && result.reason).toMatch(/refused our credentials/);
  });

  it('refuses a replayed request and a stale one', async () => {
    const path = '/orders-api/orders/ord_1042';
    const headers = signRequest(MERCHANT_SECRET, { method: 'GET', path, body: '' }, Date.now());
    const url = new URL(merchant.url).origin + path;
    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    const replay = await fetch(url, { headers });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ error: 'replayed' });

    const old = signRequest(MERCHANT_SECRET, { method: 'GET', path, body: '' }, Date.now() - REPLAY_WINDOW_MS - 1000);
    const stale = await fetch(url, { headers: old });
    expect(await stale.json()).toEqual({ error: 'stale' });

    // The body is signed: the same headers over another body fail.
    const signed = signRequest(MERCHANT_SECRET, { method: 'POST', path: '/orders-api/orders/verify-guest', body: '{"number":"1042","email":"a@b.co"}' }, Date.now());
    const tampered = await fetch(new URL(merchant.url).origin + '/orders-api/orders/verify-guest', {
      method: 'POST',
      headers: { ...signed, 'content-type': 'application/json' },
      body: '{"number":"1042","email":"mei@example.com"}',
    });
    expect(await tampered.json()).toEqual({ error: 'bad_signature' });
  });

  it('gives up on a provider that never answers within the timeout, as unreachable', async () => {
    const hanging = await startFakeProvider(() => {
      /* never answers */
    });
    try {
      const slow = new HttpOrderProvider({ url: hanging.url, secret: MERCHANT_SECRET, timeoutMs: 300 });
      const started = performance.now();
      const result = await slow.getOrder('ord_1042');
      expect(result).toEqual({ kind: 'unreachable', reason: 'no answer within 300 ms' });
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      await hanging.close();
    }
  });

  it('rejects an answer that breaks the contract, naming the field', async () => {
    const bad = await startFakeProvider((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ orders: [{ id: 'x', number: '1', placedAt: 0, status: 'shipped', paymentState: 'paid', currency: 'usd', total: 1.5, itemCount: 1, preview: null }] }));
    });
    const notJson = await startFakeProvider((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>oops</html>');
    });
    try {
      const result = await new HttpOrderProvider({ url: bad.url, secret: MERCHANT_SECRET, timeoutMs: 2000 }).listOrders('c', 10);
      expect(result.kind).toBe('invalid_answer');
      const reason = result.kind === 'invalid_answer' ? result.reason : '';
      expect(reason).toMatch(/orders\.0\.currency/);
      expect(reason).toMatch(/orders\.0\.total/);
      const html = await new HttpOrderProvider({ url: notJson.url, secret: MERCHANT_SECRET, timeoutMs: 2000 }).listOrders('c', 10);
      expect(html).toEqual({ kind: 'invalid_answer', reason: 'the answer is not JSON' });
    } finally {
      await bad.close();
      await notJson.close();
    }
  });

  it('serves repeated calls from the short cache and reports the age', async () => {
    let now = 1_000_000;
    const cached = new CachedOrderProvider(provider, { ttlMs: 30_000, maxEntries: 10, clock: { now: () => now } });
    const before = merchant.calls();
    const [a, b] = await Promise.all([cached.getOrder('ord_1017'), cached.getOrder('ord_1017')]);
    expect(a).toBe(b);
    now += 10_000;
    await cached.getOrder('ord_1017');
    expect(merchant.calls() - before).toBe(1);
    now += 30_000;
    await cached.getOrder('ord_1017');
    expect(merchant.calls() - before).toBe(2);
  });

  // ---- after-sales actions (issue 12): each kind, a repeated key, the lookup by key ----

  describe('actions', () => {
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
});
