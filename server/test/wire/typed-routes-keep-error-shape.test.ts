/**
 * REST routes are validated by their zod route schemas (fastify-type-provider-zod): a bad
 * body, param or query still answers in our catalogue shape with the offending paths, stores
 * nothing, and responses carry only what their response schema lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOP_ORIGIN as SHOP, startTestServer, type TestServer } from '../support/test-server.js';

describe('typed REST routes', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.adminEmail, server.adminPassword);
  });
  afterAll(() => server.close());

  it('answers a bad body with validation_failed, the dotted path of each issue, and stores nothing', async () => {
    const before = (await server.app.store.sites.list()).length;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { cookie: admin },
      payload: { name: 'Shop', allowedOrigins: ['https://ok.example', 'not an origin'], defaultLocale: 'fr' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('The request is not valid.');
    expect(error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['allowedOrigins.1', 'defaultLocale']);
    expect((await server.app.store.sites.list()).length).toBe(before);
  });

  it('refuses a malformed id in the path before any lookup', async () => {
    const res = await server.app.inject({
      method: 'PATCH',
      url: '/api/v1/agents/x',
      headers: { cookie: admin },
      payload: { name: 'New name' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'id' }] });
  });

  it('refuses a missing query parameter and a malformed bearer header', async () => {
    const noSite = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/visitor/sessions',
      headers: { authorization: `Bearer ${'a'.repeat(32)}` },
    });
    expect(noSite.statusCode).toBe(400);
    expect(noSite.json().error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'siteId' }] });
    const badHeader = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/visitor/sessions?siteId=${server.site.id}`,
      headers: { authorization: 'Basic abc' },
    });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().error.code).toBe('validation_failed');
  });

  it('reads the loader\'s text/plain unread check as JSON, and says so when it is not', async () => {
    const { token } = await server.visitor();
    const good = await server.app.inject({
      method: 'POST',
      url: '/api/v1/visitor/unread',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ siteId: server.site.id, token }),
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ unread: 0 });
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/v1/visitor/unread',
      headers: { 'content-type': 'text/plain' },
      payload: '{not json',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', issues: [{ message: 'Body must be JSON.' }] });
  });

  it('answers the loader\'s form-encoded unread check with the bare count, and validates the form', async () => {
    const { token } = await server.visitor();
    const good = await server.app.inject({
      method: 'POST',
      url: '/api/v1/visitor/unread',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', origin: SHOP },
      payload: new URLSearchParams({ siteId: server.site.id, token }).toString(),
    });
    expect(good.statusCode).toBe(200);
    expect(good.headers['content-type']).toMatch(/^text\/plain/);
    expect(good.headers['access-control-allow-origin']).toBe(SHOP);
    expect(good.body).toBe('0');
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/v1/visitor/unread',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'siteId=&token[]=x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('sends exactly the fields of the response schema', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().agent).sort()).toEqual(
      ['active', 'avatarUrl', 'capacity', 'connected', 'createdAt', 'email', 'id', 'load', 'name', 'prefs', 'role', 'siteIds', 'status'].sort(),
    );
  });
});
