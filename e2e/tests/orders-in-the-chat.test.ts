/**
 * Issue 11 in real browsers, on the demo storefront (its sample orders come through the HTTP
 * order contract's reference implementation on the same server): a verified shopper opens
 * "My orders", sees the tracking timeline and sends an order card; the agent sees the card
 * and opens the order, masked until revealed. A guest looks an order up; guessing is throttled.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { freePort, startTestServer, type TestServer } from '@counter/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { artifact, createAgent, goOnline, requireConsoleBuild, signIn } from '../support/console.js';
import { chatReady, send } from '../support/widget.js';

describe('orders in the chat', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireConsoleBuild();
    // The demo's provider URL is publicUrl + /demo/orders-api: fix the port first.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    [server, browser] = await Promise.all([
      startTestServer({ config: { demo: true, publicUrl, port, orderLookupsPerHour: 3 } }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  /** A shopper on a phone-sized screen, in their language. */
  async function shopperPage(locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale, deviceScaleFactor: 2 });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('[demo pageerror]', err));
    await page.goto(`${server.url}/demo/`);
    return page;
  }

  async function openChat(page: Page): Promise<FrameLocator> {
    await page.getByRole('button', { name: /Questions\? Chat with us/ }).click();
    return chatReady(page);
  }

  it('a verified shopper sees their orders and timeline and sends one as a card; the agent opens it', async () => {
    const ann = await createAgent(server, { name: 'Ann', role: 'admin' });
    const agentPage = await signIn(browser, server, ann);
    await goOnline(agentPage);

    const page = await shopperPage();
    await page.getByRole('button', { name: /Sign in as Mei Lin/ }).click();
    const frame = await openChat(page);
    await send(frame, 'Hi, a question about my order');
    await frame.getByText('Hi, a question about my order', { exact: true }).waitFor();

    await frame.getByRole('button', { name: 'My orders' }).click();
    const panel = frame.getByRole('dialog', { name: 'My orders' });
    await panel.getByText('Order #1042 · Shipped').waitFor();
    await page.screenshot({ path: artifact('orders-widget-list-en-375.png') });
    await panel.getByText('Order #1042 · Shipped').click();
    await panel.getByText('Arrived at local depot', { exact: false }).waitFor();
    await panel.getByText(/In transit · SF Express · SF1234567890123/).waitFor();
    // The shopper's view has no street or phone.
    expect(await panel.textContent()).not.toMatch(/Century Avenue|8000/);
    await page.screenshot({ path: artifact('orders-widget-detail-en-375.png') });
    await panel.getByRole('button', { name: 'Send to chat' }).click();
    // In the thread (the order's own heading may still be on screen for a moment).
    await frame.getByRole('list', { name: 'Messages' }).getByText('Order #1042', { exact: true }).waitFor();

    // The agent: the conversation, the card, the order's detail, masked until revealed.
    await agentPage.locator('.rows [data-conversation]').first().locator('a').click();
    const card = agentPage.locator('.order-card', { hasText: 'Order #1042' });
    await card.waitFor();
    const orders = agentPage.locator('aside.shopper section.orders');
    await orders.getByText('Order #1051').waitFor();
    await orders.getByText(/Verified customer · (Fetched just now|Updated)/).waitFor();
    await agentPage.screenshot({ path: artifact('orders-console-panel.png') });

    await card.getByRole('button', { name: 'Open order' }).click();
    const detail = agentPage.getByRole('dialog', { name: 'Order #1042' });
    await detail.getByText('SF1234567890123').waitFor();
    await detail.getByText('Arrived at local depot', { exact: false }).waitFor();
    expect(await detail.locator('.order-address').textContent()).toContain('••••');
    expect(await detail.locator('.order-address').textContent()).not.toContain('Century Avenue');
    await detail.getByRole('button', { name: 'Reveal address and phone' }).click();
    await detail.getByText('88 Century Avenue, Apt 1203').waitFor();
    await detail.getByText('Revealed; recorded in the audit log.').waitFor();
    await agentPage.screenshot({ path: artifact('orders-console-detail-revealed.png') });
    const entries = await server.app.store.audit.list(null, 10);
    expect(entries[0]).toMatchObject({ agentName: 'Ann', orderId: 'ord_1042' });
    await detail.getByRole('button', { name: 'Close' }).click();

    // The product on the page, as a card the agent sees as a product.
    await frame.getByRole('button', { name: 'My orders' }).click();
    await panel.getByRole('button', { name: 'Ask about the product on this page' }).click();
    await frame.getByText('Trail Runner 2 — Ocean', { exact: true }).waitFor();
    await agentPage.locator('.product-message .product-title', { hasText: 'Trail Runner 2 — Ocean' }).waitFor();
  });

  it('a guest looks an order up with number + email, in Chinese too', async () => {
    const page = await shopperPage('zh-CN');
    const frame = await openChat(page);
    await frame.getByRole('button', { name: '我的订单' }).click();
    const panel = frame.getByRole('dialog', { name: '我的订单' });
    await panel.getByLabel('订单号').fill('1042');
    await panel.getByLabel('邮箱').fill('alex@example.com');
    await panel.getByRole('button', { name: '查询' }).click();
    await panel.getByText('没有与该订单号和邮箱匹配的订单。').waitFor();
    await panel.getByLabel('邮箱').fill('mei@example.com');
    await panel.getByRole('button', { name: '查询' }).click();
    await panel.getByText('运输中 · SF Express · SF1234567890123').waitFor();
    await page.screenshot({ path: artifact('orders-widget-detail-zh-375.png') });
  });

  it('throttles a guest guessing order numbers, even the right answer after the limit', async () => {
    const page = await shopperPage();
    const frame = await openChat(page);
    await frame.getByRole('button', { name: 'My orders' }).click();
    const panel = frame.getByRole('dialog', { name: 'My orders' });
    await panel.getByLabel('Email').fill('mei@example.com');
    for (const guess of ['1000', '1001', '1002']) {
      await panel.getByLabel('Order number').fill(guess);
      await panel.getByRole('button', { name: 'Find order' }).click();
      await panel.getByText('No order matches that number and email.').waitFor();
      await panel.getByRole('button', { name: 'Find order' }).and(panel.locator(':not([disabled])')).waitFor();
    }
    await panel.getByLabel('Order number').fill('1042');
    await panel.getByRole('button', { name: 'Find order' }).click();
    await panel.getByText('Too many attempts. Please try again later.').waitFor();
  });
});
