/**
 * A reference implementation of the HTTP order-provider contract
 * (docs/order-provider.openapi.yaml), serving the demo storefront's sample orders. Merchants
 * can read it as the worked example: verify the signature over the raw body first, answer
 * the same for "no such order" and "wrong email", never answer unsigned requests.
 *
 * Registered with a prefix (e.g. /demo/orders-api); encapsulated, so its raw-body JSON parser
 * stays inside it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Customer, Order, OrderActionRequest } from '@counter/shared';
import { orders as orderSchemas } from '@counter/shared/schemas';
import { z } from '@counter/shared/schemas';
import type { FastifyPluginAsync } from 'fastify';
import { NonceMemory, verifyRequest } from '../orders/signature.js';
import { ReferenceActions } from './reference-actions.js';

export interface ReferenceProviderOptions {
  /** The shared secret (read per request: an admin may rotate it). null: refuse everything. */
  secret: () => Promise<string | null>;
  customers: Customer[];
  orders: (now: number) => Order[];
  now?: () => number;
  /** Test hook: runs after an action is carried out and before it is answered (a slow or lost answer). */
  beforeAnswer?: (request: OrderActionRequest) => Promise<void>;
  /** Where actions are kept; pass one in to count them or to keep them across restarts. */
  actions?: ReferenceActions;
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

const findBody = z.union([z.object({ id: z.string().min(1).max(128) }), z.object({ email: z.string().min(3).max(254) })]);
const guestBody = z.object({ number: z.string().min(1).max(128), email: z.string().min(3).max(254) });

const digest = (value: string) => createHash('sha256').update(value.trim().toLowerCase()).digest();
/** Equal time whether the emails match or not, and whether the order existed or not. */
const sameEmail = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

const summary = (o: Order) => ({
  id: o.id, number: o.number, placedAt: o.placedAt, status: o.status, paymentState: o.paymentState,
  currency: o.currency, total: o.total, itemCount: o.itemCount, preview: o.preview,
});

export const orderProviderReference: FastifyPluginAsync<ReferenceProviderOptions> = async (app, options) => {
  const now = options.now ?? Date.now;
  const nonces = new NonceMemory();
  const actions = options.actions ?? new ReferenceActions();
  const orders = (at: number) => options.orders(at).map((o) => actions.apply(o));

  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('invalid JSON'), { statusCode: 400 }), undefined);
    }
  });

  // preHandler: after the body is read, so the signature covers the exact bytes received.
  app.addHook('preHandler', async (request, reply) => {
    const secret = await options.secret();
    const outcome = secret
      ? verifyRequest(secret, request.headers, { method: request.method, path: request.url, body: request.rawBody ?? '' }, now(), nonces)
      : 'missing';
    if (outcome !== 'ok') return reply.code(401).send({ error: outcome });
  });

  app.post('/customers/find', async (request, reply) => {
    const body = findBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'bad_request' });
    const q = body.data;
    const customer =
      'id' in q ? options.customers.find((c) => c.id === q.id) : options.customers.find((c) => c.email !== null && sameEmail(c.email, q.email));
    return { customer: customer ?? null };
  });

  app.get<{ Params: { id: string }; Querystring: { limit?: string } }>('/customers/:id/orders', async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit) || 10, 1), 100);
    const mine = orders(now())
      .filter((o) => o.customerId === request.params.id)
      .sort((a, b) => b.placedAt - a.placedAt)
      .slice(0, limit);
    return { orders: mine.map(summary) };
  });

  app.get<{ Params: { id: string } }>('/orders/:id', async (request) => ({
    order: orders(now()).find((o) => o.id === request.params.id) ?? null,
  }));

  app.post('/orders/verify-guest', async (request, reply) => {
    const body = guestBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'bad_request' });
    const order = orders(now()).find((o) => o.number === body.data.number) ?? null;
    // Compare against a stand-in when there is no order, so both failures take the same time.
    const matches = sameEmail(order?.email ?? 'no-order@invalid', body.data.email) && order !== null;
    return { order: matches ? order : null };
  });

  app.post('/actions', async (request, reply) => {
    const body = orderSchemas.orderActionRequest.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'bad_request' });
    const outcome = actions.act(body.data, orders(now()));
    await options.beforeAnswer?.(body.data);
    return outcome;
  });

  app.get<{ Params: { key: string } }>('/actions/:key', async (request) => ({ outcome: actions.lookup(request.params.key) }));
};
