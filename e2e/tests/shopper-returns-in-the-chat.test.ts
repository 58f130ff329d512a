/**
 * Issue 12 item 4 in real browsers, on the demo storefront: Mei Lin, on a phone-sized widget,
 * files a return of a delivered order with a photo and a quality reason; the agent sees the
 * request with its reply countdown and approves it in one click; after a reload the shopper
 * reads the timeline (requested, approved) from the server. Screenshots go to
 * /work/shots/returns for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { brokenMugPhoto, freePort, startTestServer, type TestServer } from '@counter/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { createAgent, goOnline, requireConsoleBuild, signIn } from '../support/console.js';
import { chatReady, send } from '../support/widget.js';

const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/returns';
const shot = (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return `${SHOTS}/${name}`;
};

describe('the shopper returns an order in the chat', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireConsoleBuild();
    const port = await freePort();
    [server, browser] = await Promise.all([
      startTestServer({ config: { demo: true, publicUrl: `http://127.0.0.1:${port}`, port, orderCacheMs: 0 } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  async function shopperPage(locale = 'en-US'): Promise<{ page: Page; frame: FrameLocator }> {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale, deviceScaleFactor: 2 });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('[demo pageerror]', err));
    await page.goto(`${server.url}/demo/`);
    await page.getByRole('button', { name: /Sign in as Mei Lin/ }).click();
    await page.getByRole('button', { name: /Questions\? Chat with us/ }).click();
    return { page, frame: await chatReady(page) };
  }

  it('files a return with a photo, the agent approves it, and the timeline survives a reload', async () => {
    // The whole order is 100% of it: let agents approve such a return themselves.
    const demo = (await server.app.store.sites.list()).find((x) => x.name === 'Demo store')!;
    const limits = await server.app.services.afterSales.limits(demo._id);
    await server.app.store.afterSales.limits.set({ _id: demo._id, limits: { ...limits, agent: { ...limits.agent, maxRefundPercent: 100 } }, updatedAt: Date.now(), updatedBy: 'test' as never });
    const ann = await createAgent(server, { name: 'Ann', role: 'agent' });
    const annPage = await signIn(browser, server, ann);
    await goOnline(annPage);

    const { page, frame } = await shopperPage();
    await send(frame, 'My sweater arrived torn');
    await frame.getByRole('button', { name: 'My orders' }).click();
    await frame.getByRole('button', { name: /Order #1017/ }).click();
    await frame.getByRole('button', { name: 'Return or refund' }).click();
    const form = frame.getByRole('form', { name: 'Return or refund' });
    await form.getByLabel(/Quantity of/).fill('1');
    await form.getByLabel('Reason').selectOption({ label: 'Arrived damaged' });
    await form.locator('input[type=file]').setInputFiles({ name: 'torn-sweater.jpg', mimeType: 'image/jpeg', buffer: await brokenMugPhoto() });
    await form.getByText('torn-sweater.jpg').waitFor();
    await page.screenshot({ path: shot('widget-return-form-en-375.png') });
    await form.getByRole('button', { name: 'Send request' }).click();
    const card = frame.getByRole('group', { name: /Your returns #1017/ }).first();
    await card.getByText(/We will reply by/).waitFor();
    await page.screenshot({ path: shot('widget-return-filed-en-375.png') });

    // The agent: the request in the thread, with the countdown; one click approves it.
    await annPage.locator('.rows [data-conversation]').first().locator('a').click();
    const request = annPage.getByRole('group', { name: 'Return request' });
    await request.getByRole('timer').getByText(/Reply due in 2[34]h/).waitFor();
    await annPage.screenshot({ path: shot('console-return-request-countdown.png') });
    await request.getByRole('button', { name: 'Approve return' }).click();
    await request.getByText('Requested → Approved').waitFor();
    await annPage.screenshot({ path: shot('console-return-approved.png') });
    const done = await server.app.store.afterSales.ledger.inStates(['done'], null, 10);
    expect(done.map((a) => a.kind).sort()).toEqual(['return_request', 'return_update']);
    expect(done.find((a) => a.kind === 'return_request')!.spec).toMatchObject({ attachmentIds: [expect.any(String)] });

    // After a reload: the chat's return card reads where it stands from the server.
    await page.reload();
    await page.getByRole('button', { name: /Questions\? Chat with us/ }).click();
    const again = await chatReady(page);
    const timeline = again.getByRole('group', { name: /Your returns #1017/ }).first();
    await timeline.locator('li:not(.todo)', { hasText: 'Approved' }).waitFor();
    await timeline.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('widget-return-timeline-after-reload-en-375.png') });

    // Another device, in Chinese: the same timeline, in the shopper's language.
    const zh = await shopperPage('zh-CN');
    await zh.frame.getByRole('button', { name: '我的订单' }).click();
    await zh.frame.getByRole('button', { name: /订单 #1017/ }).click();
    await zh.frame.getByText('已批准').first().waitFor();
    await zh.page.screenshot({ path: shot('widget-return-timeline-zh-375.png') });
  });
});
