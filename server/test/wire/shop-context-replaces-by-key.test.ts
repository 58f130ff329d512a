/**
 * `Counter('setContext', ...)` semantics at the wire (issue 17, item 3): each key given
 * replaces that part of what the agent sees, a key left out keeps its last value (a cart set
 * on one page is still the cart on the next), and `null` clears it (`cart: null` after
 * checkout).
 */
import { randomUUID } from 'node:crypto';
import type { VisitorProfile } from '@counter/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

const CART = { items: [{ id: 'sku-1', title: 'Trail Runner 2', quantity: 1, price: 120 }], total: 120, currency: 'EUR' };
const PRODUCT = { id: 'sku-2', title: 'City Knit', price: 90, currency: 'EUR', url: 'https://shop.test/p/city-knit' };

describe('shop context, key by key', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('replaces the keys given, keeps the others, and clears a key set to null', async () => {
    const agent = await server.agent({ name: 'Ann' });
    const { socket } = await server.visitor();
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    const assigned = next(agent.socket as never, 'conversation:assigned');
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'hi' }));
    await assigned;

    /** What the agent sees after the shopper's next context update. */
    const agentSees = async (input: Parameters<typeof visitorCommand<'visitor:context'>>[2]) => {
      const updated = next<{ visitor: VisitorProfile }>(agent.socket as never, 'visitor:updated');
      ok(await visitorCommand(socket, 'visitor:context', input));
      return (await updated).visitor;
    };

    expect(await agentSees({ cart: CART })).toMatchObject({ cart: CART, product: null });
    // Another page: a product, no word about the cart. The cart stays.
    expect(await agentSees({ product: PRODUCT, page: { url: PRODUCT.url, title: 'City Knit' } })).toMatchObject({ cart: CART, product: PRODUCT });
    // A cart replaces the whole cart (items are not merged).
    const smaller = { ...CART, items: [], total: 0 };
    expect((await agentSees({ cart: smaller })).cart).toEqual(smaller);
    // Checkout: the shop clears it; the product stays.
    expect(await agentSees({ cart: null })).toMatchObject({ cart: null, product: PRODUCT });
    expect(await agentSees({ product: null })).toMatchObject({ cart: null, product: null });
  });
});
