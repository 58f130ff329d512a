/**
 * Issue 12 in real browsers, on the demo storefront (its orders and actions come through the
 * HTTP contract's reference implementation): an agent refunds within her limit and the
 * shopper's phone-sized widget reads "Refund of $10.00 issued"; a refund above the limit goes
 * to the approvals queue, a supervisor approves it with one click, and both sides see it done.
 * Screenshots go to /work/shots/actions (the order card with limits, the approvals queue).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { freePort, startTestServer, type TestServer } from '@counter/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { createAgent, goOnline, requireConsoleBuild, signIn } from '../support/console.js';
import { chatReady, send } from '../support/widget.js';

const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/actions';
const shot = (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return `${SHOTS}/${name}`;
};

describe('after-sales in the chat', () => {
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

  it('refunds within the limit at once, and a supervisor approves one above it', async () => {
    const ann = await createAgent(server, { name: 'Ann', role: 'agent' });
    const sue = await createAgent(server, { name: 'Sue', role: 'supervisor' });
    const annPage = await signIn(browser, server, ann);
    await goOnline(annPage);
    const { page, frame } = await shopperPage();
    await send(frame, 'My shoes arrived scuffed');

    await annPage.locator('.rows [data-conversation]').first().locator('a').click();
    const orders = annPage.locator('aside.shopper section.orders');
    await orders.getByText('Order #1042').click();
    const detail = annPage.getByRole('dialog', { name: 'Order #1042' });
    const actions = detail.getByRole('region', { name: 'Actions' });
    await actions.getByText('up to $200.00 without approval · up to 50% of the order · $500.00 left today').first().waitFor();
    await detail.locator('.order-actions').scrollIntoViewIfNeeded();
    await annPage.screenshot({ path: shot('console-order-actions-with-limits.png') });

    // Within the limit: runs at once; the shopper reads it in their language, without the reason.
    await actions.getByRole('button', { name: 'Refund' }).click();
    const form = actions.getByRole('form', { name: 'Refund' });
    await form.getByLabel('Amount (USD)').fill('10');
    await form.getByLabel('Reason (agents only)').fill('Scuffed on arrival');
    await form.getByRole('button', { name: 'Submit' }).dblclick();
    await actions.getByText(/Refund: Done\. · rf_/).waitFor();
    await frame.getByText('Refund of $10.00 issued').waitFor();
    expect(await frame.locator('body').textContent()).not.toContain('Scuffed on arrival');
    await page.screenshot({ path: shot('widget-refund-issued-en-375.png') });
    expect((await server.app.store.afterSales.ledger.inStates(['done'], null, 10)).filter((a) => a.amount === 1000)).toHaveLength(1);

    // Above the limit (65% of the order): an approval request, not a refund.
    await actions.getByRole('button', { name: 'Refund' }).click();
    await form.getByLabel('Amount (USD)').fill('100');
    await form.getByLabel('Reason (agents only)').fill('Both pairs scuffed');
    await form.getByRole('button', { name: 'Submit' }).click();
    await actions.getByText('Refund: Sent for approval (above 50% of the order).').waitFor();
    await frame.getByText('Your request about order #1042 is being reviewed').waitFor();

    const suePage = await signIn(browser, server, sue);
    await suePage.getByRole('link', { name: 'Approvals' }).click();
    const item = suePage.locator('.approval', { hasText: 'Both pairs scuffed' });
    await item.getByText('Requested by Ann').waitFor();
    await item.getByText('$100.00').first().waitFor();
    await suePage.screenshot({ path: shot('console-approvals-queue.png') });
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.waitFor({ state: 'detached' });
    await suePage.getByText('Nothing waiting for approval.').waitFor();

    // Both sides see it done, live.
    await frame.getByText('Refund of $100.00 issued').waitFor();
    await actions.getByText(/Refund: Done\./).waitFor();
    await page.screenshot({ path: shot('widget-refund-approved-en-375.png') });
    await annPage.screenshot({ path: shot('console-after-approval.png') });
    // The same shopper on another device, in Chinese: the outcomes read in their language.
    const zh = await shopperPage('zh-CN');
    await zh.frame.getByText('已退款 US$100.00').waitFor();
    await zh.frame.getByText('已退款 US$10.00').waitFor();
    await zh.page.screenshot({ path: shot('widget-refund-issued-zh-375.png') });
    const done = (await server.app.store.afterSales.ledger.inStates(['done'], null, 10)).filter((a) => a.amount === 10_000);
    expect(done).toHaveLength(1);
    expect(done[0]!.decidedBy).toMatchObject({ name: 'Sue', decision: 'approve' });
  });

  it('an admin sets the limits per role and reads every step in the audit log', async () => {
    const ada = await createAgent(server, { name: 'Ada', role: 'admin' });
    const page = await signIn(browser, server, ada);
    await page.getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('navigation', { name: 'Sites' }).getByRole('button', { name: /Demo store/ }).click();
    const editor = page.getByRole('form', { name: 'After-sales limits' });
    await editor.getByLabel('Agent Largest refund', { exact: true }).fill('300');
    await editor.getByRole('button', { name: 'Save limits' }).click();
    await editor.getByText('Saved.').waitFor();
    const demo = (await server.app.store.sites.list()).find((x) => x.name === 'Demo store')!;
    expect((await server.app.store.afterSales.limits.get(demo._id))?.limits.agent.maxRefund).toBe(30_000);
    await editor.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('console-limits-editor.png') });

    const audit = page.getByRole('region', { name: 'After-sales actions' });
    await audit.getByText('Refund · approved').waitFor();
    await audit.getByLabel('Action').selectOption('refund');
    await audit.getByRole('button', { name: 'Filter' }).click();
    await audit.getByText('Refund · done').first().waitFor();
    await audit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('console-actions-audit.png') });
    const download = page.waitForEvent('download');
    await audit.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toBe('after-sales-audit.csv');
  });
});
