/**
 * Issue 12 in real browsers, on the demo storefront (its orders and actions come through the
 * HTTP contract's reference implementation): an agent refunds within her limit and the
 * shopper's phone-sized widget reads "Refund of $10.00 issued"; a refund above the limit goes
 * to the approvals queue, a supervisor approves it with one click, and both sides see it done.
 * Screenshots go to /work/shots/actions (the order card with limits, the approvals queue).
 */
import { describe, expect, it } from 'vitest';
import { createAgent, goOnline, signIn } from '../support/console.js';
import { useDemoShop } from '../support/demo-shop.js';
import { send } from '../support/widget.js';

describe('after-sales in the chat', () => {
  const shop = useDemoShop('/work/shots/actions');

  it('refunds within the limit at once, and a supervisor approves one above it', async () => {
    const ann = await createAgent(shop.server, { name: 'Ann', role: 'agent' });
    const sue = await createAgent(shop.server, { name: 'Sue', role: 'supervisor' });
    const annPage = await signIn(shop.browser, shop.server, ann);
    await goOnline(annPage);
    const { page, frame } = await shop.shopperPage();
    await send(frame, 'My shoes arrived scuffed');

    await annPage.locator('.rows [data-conversation]').first().locator('a').click();
    const orders = annPage.locator('aside.shopper section.orders');
    await orders.getByText('Order #1042').click();
    const detail = annPage.getByRole('dialog', { name: 'Order #1042' });
    const actions = detail.getByRole('region', { name: 'Actions' });
    await actions.getByText('up to $200.00 without approval · up to 50% of the order · $500.00 left today').first().waitFor();
    await detail.locator('.order-actions').scrollIntoViewIfNeeded();
    await annPage.screenshot({ path: shop.shot('console-order-actions-with-limits.png') });

    // Within the limit: runs at once; the shopper reads it in their language, without the reason.
    await actions.getByRole('button', { name: 'Refund' }).click();
    const form = actions.getByRole('form', { name: 'Refund' });
    await form.getByLabel('Amount (USD)').fill('10');
    await form.getByLabel('Reason (agents only)').fill('Scuffed on arrival');
    await form.getByRole('button', { name: 'Submit' }).dblclick();
    await actions.getByText(/Refund: Done\. · rf_/).waitFor();
    await frame.getByText('Refund of $10.00 issued').waitFor();
    expect(await frame.locator('body').textContent()).not.toContain('Scuffed on arrival');
    await page.screenshot({ path: shop.shot('widget-refund-issued-en-375.png') });
    expect((await shop.server.app.store.afterSales.ledger.inStates(['done'], null, 10)).filter((a) => a.amount === 1000)).toHaveLength(1);

    // Above the limit (65% of the order): an approval request, not a refund.
    await actions.getByRole('button', { name: 'Refund' }).click();
    await form.getByLabel('Amount (USD)').fill('100');
    await form.getByLabel('Reason (agents only)').fill('Both pairs scuffed');
    await form.getByRole('button', { name: 'Submit' }).click();
    await actions.getByText('Refund: Sent for approval (above 50% of the order).').waitFor();
    await frame.getByText('Your request about order #1042 is being reviewed').waitFor();

    const suePage = await signIn(shop.browser, shop.server, sue);
    await suePage.getByRole('link', { name: 'Approvals' }).click();
    const item = suePage.locator('.approval', { hasText: 'Both pairs scuffed' });
    await item.getByText('Requested by Ann').waitFor();
    await item.getByText('$100.00').first().waitFor();
    await suePage.screenshot({ path: shop.shot('console-approvals-queue.png') });
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.waitFor({ state: 'detached' });
    await suePage.getByText('Nothing waiting for approval.').waitFor();

    // Both sides see it done, live.
    await frame.getByText('Refund of $100.00 issued').waitFor();
    await actions.getByText(/Refund: Done\./).waitFor();
    await page.screenshot({ path: shop.shot('widget-refund-approved-en-375.png') });
    await annPage.screenshot({ path: shop.shot('console-after-approval.png') });
    // The same shopper on another device, in Chinese: the outcomes read in their language.
    const zh = await shop.shopperPage('zh-CN');
    await zh.frame.getByText('已退款 US$100.00').waitFor();
    await zh.frame.getByText('已退款 US$10.00').waitFor();
    await zh.page.screenshot({ path: shop.shot('widget-refund-issued-zh-375.png') });
    const done = (await shop.server.app.store.afterSales.ledger.inStates(['done'], null, 10)).filter((a) => a.amount === 10_000);
    expect(done).toHaveLength(1);
    expect(done[0]!.decidedBy).toMatchObject({ name: 'Sue', decision: 'approve' });
  });

  it('an admin sets the limits per role and reads every step in the audit log', async () => {
    const ada = await createAgent(shop.server, { name: 'Ada', role: 'admin' });
    const page = await signIn(shop.browser, shop.server, ada);
    await page.getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('navigation', { name: 'Sites' }).getByRole('button', { name: /Demo store/ }).click();
    const editor = page.getByRole('form', { name: 'After-sales limits' });
    await editor.getByLabel('Agent Largest refund', { exact: true }).fill('300');
    await editor.getByRole('button', { name: 'Save limits' }).click();
    await editor.getByText('Saved.').waitFor();
    const demo = (await shop.server.app.store.sites.list()).find((x) => x.name === 'Demo store')!;
    expect((await shop.server.app.store.afterSales.limits.get(demo._id))?.limits.agent.maxRefund).toBe(30_000);
    await editor.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shop.shot('console-limits-editor.png') });

    const audit = page.getByRole('region', { name: 'After-sales actions' });
    await audit.getByText('Refund · approved').waitFor();
    await audit.getByLabel('Action').selectOption('refund');
    await audit.getByRole('button', { name: 'Filter' }).click();
    await audit.getByText('Refund · done').first().waitFor();
    await audit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shop.shot('console-actions-audit.png') });
    const download = page.waitForEvent('download');
    await audit.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toBe('after-sales-audit.csv');
  });
});
