/**
 * Issue 13 leftovers in a real browser: an admin writes an article in the console's
 * knowledge-base page (with its preview), turns a question the bot could not answer into an
 * article in one step, and a shopper's widget then finds it. Screenshots (en and zh) go to
 * /work/shots/kbadmin (outside the repo).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgent, requireConsoleBuild, signIn } from '../support/console.js';
import { useShopWorld } from '../support/shop-world.js';
import { launcher, openChat, send, shopPage } from '../support/widget.js';

const SHOTS = process.env.KB_ADMIN_SHOTS ?? '/work/shots/kbadmin';
const shot = (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
};

describe('the knowledge-base admin page closes the loop', () => {
  const world = useShopWorld({});
  let cookie: string;
  const api = (method: 'GET' | 'PUT', url: string, payload?: object) =>
    world.server.app.inject({ method, url: `/api/v1/sites/${world.site.id}${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    requireConsoleBuild();
    world.shop.page('/en', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'en' }));
    cookie = (await world.server.agent({ role: 'admin', online: false })).cookie;
    // Nobody online: the bot answers every question.
    expect((await api('PUT', '/bot', { mode: 'no-agent', threshold: 1 })).statusCode).toBe(200);
  });

  async function shopper(): Promise<Page> {
    const context = await world.browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/en`);
    await launcher(page).waitFor();
    return page;
  }

  it('admin creates an article, answers an unanswered question, and the shopper then finds it', async () => {
    // A shopper asks what the knowledge base cannot answer yet.
    const first = await openChat(await shopper());
    await send(first, 'Do you sell gift wrapping?');
    await first.getByText("I couldn't find an answer to that.", { exact: false }).waitFor();

    const admin = await createAgent(world.server, { name: 'Ada', role: 'admin' });
    const page = await signIn(world.browser, world.server, admin);
    await page.getByRole('link', { name: 'Knowledge base' }).click();
    await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
    // The server also has the test shop: this world's site is picked like an admin of two would.
    await page.getByLabel('Site').selectOption(world.site.id);

    // A new article, with the preview drawn from the server's parse.
    await page.getByRole('button', { name: 'New article' }).click();
    const editor = page.getByRole('form', { name: 'Article' });
    await editor.getByLabel('Title').fill('Opening hours');
    await editor.getByLabel(/^Body/).fill('We answer **9:00–18:00**, Monday to Friday.\n\n- Saturday: 10:00–16:00\n- Sunday: closed');
    await editor.getByLabel(/^Other ways shoppers ask/).fill('when are you open');
    const preview = editor.getByRole('region', { name: 'Preview' });
    await preview.locator('strong', { hasText: '9:00–18:00' }).waitFor();
    await preview.locator('li', { hasText: 'Sunday: closed' }).waitFor();
    await page.screenshot({ path: shot('kb-admin-editor-en-1440.png') });
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('list', { name: 'Articles' }).getByText('Opening hours').waitFor();

    // The unanswered question, made into an article in one step.
    await page.getByRole('tab', { name: /Questions to answer/ }).click();
    const unanswered = page.getByRole('region', { name: 'Questions the bot could not answer' });
    await unanswered.getByText('Do you sell gift wrapping?').waitFor();
    await unanswered.getByText('asked 1×').waitFor();
    await page.screenshot({ path: shot('kb-admin-questions-en-1440.png') });
    await unanswered.getByRole('button', { name: 'Make an article' }).click();
    await expect.poll(() => editor.getByLabel('Title').inputValue()).toBe('Do you sell gift wrapping?');
    expect(await editor.getByLabel(/^Other ways shoppers ask/).inputValue()).toBe('Do you sell gift wrapping?');
    await editor.getByLabel('Title').fill('Gift wrapping');
    await editor.getByLabel(/^Body/).fill('Yes: tick **gift wrap** at checkout, 3 € per parcel.');
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('list', { name: 'Articles' }).getByText('Gift wrapping', { exact: true }).waitFor();
    await page.getByRole('tab', { name: /Questions to answer/ }).click();
    await unanswered.getByText('None: the bot found an answer every time.').waitFor();

    // Bot settings and figures, then the same page in Chinese.
    await page.getByRole('tab', { name: 'Bot' }).click();
    await page.locator('[data-figure="came-back"]').waitFor();
    await page.screenshot({ path: shot('kb-admin-bot-en-1440.png') });
    await page.getByLabel(/Language/).selectOption('zh');
    await page.getByRole('heading', { name: '知识库' }).waitFor();
    await page.getByRole('tab', { name: '文章' }).click();
    await page.getByText('Gift wrapping', { exact: true }).waitFor();
    await page.screenshot({ path: shot('kb-admin-articles-zh-1440.png') });
    await page.getByRole('tab', { name: '机器人' }).click();
    await page.getByText('机器人解决后 72 小时内再次咨询').waitFor();
    await page.screenshot({ path: shot('kb-admin-bot-zh-1440.png') });

    // Another shopper now finds it, while typing and from the bot.
    const shopperPage = await shopper();
    const frame = await openChat(shopperPage);
    // Typed key by key, as a shopper does: a single fill() is one input event, which can come
    // before the suggestions' lazy chunk has loaded, and nothing would ask again.
    await frame.locator('.composer textarea').pressSequentially('gift wrapping', { delay: 20 });
    await frame.getByText('Articles that may help').waitFor();
    await frame.getByRole('button', { name: 'Gift wrapping' }).waitFor();
    await send(frame, 'Do you sell gift wrapping?');
    await frame.getByText('Did this answer your question?', { exact: false }).waitFor();
    await frame.getByText('Gift wrapping', { exact: false }).first().waitFor();
    await shopperPage.screenshot({ path: shot('kb-admin-shopper-finds-it-en-375.png') });
  });
});
