/**
 * Issue 10 item 14: malformed paths answer 400/404 in the catalogue shape (never 500 with a
 * logged stack, never Fastify's own body), source maps are not served, and every answer
 * carries the headers it needs: nosniff everywhere, no-store where secrets travel, HSTS only
 * over https, and the widget stays embeddable cross-origin (CORP cross-origin, framed by the
 * site's origins, no X-Frame-Options).
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../src/paths.js';
import { SHOP_ORIGIN, startTestServer, type TestServer } from '../support/test-server.js';

const MALFORMED = [
  '/%',
  '/%zz',
  '/api/v1/%',
  '/console/%',
  '/console/%E0%A4%A',
  '/console/..%2f..%2fpackage.json',
  '/console/assets/%c0%ae%c0%ae/x',
  '/widget/assets/%',
  '/widget/assets/..%2f..%2f..%2fpackage.json',
  '/widget/assets/%00.js',
];

describe('errors and headers', () => {
  let server: TestServer;
  let https: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    https = await startTestServer({ config: { publicUrl: 'https://chat.example.com', secureCookies: true } });
    admin = await server.login(server.adminEmail, server.adminPassword);
  });
  afterAll(async () => {
    await server.close();
    await https.close();
  });

  it('answers malformed paths 400/404 in the catalogue shape, without echoing Fastify', async () => {
    for (const url of MALFORMED) {
      const res = await fetch(server.url + url);
      expect([400, 404], url).toContain(res.status);
      const text = await res.text();
      expect(text, url).not.toMatch(/FST_|statusCode|not a valid url|Error:/);
      expect(JSON.parse(text), url).toEqual({ error: { code: expect.stringMatching(/^(validation_failed|not_found)$/), message: expect.any(String) } });
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('does not serve source maps, even one left in the build folder', async () => {
    const stray = path.join(paths.console, 'assets', 'stray-test.js.map');
    await writeFile(stray, '{"version":3,"sources":["secret.ts"]}');
    try {
      expect((await fetch(`${server.url}/console/assets/stray-test.js.map`)).status).toBe(404);
    } finally {
      await rm(stray, { force: true });
    }
    const consoleHtml = await (await fetch(`${server.url}/console/`)).text();
    const script = consoleHtml.match(/assets\/[^"]+\.js/)?.[0];
    expect(script).toBeDefined();
    expect((await fetch(`${server.url}/console/${script}.map`)).status).toBe(404);
  });

  it('keeps the widget embeddable: widget.js, the host script and the chat frame', async () => {
    const loader = await fetch(`${server.url}/widget.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('x-content-type-options')).toBe('nosniff');
    expect(loader.headers.get('cross-origin-resource-policy')).toBe('cross-origin');

    const host = (await readdir(path.join(paths.frame, 'assets'))).find((f) => f.startsWith('host-'));
    const hostRes = await fetch(`${server.url}/widget/assets/${host}`);
    expect(hostRes.status).toBe(200);
    expect(hostRes.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(hostRes.headers.get('x-content-type-options')).toBe('nosniff');

    const frame = await fetch(`${server.url}/widget/frame.html?site=${server.site.id}`);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('x-frame-options')).toBeNull();
    expect(frame.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${SHOP_ORIGIN}`);
    expect(frame.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('sends nosniff and same-origin CORP on the API, and no-store where secrets travel', async () => {
    const sites = await fetch(`${server.url}/api/v1/sites`, { headers: { cookie: admin } });
    expect(sites.status).toBe(200);
    expect(((await sites.json()) as { sites: { identitySecret: string }[] }).sites[0]!.identitySecret).toBeTruthy();
    expect(sites.headers.get('cache-control')).toBe('no-store');
    expect(sites.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sites.headers.get('cross-origin-resource-policy')).toBe('same-origin');

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');

    const session = await fetch(`${server.url}/api/v1/visitor/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteId: server.site.id, pageOrigin: SHOP_ORIGIN }),
    });
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the console unframeable and its images to its own origin', async () => {
    const res = await fetch(`${server.url}/console/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/img-src 'self' data:;/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends HSTS only when PUBLIC_URL is https', async () => {
    expect((await fetch(`${server.url}/health`)).headers.get('strict-transport-security')).toBeNull();
    const res = await fetch(`${https.url}/health`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
