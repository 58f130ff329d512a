/**
 * A site's order-provider secret goes in and never comes out: admins learn only that one is
 * set; an edit without it keeps it for the same address, and a new address needs it again
 * (the old shop's secret is never sent somewhere else).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/index.js';

const SECRET = 'a-very-secret-shared-hmac-key-123';

describe('the order provider secret is write-only', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.login(server.adminEmail, server.adminPassword);
  });
  afterAll(() => server.close());

  const patch = (body: object) =>
    server.app.inject({ method: 'PATCH', url: `/api/v1/sites/${server.site.id}`, headers: { cookie }, payload: body });

  it('stores the secret, answers only hasSecret, and keeps it for the same address', async () => {
    const set = await patch({ orderProvider: { kind: 'http', url: 'https://shop.example/orders', secret: SECRET } });
    expect(set.statusCode).toBe(200);
    expect(set.json().site.orderProvider).toEqual({ kind: 'http', url: 'https://shop.example/orders', hasSecret: true });
    expect(set.body).not.toContain(SECRET);
    const list = await server.app.inject({ method: 'GET', url: '/api/v1/sites', headers: { cookie } });
    expect(list.body).not.toContain(SECRET);

    const kept = await patch({ orderProvider: { kind: 'http', url: 'https://shop.example/orders' } });
    expect(kept.statusCode).toBe(200);
    expect((await server.app.store.sites.byId(server.site.id))?.orderProvider?.secret).toBe(SECRET);

    const moved = await patch({ orderProvider: { kind: 'http', url: 'https://elsewhere.example/orders' } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'orderProvider.secret' }] });
    expect((await server.app.store.sites.byId(server.site.id))?.orderProvider?.url).toBe('https://shop.example/orders');

    const none = await patch({ orderProvider: { kind: 'none' } });
    expect(none.json().site.orderProvider).toEqual({ kind: 'none', url: null, hasSecret: false });
    expect((await server.app.store.sites.byId(server.site.id))?.orderProvider).toBeNull();
  });

  it('tells the widget whether the site has orders, never how to reach them', async () => {
    await patch({ orderProvider: { kind: 'vendure', url: 'https://shop.example/admin-api', secret: SECRET } });
    const shopper = await server.visitor();
    expect(shopper.session.config.orders).toBe(true);
    expect(JSON.stringify(shopper.session)).not.toMatch(/shop\.example|a-very-secret/);
  });
});
