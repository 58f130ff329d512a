/**
 * The widget's looks, desktop and a 375 px phone, English and Chinese, closed and open:
 * each state asserts what a shopper must see (the launcher or the chat window and its key
 * text visible, inside the viewport, no horizontal scrolling on the page or in the chat),
 * then keeps a screenshot for a person to look at (e2e/artifacts/, not committed).
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Site } from '@counter/shared';
import { agentCommand, next, ok, startTestServer, type TestServer } from '@counter/server/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startStaticSite, type StaticSite } from '../support/static-site.js';
import { launcher, openChat, send, shopPage } from '../support/widget.js';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
};

const SCRIPT = {
  en: { ask: 'Hi! Do the Trail Runner 2 run true to size? I usually wear 42.', reply: 'They do. Take your usual 42; see https://shop.example/size-guide for details.' },
  zh: { ask: '你好！Trail Runner 2 尺码标准吗？我平时穿 42 码。', reply: '尺码标准，按平时的 42 码购买即可。详见 https://shop.example/size-guide' },
};

/** The element is visible and wholly inside the viewport. */
async function inView(page: Page, element: Locator): Promise<void> {
  await element.waitFor({ state: 'visible' });
  const box = await element.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, 'element has a box').not.toBeNull();
  const { x, y, width, height } = box!;
  expect({ x, y, right: x + width, bottom: y + height }).toMatchObject({
    x: expect.toSatisfy((v: number) => v >= 0),
    y: expect.toSatisfy((v: number) => v >= 0),
    right: expect.toSatisfy((v: number) => v <= viewport.width + 0.5),
    bottom: expect.toSatisfy((v: number) => v <= viewport.height + 0.5),
  });
}

/** Asserts what must show (each element in view, nothing scrolls sideways), then keeps the picture. */
async function shot(page: Page, name: string, mustShow: Locator[]): Promise<void> {
  for (const element of mustShow) await inView(page, element);
  for (const frame of page.frames()) {
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow in ${frame.url()}`).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

const chatWindow = (page: Page) => page.locator('counter-chat iframe');

describe('widget screenshots', () => {
  let server: TestServer;
  let shop: StaticSite;
  let browser: Browser;
  let site: Site;

  beforeAll(async () => {
    [server, shop, browser] = await Promise.all([startTestServer(), startStaticSite(), launchBrowser()]);
    await mkdir(ARTIFACTS, { recursive: true });
    site = await server.app.services.sites.create({
      name: 'Trail shop',
      allowedOrigins: [shop.origin],
      greeting: { en: 'Hi! Questions about sizes, orders or returns? Ask us.', zh: '您好！关于尺码、订单或退货的问题，欢迎咨询。' },
      businessHours: null,
      defaultLocale: 'en',
    });
    for (const locale of ['en', 'zh'] as const) shop.page(`/${locale}`, shopPage({ chatUrl: server.url, siteId: site.id, locale }));
  });

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await server?.close();
  });

  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: closed and open, desktop and phone`, async () => {
      const agent = await server.agent({ name: locale === 'en' ? 'Ann' : '王芳' });
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: locale === 'zh' ? 'zh-CN' : 'en-US' });
      const page = await context.newPage();
      await page.goto(`${shop.origin}/${locale}`);
      await launcher(page).waitFor();
      await shot(page, `widget-${locale}-desktop-closed`, [launcher(page)]);

      const frame = await openChat(page);
      const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
      await send(frame, SCRIPT[locale].ask);
      const conversationId = (await assigned).item.conversation.id;
      ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: SCRIPT[locale].reply }));
      await frame.getByText(SCRIPT[locale].reply, { exact: true }).waitFor();
      ok(await agentCommand(agent.socket, 'typing:set', { conversationId, typing: true }));
      await frame.locator('.typing').waitFor();
      await shot(page, `widget-${locale}-desktop-open`, [chatWindow(page), frame.getByText(SCRIPT[locale].reply, { exact: true }), frame.locator('.typing')]);

      await page.setViewportSize(VIEWPORTS.phone);
      await page.reload();
      await launcher(page).waitFor();
      await shot(page, `widget-${locale}-phone-closed`, [launcher(page)]);
      const phone = await openChat(page);
      await phone.getByText(SCRIPT[locale].reply, { exact: true }).waitFor();
      await shot(page, `widget-${locale}-phone-open`, [chatWindow(page), phone.getByText(SCRIPT[locale].reply, { exact: true }), phone.getByRole('textbox')]);
      await context.close();
    });
  }
});

describe('widget screenshots of other states', () => {
  let server: TestServer;
  let shop: StaticSite;
  let browser: Browser;

  beforeAll(async () => {
    [server, shop, browser] = await Promise.all([startTestServer(), startStaticSite(), launchBrowser()]);
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await server?.close();
  });

  it('nobody online (leave a message), in Chinese on a phone', async () => {
    const site = await server.app.services.sites.create({ name: '跑鞋小店', allowedOrigins: [shop.origin], greeting: {}, businessHours: null, defaultLocale: 'zh' });
    shop.page('/away', shopPage({ chatUrl: server.url, siteId: site.id, locale: 'zh' }));
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${shop.origin}/away`);
    await launcher(page).click();
    const frame = page.frameLocator('counter-chat iframe');
    await frame.getByRole('textbox', { name: '邮箱' }).waitFor();
    await shot(page, 'widget-zh-phone-leave-message', [chatWindow(page), frame.getByRole('textbox', { name: '邮箱' })]);
    await context.close();
  });

  it('queued, then ended with a rating, in English on a desktop', async () => {
    const site = await server.app.services.sites.create({ name: 'Trail shop', allowedOrigins: [shop.origin], greeting: {}, businessHours: null, defaultLocale: 'en' });
    shop.page('/queue', shopPage({ chatUrl: server.url, siteId: site.id, locale: 'en' }));
    // One agent with room for one chat: the second shopper waits in line.
    const agent = await server.agent({ name: 'Ann', capacity: 1 });
    const first = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const firstPage = await first.newPage();
    await firstPage.goto(`${shop.origin}/queue`);
    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    await send(await openChat(firstPage), 'I am first');
    const conversationId = (await assigned).item.conversation.id;

    const second = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await second.newPage();
    await page.goto(`${shop.origin}/queue`);
    const frame = await openChat(page);
    await send(frame, 'Is anyone there?');
    await frame.getByText(/You are number 1 in line/).waitFor();
    await shot(page, 'widget-en-desktop-queued', [chatWindow(page), frame.getByText(/You are number 1 in line/)]);

    ok(await agentCommand(agent.socket, 'conversation:resolve', { conversationId }));
    const firstFrame = firstPage.frameLocator('counter-chat iframe');
    await firstFrame.getByText('This conversation has ended.').waitFor();
    await firstFrame.getByRole('radio', { name: '4 of 5' }).check();
    await shot(firstPage, 'widget-en-desktop-rating', [chatWindow(firstPage), firstFrame.getByRole('radio', { name: '4 of 5' })]);
    await first.close();
    await second.close();
  });
});
