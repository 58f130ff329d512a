/**
 * A merchant's backend for order tests: the reference implementation of the HTTP contract on
 * its own loopback port, serving the demo's sample orders, plus hooks to make it misbehave.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { DEMO_CUSTOMERS, demoOrders } from '../../src/demo/sample-orders.js';
import type { OrderActionRequest } from '@counter/shared';
import { orderProviderReference } from '../../src/http/order-provider-reference.js';
import { ReferenceActions } from '../../src/http/reference-actions.js';

export const MERCHANT_SECRET = 'merchant-shared-secret-0123456789';

export async function startMerchant(
  secret = MERCHANT_SECRET,
  hooks: { beforeAnswer?: (request: OrderActionRequest) => Promise<void>; actions?: ReferenceActions } = {},
) {
  const actions = hooks.actions ?? new ReferenceActions();
  const app = Fastify({ logger: false });
  let calls = 0;
  app.addHook('onRequest', async () => {
    calls++;
  });
  await app.register(orderProviderReference, {
    prefix: '/orders-api',
    secret: async () => secret,
    customers: DEMO_CUSTOMERS,
    orders: demoOrders,
    actions,
    ...(hooks.beforeAnswer ? { beforeAnswer: hooks.beforeAnswer } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/orders-api`, calls: () => calls, actions, close: () => app.close() };
}

/** A bare HTTP server answering every request with `handle` (slow, malformed...). */
export async function startFakeProvider(handle: Parameters<typeof createServer>[1]) {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/orders-api`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
