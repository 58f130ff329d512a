/**
 * Issue 10 item 6: a page on another origin (a sibling subdomain gets our SameSite cookie)
 * must not change anything with the agent's cookie: a plain auto-submitted form, a text/plain
 * "simple" fetch or a same-site fetch is refused before the route runs. Our own pages and
 * non-browser clients (no Origin, no Sec-Fetch-Site) keep working, and so does the loader's
 * cross-origin unread check from shop pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOP_ORIGIN, startTestServer, type TestServer } from '../support/test-server.js';

const FORM = 'application/x-www-form-urlencoded';

describe('cross-origin state changes are refused (CSRF)', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.adminEmail, server.adminPassword);
  });
  afterAll(() => server.close());

  const ownOrigin = () => server.url;
  const stillSignedIn = async (cookie: string) =>
    (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).status;

  it('refuses an auto-submitted form from a same-site page: the session survives', async () => {
    const cookie = await server.login(server.adminEmail, server.adminPassword);
    const res = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.127.0.0.1.nip.io', 'sec-fetch-site': 'same-site', 'content-type': FORM },
      body: '',
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    expect(await stillSignedIn(cookie)).toBe(200);
  });

  it('refuses a foreign Origin without Sec-Fetch-Site (older browsers), and Origin "null"', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const res = await fetch(`${server.url}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { cookie: admin, origin, 'content-type': FORM },
        body: 'x=1',
      });
      expect(res.status).toBe(403);
    }
    expect(await stillSignedIn(admin)).toBe(200);
  });

  it('refuses a cross-site JSON-looking text/plain post: the identity secret stays', async () => {
    const before = (await server.app.store.sites.byId(server.site.id))!.identitySecret;
    const res = await fetch(`${server.url}/api/v1/sites/${server.site.id}`, {
      method: 'PATCH',
      headers: { cookie: admin, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      body: JSON.stringify({ rotateIdentitySecret: true, allowedOrigins: ['https://evil.example'] }),
    });
    expect(res.status).toBe(403);
    const after = (await server.app.store.sites.byId(server.site.id))!;
    expect(after.identitySecret).toBe(before);
    expect(after.allowedOrigins).toEqual([SHOP_ORIGIN]);
  });

  it('requires JSON where a body is expected, even from our own origin: nothing is created', async () => {
    const count = async () => (await server.app.store.cannedReplies.list()).length;
    const before = await count();
    for (const [type, body] of [
      [FORM, 'shortcut=x&title=x&text=x'],
      ['text/plain', JSON.stringify({ shortcut: 'x', title: 'x', text: 'x' })],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="shortcut"\r\n\r\nx\r\n--b--\r\n'],
    ]) {
      const res = await fetch(`${server.url}/api/v1/canned-replies`, {
        method: 'POST',
        headers: { cookie: admin, origin: ownOrigin(), 'sec-fetch-site': 'same-origin', 'content-type': type! },
        body,
      });
      expect(res.status, type).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
    expect(await count()).toBe(before);
  });

  it('lets our own pages and non-browser clients through', async () => {
    const fromConsole = await fetch(`${server.url}/api/v1/canned-replies`, {
      method: 'POST',
      headers: { cookie: admin, origin: ownOrigin(), 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify({ shortcut: 'csrf-ok', title: 'Hi', text: 'Hello', siteId: server.site.id }),
    });
    expect(fromConsole.status).toBe(201);
    // Behind a proxy that rewrites Host, PUBLIC_URL is ours too.
    const viaPublicUrl = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { origin: new URL(server.config.publicUrl).origin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
    });
    expect(viaPublicUrl.status).toBe(200);
    const script = await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: await server.login(server.adminEmail, server.adminPassword) } });
    expect(script.status).toBe(204);
  });

  it("keeps the loader's unread check working from the shop's page (text/plain, no cookie)", async () => {
    const { token } = await server.visitor();
    const res = await fetch(`${server.url}/api/v1/visitor/unread`, {
      method: 'POST',
      headers: { origin: SHOP_ORIGIN, 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ siteId: server.site.id, token }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(await res.json()).toEqual({ unread: 0 });
  });
});
