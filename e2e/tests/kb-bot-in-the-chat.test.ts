/**
 * Issue 13 in a real browser: at night (nobody online, the shop closed) a shopper sees the
 * popular questions, writes in Chinese, gets the bot's answer with the article, confirms it,
 * and the conversation is resolved and counted as confirmed. Another asks for a person and
 * lands in the queue with the bot's note. Screenshots go to /work/shots/kb (outside the repo).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { createAgent, goOnline, requireConsoleBuild, signIn } from '../support/console.js';
import { launcher, openChat, send, shopPage } from '../support/widget.js';

const SHOTS = process.env.KB_SHOTS ?? '/work/shots/kb';
const shot = (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
};

describe('the knowledge-base bot in the chat', () => {
  const world = useShopWorld({});
  let cookie: string;
  const api = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    world.server.app.inject({ method, url: `/api/v1/sites/${world.site.id}${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    world.shop.page('/zh', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'zh' }));
    world.shop.page('/en', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'en' }));
    cookie = (await world.server.agent({ role: 'admin', online: false })).cookie;
    const text = [
      '# 如何申请退货', 'locale: zh', 'questions: 怎么退货 | 七天无理由退货', '',
      '签收后 **7 天内**，吊牌完好的商品支持无理由退货。', '', '1. 在我的订单中点击"申请退货"', '2. 按页面地址寄回', '',
      '# 运费与包邮', 'locale: zh', '', '订单满 **99 元包邮**。',
      '# When will I get my refund?', 'questions: refund not received', '', 'Refunds reach your card in **5–10 working days**.',
    ].join('\n');
    expect((await api('POST', '/articles/import', { format: 'markdown', text })).json()).toEqual({ imported: 3 });
    expect((await api('PUT', '/bot', { mode: 'no-agent', threshold: 1 })).statusCode).toBe(200);
    const day = (new Date().getUTCDay() + 3) % 7;
    await world.server.app.store.sites.update(world.site.id as never, { businessHours: { timezone: 'UTC', slots: [{ day, open: '09:00', close: '17:00' }] } });
  });

  async function shopper(pathName: string): Promise<Page> {
    const context = await world.browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(world.shop.origin + pathName);
    await launcher(page).waitFor();
    return page;
  }

  it('a shopper at night gets a bot answer in Chinese, confirms it, and it counts as resolved by the bot', async () => {
    const page = await shopper('/zh');
    const frame = await openChat(page);
    await frame.getByText('猜你想问').waitFor();
    await frame.getByRole('button', { name: '如何申请退货' }).waitFor();
    await page.screenshot({ path: shot('kb-popular-zh-375.png') });

    // Suggestions while typing, before anything is sent.
    await frame.locator('.composer textarea').fill('咋退货啊');
    await frame.getByText('相关文章').waitFor();
    await page.screenshot({ path: shot('kb-suggestions-zh-375.png') });
    await frame.getByRole('button', { name: '如何申请退货' }).press('Enter');
    const article = frame.getByRole('dialog', { name: '如何申请退货' });
    await article.locator('strong', { hasText: '7 天内' }).waitFor();
    await page.screenshot({ path: shot('kb-article-zh-375.png') });
    await article.getByRole('button', { name: /返回对话/ }).press('Enter');

    await send(frame, '咋退货啊');
    await frame.getByText('这个回答解决你的问题了吗', { exact: false }).waitFor();
    await page.screenshot({ path: shot('kb-bot-answer-zh-375.png') });
    // By keyboard, as a shopper tabbing to it would (see the README's known problem: Playwright
    // sometimes finds the panel's buttons not "stable" for a mouse click).
    await frame.getByRole('button', { name: '解决了' }).press('Enter');
    await frame.getByText('很高兴帮到你', { exact: false }).waitFor();
    await expect.poll(async () => (await api('GET', '/bot/summary')).json().summary.confirmedResolved).toBe(1);
    await page.screenshot({ path: shot('kb-bot-confirmed-zh-375.png') });
  });

  it('another shopper asks for a person and lands in the queue with the bot\'s note', async () => {
    const page = await shopper('/en');
    const frame = await openChat(page);
    await send(frame, 'refund not recieved');
    await frame.getByText('Did this answer your question?', { exact: false }).waitFor();
    await frame.getByRole('button', { name: 'Talk to a person' }).press('Enter');
    await frame.getByText(/Our team is away now and will answer from/).waitFor();
    await page.screenshot({ path: shot('kb-bot-handoff-en-375.png') });
    const summary = (await api('GET', '/bot/summary')).json().summary;
    expect(summary).toMatchObject({ handedOff: 1, confirmedResolved: 1 });
    const queued = await world.server.app.services.router.queueSnapshot();
    expect(queued.positions.length).toBeGreaterThanOrEqual(1);
    const [waiting] = await world.server.app.store.conversations.queue(10);
    const notes = (await world.server.app.store.messages.before(waiting!._id, null, 50, true)).messages.filter((m) => m.kind === 'note');
    expect(notes[0]).toMatchObject({ author: 'bot' });
    expect(notes[0]!.text).toContain('When will I get my refund?');
  });

  it('an agent comes online, gets the handed-off conversation and inserts a suggested article with one key', async () => {
    requireConsoleBuild();
    const ann = await createAgent(world.server, { name: 'Ann', role: 'agent' });
    const page = await signIn(world.browser, world.server, ann);
    await goOnline(page);
    await page.locator('.rows [data-conversation]').first().locator('a').click();
    const assist = page.getByRole('complementary', { name: 'Suggested articles and replies' });
    await assist.getByText('When will I get my refund?').waitFor();
    await page.screenshot({ path: shot('kb-agent-assist-1440.png') });
    const composer = page.getByLabel('Reply to the shopper');
    await composer.click();
    await page.keyboard.press('Alt+KeyI');
    await expect.poll(() => composer.inputValue()).toContain('Refunds reach your card in 5–10 working days.');
    await page.screenshot({ path: shot('kb-agent-inserted-1440.png') });
  });
});
