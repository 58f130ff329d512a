/**
 * Issue 11: orders in the chat, and no shopper ever sees another customer's order: guessed
 * ids, a forged identity and a swapped email all get the answer a missing order gets. Guest
 * lookups are throttled per visitor and per address; agents see addresses masked, and each
 * reveal is in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signIdentity,
  agentCommand,
  MERCHANT_SECRET,
  next,
  ok,
  startMerchant,
  startTestServer,
  visitorCommand,
  type TestServer,
  type VisitorSocket,
} from '../support/index.js';

const sign = (id: string, secret = 'test-identity-secret') => signIdentity(secret, id);

describe('orders stay with their customer', () => {
  let server: TestServer;
  let merchant: Awaited<ReturnType<typeof startMerchant>>;

  beforeAll(async () => {
    merchant = await startMerchant();
    // No cache: each call reaches the merchant, so a stopped merchant shows at once.
    server = await startTestServer({ config: { orderCacheMs: 0, orderLookupsPerHour: 3, orderProviderTimeoutMs: 1000 } });
    await server.app.store.sites.update(server.site.id, {
      orderProvider: { kind: 'http', url: merchant.url, secret: MERCHANT_SECRET },
    });
  });
  afterAll(async () => {
    await server.close();
    await merchant.close();
  });

  async function verified(id: string, secret?: string) {
    const shopper = await server.visitor();
    // A refused claim is an error ack (identity_rejected): the shopper stays anonymous.
    const result = await visitorCommand(shopper.socket, 'visitor:identify', { id, signature: sign(id, secret) });
    if (!result.ok) expect(result.error.code).toBe('identity_rejected');
    return { ...shopper, verified: result.ok && result.data.verified };
  }

  const getOrder = (socket: VisitorSocket, orderId: string) => visitorCommand(socket, 'order:get', { orderId });

  it('tells the widget that the site has orders', async () => {
    const shopper = await server.visitor();
    expect(shopper.session.config.orders).toBe(true);
  });

  it('shows a verified shopper their own orders and timeline, and nobody else\'s', async () => {
    const mei = await verified('demo-customer-1');
    expect(mei.verified).toBe(true);
    const mine = ok(await visitorCommand(mei.socket, 'orders:mine', {}));
    if (mine.state !== 'ok') throw new Error(mine.state);
    expect(mine.value.map((o) => o.number)).toEqual(['1051', '1042', '1017']);
    expect(mine.cacheAgeMs).toBeGreaterThanOrEqual(0);

    const order = ok(await getOrder(mei.socket, 'ord_1042')).order;
    expect(order.fulfilments[0]!.events.length).toBeGreaterThan(1);
    expect(order.shipTo).toEqual({ city: 'Shanghai', country: 'CN' });
    // The shopper's view carries no street, phone or customer id.
    expect(JSON.stringify(order)).not.toMatch(/Century Avenue|138 0013|demo-customer-1/);

    const alexs = await getOrder(mei.socket, 'ord_2003');
    const missing = await getOrder(mei.socket, 'ord_9999');
    expect(alexs).toEqual({ ok: false, error: { code: 'not_found', message: 'Not found.' } });
    expect(alexs).toEqual(missing);
  });

  it('gives an anonymous shopper and a forged identity nothing', async () => {
    const anonymous = await server.visitor();
    expect(ok(await visitorCommand(anonymous.socket, 'orders:mine', {}))).toEqual({ state: 'no_customer' });
    expect(await getOrder(anonymous.socket, 'ord_1042')).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const forger = await verified('demo-customer-1', 'a-guessed-secret');
    expect(forger.verified).toBe(false);
    expect(ok(await visitorCommand(forger.socket, 'orders:mine', {}))).toEqual({ state: 'no_customer' });
    expect(await getOrder(forger.socket, 'ord_1042')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const card = await visitorCommand(forger.socket, 'order:card', {
      conversationId: ok(await visitorCommand(forger.socket, 'conversation:start', {})).conversation.id,
      clientId: randomUUID(),
      orderId: 'ord_1042',
    });
    expect(card).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lets a guest look an order up with number + email, the same refusal for a swapped email and no order', async () => {
    const guest = await server.visitor();
    const swapped = await visitorCommand(guest.socket, 'order:lookup', { number: '1042', email: 'alex@example.com' });
    const none = await visitorCommand(guest.socket, 'order:lookup', { number: '7777', email: 'mei@example.com' });
    expect(swapped).toEqual({ ok: false, error: { code: 'not_found', message: 'No order matches that number and email.' } });
    expect(none).toEqual(swapped);
    // Nor did the failed attempts open the order to this guest.
    expect(await getOrder(guest.socket, 'ord_1042')).toMatchObject({ ok: false });

    const found = ok(await visitorCommand(guest.socket, 'order:lookup', { number: '1042', email: 'Mei@Example.com' })).order;
    expect(found).toMatchObject({ id: 'ord_1042', number: '1042', status: 'shipped' });
    expect(ok(await getOrder(guest.socket, 'ord_1042')).order.id).toBe('ord_1042');
    // Proving order 1042 opens that order only.
    expect(await getOrder(guest.socket, 'ord_1017')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('throttles guessing per visitor and per address, even the right answer after the limit', async () => {
    const guesser = await server.visitor();
    for (const n of ['1', '2', '3']) {
      expect(await visitorCommand(guesser.socket, 'order:lookup', { number: n, email: 'target@example.com' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
    const blocked = await visitorCommand(guesser.socket, 'order:lookup', { number: '1042', email: 'mei@example.com' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'too_many_attempts', retryAfter: 3600 } });
    // Another browser trying the same address is throttled too.
    const other = await server.visitor();
    const byAddress = await visitorCommand(other.socket, 'order:lookup', { number: '1051', email: 'target@example.com' });
    expect(byAddress).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
  });

  it('carries an order card to the agent, who opens it masked and reveals it on the record', async () => {
    const agent = await server.agent({ name: 'Ann', role: 'admin' });
    const mei = await verified('demo-customer-1');
    const conversationId = ok(await visitorCommand(mei.socket, 'conversation:start', {})).conversation.id;
    const assigned = next(agent.socket as never, 'conversation:assigned');
    ok(await visitorCommand(mei.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Where is my order?' }));
    await assigned;
    ok(await agentCommand(agent.socket, 'conversation:open', { conversationId }));

    const arrives = next<{ message: { kind: string; card?: { number: string } } }>(agent.socket as never, 'message:created', (e) => e.message.kind === 'order');
    const sent = ok(await visitorCommand(mei.socket, 'order:card', { conversationId, clientId: randomUUID(), orderId: 'ord_1042' }));
    expect(sent.message).toMatchObject({ kind: 'order', text: 'Order #1042', card: { orderId: 'ord_1042', number: '1042', total: 15350 } });
    expect((await arrives).message.card?.number).toBe('1042');

    const list = ok(await agentCommand(agent.socket, 'orders:list', { conversationId }));
    if (list.state !== 'ok') throw new Error(list.state);
    expect(list.value.matchedBy).toBe('verified_id');
    expect(list.value.customer.phone).toBe('•••• 8000');
    expect(list.value.orders).toHaveLength(3);

    const { order } = ok(await agentCommand(agent.socket, 'order:get', { conversationId, orderId: 'ord_1042' }));
    expect(order.shippingAddress).toMatchObject({ line1: '••••', phone: '•••• 8000', city: 'Shanghai', masked: true });
    // An order of another customer is not reachable through this conversation.
    expect(await agentCommand(agent.socket, 'order:get', { conversationId, orderId: 'ord_2003' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const revealed = ok(await agentCommand(agent.socket, 'order:reveal', { conversationId, orderId: 'ord_1042' }));
    expect(revealed.address?.line1).toBe('88 Century Avenue, Apt 1203');
    const audit = await server.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: agent.cookie } });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().entries[0]).toMatchObject({ agentId: agent.agentId, agentName: 'Ann', orderId: 'ord_1042', conversationId, field: 'address_and_phone' });

    // A plain agent may not read the audit log.
    const plain = await server.agent({ name: 'Pat', online: false });
    const refused = await server.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: plain.cookie } });
    expect(refused.statusCode).toBe(403);
  });

  it('sends the product the page reported as a card, and refuses when there is none', async () => {
    const shopper = await server.visitor();
    const conversationId = ok(await visitorCommand(shopper.socket, 'conversation:start', {})).conversation.id;
    expect(await visitorCommand(shopper.socket, 'product:card', { conversationId, clientId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const product = { id: 'trail-2', title: 'Trail Runner 2', price: 89, currency: 'USD' };
    ok(await visitorCommand(shopper.socket, 'visitor:context', { product }));
    const { message } = ok(await visitorCommand(shopper.socket, 'product:card', { conversationId, clientId: randomUUID() }));
    expect(message).toMatchObject({ kind: 'product', text: 'Trail Runner 2', product });
  });

  it('says "unreachable" when the shop is down, never "no orders"', async () => {
    const mei = await verified('demo-customer-1');
    await merchant.close();
    const mine = ok(await visitorCommand(mei.socket, 'orders:mine', {}));
    expect(mine).toEqual({ state: 'unreachable', message: 'The shop is not answering.' });
    expect(await getOrder(mei.socket, 'ord_1042')).toMatchObject({ ok: false, error: { code: 'orders_unavailable' } });
  });
});
