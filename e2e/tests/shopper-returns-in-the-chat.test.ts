/**
 * Issue 12 item 4 in real browsers, on the demo storefront: Mei Lin, on a phone-sized widget,
 * files a return of a delivered order with a photo and a quality reason; the agent sees the
 * request with its reply countdown and approves it in one click; after a reload the shopper
 * reads the timeline (requested, approved) from the server. Screenshots go to
 * /work/shots/returns for a person to look at.
 */
import { brokenMugPhoto } from '@counter/server/testing';
import { describe, expect, it } from 'vitest';
import { createAgent, goOnline, signIn } from '../support/console.js';
import { useDemoShop } from '../support/demo-shop.js';
import { chatReady, send } from '../support/widget.js';

describe('the shopper returns an order in the chat', () => {
  const shop = useDemoShop('/work/shots/returns');

  it('files a return with a photo, the agent approves it, and the timeline survives a reload', async () => {
    // Default limits: the whole order is 100% of it, but the goods come back, so the agent's
    // 50% cap does not apply; the return is within her $200 per action and she approves it.
    const ann = await createAgent(shop.server, { name: 'Ann', role: 'agent' });
    const annPage = await signIn(shop.browser, shop.server, ann);
    await goOnline(annPage);

    const { page, frame } = await shop.shopperPage();
    await send(frame, 'My sweater arrived torn');
    await frame.getByRole('button', { name: 'My orders' }).click();
    await frame.getByRole('button', { name: /Order #1017/ }).click();
    await frame.getByRole('button', { name: 'Return or refund' }).click();
    const form = frame.getByRole('form', { name: 'Return or refund' });
    await form.getByLabel(/Quantity of/).fill('1');
    await form.getByLabel('Reason').selectOption({ label: 'Arrived damaged' });
    await form.locator('input[type=file]').setInputFiles({ name: 'torn-sweater.jpg', mimeType: 'image/jpeg', buffer: await brokenMugPhoto() });
    await form.getByText('torn-sweater.jpg').waitFor();
    await page.screenshot({ path: shop.shot('widget-return-form-en-375.png') });
    await form.getByRole('button', { name: 'Send request' }).click();
    const card = frame.getByRole('group', { name: /Your returns #1017/ }).first();
    await card.getByText(/We will reply by/).waitFor();
    await page.screenshot({ path: shop.shot('widget-return-filed-en-375.png') });

    // The agent: the request in the thread, with the countdown; one click approves it.
    await annPage.locator('.rows [data-conversation]').first().locator('a').click();
    const request = annPage.getByRole('group', { name: 'Return request' });
    await request.getByRole('timer').getByText(/Reply due in 2[34]h/).waitFor();
    await annPage.screenshot({ path: shop.shot('console-return-request-countdown.png') });
    await request.getByRole('button', { name: 'Approve return' }).click();
    await request.getByText('Requested → Approved').waitFor();
    await annPage.screenshot({ path: shop.shot('console-return-approved.png') });
    const done = await shop.server.app.store.afterSales.ledger.inStates(['done'], null, 10);
    expect(done.map((a) => a.kind).sort()).toEqual(['return_request', 'return_update']);
    expect(done.find((a) => a.kind === 'return_request')!.spec).toMatchObject({ attachmentIds: [expect.any(String)] });

    // After a reload: the chat's return card reads where it stands from the shop.server.
    await page.reload();
    await page.getByRole('button', { name: /Questions\? Chat with us/ }).click();
    const again = await chatReady(page);
    const timeline = again.getByRole('group', { name: /Your returns #1017/ }).first();
    await timeline.locator('li:not(.todo)', { hasText: 'Approved' }).waitFor();
    await timeline.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shop.shot('widget-return-timeline-after-reload-en-375.png') });

    // Another device, in Chinese: the same timeline, in the shopper's language.
    const zh = await shop.shopperPage('zh-CN');
    await zh.frame.getByRole('button', { name: '我的订单' }).click();
    await zh.frame.getByRole('button', { name: /订单 #1017/ }).click();
    await zh.frame.getByText('已批准').first().waitFor();
    await zh.page.screenshot({ path: shop.shot('widget-return-timeline-zh-375.png') });
  });
  it('an admin edits the return policy; a mistake is named; the shopper picks the new reason', async () => {
    const ada = await createAgent(shop.server, { name: 'Ada', role: 'admin' });
    const page = await signIn(shop.browser, shop.server, ada);
    await page.getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('navigation', { name: 'Sites' }).getByRole('button', { name: /Demo store/ }).click();
    const editor = page.getByRole('form', { name: 'Return policy' });
    await editor.getByRole('button', { name: 'Add a reason' }).click();
    await editor.getByLabel('Reason 7 Id').fill('late');
    await editor.getByLabel('Reason 7 English').fill('Arrived too late');
    await editor.getByLabel('Reason 7 Chinese').fill('到得太晚');
    await editor.getByLabel('Reason 7 Quality problem').check();
    await editor.getByLabel('Reply to a quality problem within (hours)').fill('0');
    await editor.getByRole('button', { name: 'Save return policy' }).click();
    await editor.getByRole('alert').getByText('The reply time is a whole number of hours from 1 to 720.').waitFor();
    await editor.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shop.shot('console-return-policy-error-en.png') });
    await editor.getByLabel('Reply to a quality problem within (hours)').fill('12');
    await editor.getByRole('button', { name: 'Save return policy' }).click();
    await editor.getByRole('status').getByText('Return policy saved.').waitFor();
    await page.screenshot({ path: shop.shot('console-return-policy-en.png') });
    const demo = (await shop.server.app.store.sites.list()).find((x) => x.name === 'Demo store')!;
    const saved = await shop.server.app.services.returns.policy(demo._id);
    expect(saved.qualityReplyHours).toBe(12);
    expect(saved.reasons.at(-1)).toEqual({ id: 'late', label: { en: 'Arrived too late', zh: '到得太晚' }, quality: true });

    // The same editor in Chinese.
    const li = await createAgent(shop.server, { name: '李管理员', role: 'admin' });
    await shop.server.app.store.agents.update(li.id as never, { prefs: { locale: 'zh' } }, Date.now());
    const zhPage = await signIn(shop.browser, shop.server, li);
    await zhPage.getByRole('link', { name: '站点' }).click();
    await zhPage.getByRole('navigation').getByRole('button', { name: /Demo store/ }).click();
    const zhEditor = zhPage.getByRole('form', { name: '退货政策' });
    await zhEditor.getByLabel('原因 7 中文').waitFor();
    expect(await zhEditor.getByLabel('原因 7 中文').inputValue()).toBe('到得太晚');
    await zhEditor.scrollIntoViewIfNeeded();
    await zhPage.screenshot({ path: shop.shot('console-return-policy-zh.png') });

    // The shopper's form offers it.
    const { frame } = await shop.shopperPage();
    await frame.getByRole('button', { name: 'My orders' }).click();
    await frame.getByRole('button', { name: /Order #1017/ }).click();
    await frame.getByRole('button', { name: 'Return or refund' }).click();
    await frame.getByRole('form', { name: 'Return or refund' }).getByLabel('Reason').selectOption({ label: 'Arrived too late' });
  });
});
