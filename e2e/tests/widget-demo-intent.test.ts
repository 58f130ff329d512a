/**
 * The demo storefront (strict nonce CSP, single-page navigation): the launcher appears and
 * the page makes no chat request until the shopper shows intent; then the chat works and
 * follows pushState navigation without reloading.
 */
import type { Browser, Page } from 'playwright-core';
import { freePort, startTestServer, type TestServer } from '@counter/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { chatReady, launcher, send, storedToken } from '../support/widget.js';

const DEMO_SITE = 'demo-store';

describe('the demo storefront before and after intent', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // The demo page points at publicUrl, and its site allows that origin: fix the port first.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    [server, browser] = await Promise.all([startTestServer({ config: { demo: true, publicUrl, port } }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function visitorOf(page: Page) {
    const token = await storedToken(page, DEMO_SITE);
    expect(token).toBeTruthy();
    const { visitor } = await server.app.services.visitors.authenticate(DEMO_SITE as never, token!);
    return visitor;
  }

  it('loads only widget.js before intent, then opens the chat and follows SPA navigation', async () => {
    await server.agent({ name: 'Ann' });
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('websocket', (ws) => requests.push(new URL(ws.url()).pathname));
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));

    await page.goto(`${server.url}/demo/`);
    await launcher(page).waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual(['/demo/', '/widget.js']);
    expect(await launcher(page).getAttribute('aria-label')).toBe('Chat with us');
    expect(await page.locator('counter-chat iframe').count()).toBe(0);

    // Hover is intent: the host part arrives (warming the connection), still no chat window.
    await launcher(page).hover();
    await expect.poll(() => requests.some((p) => /^\/widget\/assets\/host-[\w-]+\.js$/.test(p))).toBe(true);
    expect(requests.filter((p) => p.startsWith('/widget/frame') || p.startsWith('/socket.io') || p.startsWith('/api/'))).toEqual([]);

    // The page's own button calls Counter('open').
    await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
    const frame = await chatReady(page);
    await frame.getByText('Hi! Questions about sizes, orders or returns? Ask us.', { exact: true }).waitFor();
    await send(frame, 'Is the Ocean colour in stock?');
    await frame.getByText('Is the Ocean colour in stock?', { exact: true }).waitFor();
    await expect.poll(async () => (await visitorOf(page)).product?.title).toBe('Trail Runner 2 — Ocean');

    // Single-page navigation: the chat stays (same frame, same conversation), the URL is reported.
    const frameRequests = () => requests.filter((p) => p === '/widget/frame.html').length;
    await page.getByRole('link', { name: /See City Knit/ }).click();
    await expect.poll(async () => (await visitorOf(page)).currentPage?.url).toBe(`${server.url}/demo/city-knit`);
    await expect.poll(async () => (await visitorOf(page)).product?.title).toBe('City Knit Sneaker — Sand');
    expect(frameRequests()).toBe(1);
    await frame.getByText('Is the Ocean colour in stock?', { exact: true }).waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
