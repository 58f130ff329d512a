/**
 * The Vendure adapter against a real Vendure server (its own test tooling: SQLite through
 * sql.js, populated from initial data), on a loopback port. Customers, orders, payments and
 * fulfilments are created through Vendure's Admin API, then read back through the adapter:
 * find the customer, list orders, one order with its fulfilment and tracking, the guest check
 * with the right and a wrong email, and "unreachable" within the timeout once it stops.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@counter/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VendureOrderProvider } from '../../server/src/orders/vendure-provider.js';

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
    const { productVariants } = await admin<{ productVariants: { items: { id: string }[] } }>(`{ productVariants { items { id } } }`);
    const { createDraftOrder } = await admin<{ createDraftOrder: { id: string; code: string } }>(`mutation { createDraftOrder { id code } }`);
    made.orderId = createDraftOrder.id;
    made.code = createDraftOrder.code;
    const orderId = made.orderId;
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
