/**
 * The Vendure adapter against a real Vendure server (its own test tooling: SQLite through
 * sql.js, populated from initial data), on a loopback port. Customers, orders, payments and
 * fulfilments are created through Vendure's Admin API, then read back through the adapter:
 * find the customer, list orders, one order with its fulfilment and tracking, the guest check
 * with the right and a wrong email, and "unreachable" within the timeout once it stops.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@counter/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VendureOrderProvider } from '../../server/src/orders/vendure-provider.js';
import type { OrderActionRequest } from '@counter/shared';

// Before Vendure loads: no phone-home from a test run.
process.env.VENDURE_DISABLE_TELEMETRY = 'true';
const here = path.dirname(fileURLToPath(import.meta.url));

describe('Vendure order provider', () => {
  let stop: (() => Promise<void>) | null = null;
  let dataDir: string;
  let adminApi: string;
  let token: string;
  let provider: VendureOrderProvider;
  const made = { customerId: '', orderId: '', code: '', email: 'mei.vendure@example.com' };

  async function admin<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(adminApi, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  /** An ErrorResult in a union answer is a failed step of the setup. */
  function must<T extends object>(value: T & { errorCode?: string; message?: string }): T {
    if (value.errorCode) throw new Error(`${value.errorCode}: ${value.message}`);
    return value;
  }

  /** A paid order of the customer's (two Trail Runners), shipped unless asked otherwise. */
  async function placeOrder(ship: boolean): Promise<{ orderId: string; code: string }> {
    const { productVariants } = await admin<{ productVariants: { items: { id: string }[] } }>(`{ productVariants { items { id } } }`);
    const { createDraftOrder } = await admin<{ createDraftOrder: { id: string; code: string } }>(`mutation { createDraftOrder { id code } }`);
    const orderId = createDraftOrder.id;
    must((await admin<{ setCustomerForDraftOrder: object }>(
      `mutation($orderId: ID!, $customerId: ID!) { setCustomerForDraftOrder(orderId: $orderId, customerId: $customerId) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
      { orderId, customerId: made.customerId },
    )).setCustomerForDraftOrder);
    must((await admin<{ addItemToDraftOrder: object }>(
      `mutation($orderId: ID!, $input: AddItemToDraftOrderInput!) { addItemToDraftOrder(orderId: $orderId, input: $input) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
      { orderId, input: { productVariantId: productVariants.items[0]!.id, quantity: 2 } },
    )).addItemToDraftOrder);
    await admin(
      `mutation($orderId: ID!, $input: CreateAddressInput!) { setDraftOrderShippingAddress(orderId: $orderId, input: $input) { id } }`,
      { orderId, input: { fullName: 'Mei Lin', streetLine1: '88 Century Avenue', city: 'Shanghai', postalCode: '200120', countryCode: 'CN', phoneNumber: '+86 138 0013 8000' } },
    );
    const { eligibleShippingMethodsForDraftOrder: methods } = await admin<{ eligibleShippingMethodsForDraftOrder: { id: string }[] }>(
      `query($orderId: ID!) { eligibleShippingMethodsForDraftOrder(orderId: $orderId) { id } }`,
      { orderId },
    );
    must((await admin<{ setDraftOrderShippingMethod: object }>(
      `mutation($orderId: ID!, $id: ID!) { setDraftOrderShippingMethod(orderId: $orderId, shippingMethodId: $id) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
      { orderId, id: methods[0]!.id },
    )).setDraftOrderShippingMethod);
    must((await admin<{ transitionOrderToState: object }>(
      `mutation($id: ID!) { transitionOrderToState(id: $id, state: "ArrangingPayment") { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
      { id: orderId },
    )).transitionOrderToState);
    must((await admin<{ addManualPaymentToOrder: object }>(
      `mutation($input: ManualPaymentInput!) { addManualPaymentToOrder(input: $input) { ... on Order { id state } ... on ErrorResult { errorCode message } } }`,
      { input: { orderId, method: 'manual', transactionId: 'txn-1', metadata: {} } },
    )).addManualPaymentToOrder);
    const { order } = await admin<{ order: { lines: { id: string; quantity: number }[] } }>(`query($id: ID!) { order(id: $id) { lines { id quantity } } }`, { id: orderId });
    if (!ship) return { orderId, code: createDraftOrder.code };
    const { addFulfillmentToOrder } = await admin<{ addFulfillmentToOrder: { id: string; errorCode?: string; message?: string } }>(
      `mutation($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) { ... on Fulfillment { id } ... on ErrorResult { errorCode message } } }`,
      {
        input: {
          lines: order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
          handler: { code: 'manual-fulfillment', arguments: [{ name: 'method', value: 'SF Express' }, { name: 'trackingCode', value: 'SF777' }] },
        },
      },
    );
    must((await admin<{ transitionFulfillmentToState: object }>(
      `mutation($id: ID!) { transitionFulfillmentToState(id: $id, state: "Shipped") { ... on Fulfillment { id } ... on ErrorResult { errorCode message } } }`,
      { id: must(addFulfillmentToOrder).id },
    )).transitionFulfillmentToState);
    return { orderId, code: createDraftOrder.code };
  }

  beforeAll(async () => {
    const { mergeConfig } = await import('@vendure/core');
    const { createTestEnvironment, registerInitializer, SqljsInitializer, testConfig } = await import('@vendure/testing');
    dataDir = await mkdtemp(path.join(tmpdir(), 'counter-vendure-'));
    registerInitializer('sqljs', new SqljsInitializer(dataDir));
    const port = await freePort();
    const config = mergeConfig(testConfig, { apiOptions: { port, hostname: '127.0.0.1' } });
    const { server, adminClient } = createTestEnvironment(config);
    await server.init({
      initialData: {
        defaultLanguage: 'en' as never,
        defaultZone: 'Asia',
        taxRates: [{ name: 'Standard Tax', percentage: 0 }],
        shippingMethods: [{ name: 'Standard Shipping', price: 500 }],
        paymentMethods: [],
        countries: [{ name: 'China', code: 'CN', zone: 'Asia' }],
        collections: [],
      },
      productsCsvPath: path.join(here, 'fixtures/vendure-products.csv'),
      customerCount: 1,
    });
    stop = () => server.destroy();
    await adminClient.asSuperAdmin();
    token = adminClient.getAuthToken();
    adminApi = `http://127.0.0.1:${port}/admin-api`;
    provider = new VendureOrderProvider({ url: adminApi, token, timeoutMs: 2000 });

    const { createCustomer } = await admin<{ createCustomer: { id: string; errorCode?: string; message?: string } }>(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ... on Customer { id } ... on ErrorResult { errorCode message } } }`,
      { input: { emailAddress: made.email, firstName: 'Mei', lastName: 'Lin', phoneNumber: '+86 138 0013 8000' } },
    );
    made.customerId = must(createCustomer).id;
    ({ orderId: made.orderId, code: made.code } = await placeOrder(true));
  }, 180_000);

  afterAll(async () => {
    await stop?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('finds the customer by id and by email', async () => {
    expect(await provider.findCustomer({ customerId: made.customerId })).toMatchObject({
      kind: 'ok',
      value: { id: made.customerId, email: made.email, name: 'Mei Lin' },
    });
    expect(await provider.findCustomer({ email: 'MEI.vendure@example.com' })).toMatchObject({ kind: 'ok', value: { id: made.customerId } });
    expect(await provider.findCustomer({ email: 'nobody@example.com' })).toEqual({ kind: 'not_found' });
  });

  it('lists the customer\'s orders and gets one with its fulfilment and tracking', async () => {
    const list = await provider.listOrders(made.customerId, 10);
    expect(list).toMatchObject({ kind: 'ok', value: [{ id: made.orderId, number: made.code, status: 'shipped', paymentState: 'paid', itemCount: 2 }] });
    const result = await provider.getOrder(made.orderId);
    if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
    const o = result.value;
    expect(o).toMatchObject({ customerId: made.customerId, email: made.email, currency: 'USD', status: 'shipped' });
    expect(o.lines[0]).toMatchObject({ title: 'Trail Runner 2', quantity: 2, unitPrice: 8900, total: 17800 });
    expect(o.totals).toMatchObject({ subtotal: 17800, shipping: 500, total: 18300 });
    expect(o.shippingAddress).toMatchObject({ line1: '88 Century Avenue', city: 'Shanghai', country: 'CN' });
    expect(o.fulfilments[0]).toMatchObject({ carrier: 'SF Express', trackingCode: 'SF777', status: 'in_transit' });
    expect(o.fulfilments[0]!.events.map((e) => e.status)).toContain('in_transit');
  });

  it('verifies a guest with the right email only, alike for a wrong email and no order', async () => {
    expect(await provider.verifyGuest(made.code, 'mei.vendure@example.com')).toMatchObject({ kind: 'ok', value: { id: made.orderId } });
    expect(await provider.verifyGuest(made.code, 'someone@example.com')).toEqual({ kind: 'not_found' });
    expect(await provider.verifyGuest('NO-SUCH-CODE', 'mei.vendure@example.com')).toEqual({ kind: 'not_found' });
  });

  // ---- after-sales actions (issue 12) ------------------------------------------------

  const act = async (request: Record<string, unknown>, key = randomUUID()) => {
    const result = await provider.act({ idempotencyKey: key, reason: 'Damaged box', ...request } as OrderActionRequest);
    if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
    return result.value;
  };
  const refundsOf = async (orderId: string) =>
    (await admin<{ order: { payments: { refunds: { id: string; total: number; reason: string }[] }[] } }>(
      `query($id: ID!) { order(id: $id) { payments { refunds { id total reason } } } }`,
      { id: orderId },
    )).order.payments.flatMap((p) => p.refunds);

  it('refunds through refundOrder once per key, and finds the refund by its key', async () => {
    const key = randomUUID();
    const first = await act({ kind: 'refund', orderId: made.orderId, amount: 1000 }, key);
    expect(first).toMatchObject({ kind: 'refund', idempotencyKey: key, amount: 1000 });
    expect(['done', 'pending']).toContain(first.status);
    // The retry after a lost answer: the same outcome, no second refund in Vendure.
    expect(await act({ kind: 'refund', orderId: made.orderId, amount: 1000 }, key)).toEqual(first);
    expect((await refundsOf(made.orderId)).filter((r) => r.reason.includes(key))).toHaveLength(1);
    expect(await provider.getAction(key, { kind: 'refund', idempotencyKey: key, orderId: made.orderId, amount: 1000, reason: 'x' })).toMatchObject({ kind: 'ok', value: { reference: first.reference } });
    const never = randomUUID();
    expect(await provider.getAction(never, { kind: 'refund', idempotencyKey: never, orderId: made.orderId, amount: 1, reason: 'x' })).toEqual({ kind: 'not_found' });
    expect(await act({ kind: 'refund', orderId: made.orderId, amount: 1_000_000 })).toMatchObject({ status: 'refused' });
  });

  it('keeps a return as order notes and refunds it at the end', async () => {
    const order = await provider.getOrder(made.orderId);
    if (order.kind !== 'ok') throw new Error(order.kind);
    const line = order.value.lines[0]!;
    const requested = await act({ kind: 'return_request', orderId: made.orderId, lines: [{ lineId: line.id, quantity: 1 }], attachmentIds: [] });
    expect(requested).toMatchObject({ status: 'pending' });
    const returnId = requested.reference!;
    expect(returnId).toMatch(/^R-[0-9A-F]{8}$/);
    const step = (s: string) => act({ kind: 'return_update', orderId: made.orderId, returnId, step: s });
    expect(await step('received')).toMatchObject({ status: 'refused' });
    expect(await step('approve')).toMatchObject({ status: 'done', reference: returnId });
    expect(await step('received')).toMatchObject({ status: 'done' });
    const refunded = await step('refund');
    expect(refunded).toMatchObject({ reference: returnId, amount: line.unitPrice });
    expect((await refundsOf(made.orderId)).some((r) => r.reason.includes(`return ${returnId}`))).toBe(true);
  });

  it('issues a single-use coupon with an expiry, once per key', async () => {
    const key = randomUUID();
    const request = { kind: 'voucher', customerId: made.customerId, orderId: null, currency: 'USD', value: { type: 'percent', percent: 10 }, expiresAt: Date.now() + 7 * 86_400_000 };
    const first = await act(request, key);
    expect(first).toMatchObject({ status: 'done' });
    expect(await act(request, key)).toEqual(first);
    const { promotions } = await admin<{ promotions: { items: { couponCode: string; usageLimit: number; perCustomerUsageLimit: number; endsAt: string }[] } }>(
      `query($code: String!) { promotions(options: { filter: { couponCode: { eq: $code } } }) { items { couponCode usageLimit perCustomerUsageLimit endsAt } } }`,
      { code: first.reference },
    );
    expect(promotions.items).toHaveLength(1);
    expect(promotions.items[0]).toMatchObject({ usageLimit: 1, perCustomerUsageLimit: 1 });
    expect(Date.parse(promotions.items[0]!.endsAt)).toBeGreaterThan(Date.now());
  });

  it('cancels an unshipped order through cancelOrder, and refuses to cancel a shipped one', async () => {
    const shipped = await act({ kind: 'cancel', orderId: made.orderId });
    expect(shipped.status).toBe('refused');
    const fresh = await placeOrder(false);
    const key = randomUUID();
    expect(await act({ kind: 'cancel', orderId: fresh.orderId }, key)).toMatchObject({ status: 'done' });
    const after = await provider.getOrder(fresh.orderId);
    expect(after).toMatchObject({ kind: 'ok', value: { status: 'cancelled' } });
    expect(await provider.getAction(key, { kind: 'cancel', idempotencyKey: key, orderId: fresh.orderId, reason: 'x' })).toMatchObject({ kind: 'ok', value: { status: 'done' } });
  });

  it('refuses a wrong token as unreachable, and says unreachable within the timeout once Vendure stops', async () => {
    const impostor = new VendureOrderProvider({ url: adminApi, token: 'not-a-token', timeoutMs: 2000 });
    expect(await impostor.getOrder(made.orderId)).toEqual({ kind: 'unreachable', reason: 'Vendure refused our token: check the Admin API token' });
    await stop?.();
    stop = null;
    const started = performance.now();
    const result = await provider.getOrder(made.orderId);
    expect(result.kind).toBe('unreachable');
    expect(performance.now() - started).toBeLessThan(2500);
  });
});
