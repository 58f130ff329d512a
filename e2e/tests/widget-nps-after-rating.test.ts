/**
 * The NPS question after the rating (issue 15 leftovers) in a real browser, on a 375 px phone in
 * English and Chinese: the site asks, the shopper rates, the 0–10 question shows whole in the
 * viewport, one tap stores the answer. Screenshots go to /work/shots/presence/ (or SHOTS_DIR).
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { agentCommand, next, ok, startTestServer, type TestServer } from '@counter/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startStaticSite, type StaticSite } from '../support/static-site.js';
import { openChat, send, shopPage } from '../support/widget.js';

const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/presence';
const WORDS = {
  en: { ask: 'How likely are you to recommend us?', five: '5 of 5', send: 'Send rating', nine: '9 of 10', thanks: 'Thank you!', hello: 'Do you ship to Berlin?' },
  zh: { ask: '您向朋友推荐我们的可能性有多大?', five: '5 星（满分 5 星）', send: '提交评价', nine: '9 分（满分 10 分）', thanks: '谢谢！', hello: '可以寄到上海吗？' },
};

describe('NPS question after the rating, in the widget', () => {
  let server: TestServer;
  let shop: StaticSite;
  let browser: Browser;

  beforeAll(async () => {
    [server, shop, browser] = await Promise.all([startTestServer(), startStaticSite(), launchBrowser()]);
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await server?.close();
  });

  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: asked after the rating on a phone, one tap answers`, async () => {
      const w = WORDS[locale];
      const site = await server.app.services.sites.create({ name: 'Trail shop', allowedOrigins: [shop.origin], greeting: {}, businessHours: null, defaultLocale: locale });
      await server.app.services.sites.update(site.id, { nps: true });
      shop.page(`/nps-${locale}`, shopPage({ chatUrl: server.url, siteId: site.id, locale }));
      const agent = await server.agent({ name: locale === 'en' ? 'Tom' : '王芳', siteIds: [site.id] });
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: locale === 'zh' ? 'zh-CN' : 'en-US' });
      const page = await context.newPage();
      await page.goto(`${shop.origin}/nps-${locale}`);
      const frame = await openChat(page);
      const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
      await send(frame, w.hello);
      const conversationId = (await assigned).item.conversation.id;
      ok(await agentCommand(agent.socket, 'message:send', { conversationId: conversationId as never, clientId: randomUUID(), text: locale === 'en' ? 'Yes, in 2-3 days.' : '可以，2-3 天送达。' }));
      ok(await agentCommand(agent.socket, 'conversation:resolve', { conversationId: conversationId as never }));

      await frame.getByRole('radio', { name: w.five }).check();
      await frame.getByRole('button', { name: w.send }).click();
      const question = frame.getByRole('group', { name: w.ask });
      await question.waitFor();
      const nine = frame.getByRole('button', { name: w.nine });
      // All eleven answers fit the phone's chat window: the last one is inside the viewport.
      const box = await frame.getByRole('button', { name: locale === 'en' ? '10 of 10' : '10 分（满分 10 分）' }).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${SHOTS}/widget-nps-${locale}-phone.png` });

      await nine.click();
      await frame.getByText(w.thanks).waitFor();
      await page.screenshot({ path: `${SHOTS}/widget-nps-${locale}-phone-answered.png` });
      expect((await server.app.store.conversations.byId(conversationId as never))?.nps).toBe(9);
      await context.close();
    }, 60_000);
  }
});
