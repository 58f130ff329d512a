/**
 * Issue 16, item 1, in a real browser: a Chinese message is found by a Chinese query on the
 * lazy History page, its line highlighted; the page's code loads only when History is opened;
 * the same search in a Chinese-language browser. Screenshots go to e2e/artifacts (or
 * SHOTS_DIR), for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, createAgent, goOnline, shopper, signIn, useConsoleWorld } from '../support/console.js';

const shot = (name: string) => {
  if (!process.env.SHOTS_DIR) return artifact(name);
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  return path.join(process.env.SHOTS_DIR, name);
};

async function search(page: Page, label: string, button: string, query: string) {
  await page.getByRole('searchbox', { name: label }).fill(query);
  await page.getByRole('button', { name: button, exact: true }).click();
  const mark = page.locator('.history-match mark').first();
  await mark.waitFor();
  return mark;
}

describe('console: history and search in Chinese', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0 } });
  let page: Page;

  it('finds 我的快递到哪了 by 快递, highlighted, on a page loaded on demand', async () => {
    const ann = await createAgent(world.server, { name: 'Ann Agent', capacity: 5 });
    page = await signIn(world.browser, world.server, ann);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await goOnline(page);
    const mei = await shopper(world.server, { identity: { id: 'cust-88', name: '陈美', email: 'mei@example.com' } });
    await mei.say('你好');
    await mei.say('我的快递到哪了？订单号 1042');
    const other = await shopper(world.server, { identity: { id: 'cust-89', name: 'Bob Lee', email: 'bob@example.com' } });
    await other.say('I would like a refund please');
    await page.locator('.rows [data-conversation]').filter({ hasText: 'Bob Lee' }).waitFor();

    expect(requested.some((u) => /HistoryPage/.test(u)), 'History code is not part of the first load').toBe(false);
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(requested.some((u) => /HistoryPage-.*\.js/.test(u))).toBe(true);

    const mark = await search(page, 'Search messages', 'Search', '快递');
    await expect(mark.textContent()).resolves.toBe('快递');
    const rows = page.locator('.history-row');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().locator('.history-match .history-snippet').textContent()).resolves.toBe('我的快递到哪了？订单号 1042');
    // Visible: a painted box with the highlight colour, not just an element in the DOM.
    const box = await mark.boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    const background = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: shot('history-search-zh-query-en-ui.png') });

    await rows.first().locator('button.history-open').click();
    const transcript = page.getByRole('region', { name: 'Read-only transcript' });
    await transcript.getByText('我的快递到哪了？订单号 1042').waitFor();
    await expect(transcript.locator('textarea').count()).resolves.toBe(0);
    await expect(transcript.getByRole('link', { name: 'Open in the inbox' }).count()).resolves.toBe(1);
    await page.screenshot({ path: shot('history-transcript.png') });

    // English still works, and finds only its own conversation.
    await search(page, 'Search messages', 'Search', 'refund');
    await expect(page.locator('.history-row').count()).resolves.toBe(1);
    await expect(page.locator('.history-row .history-name').textContent()).resolves.toBe('Bob Lee');
  });

  it('shows the same search to a person who chose Chinese, in a Chinese-language browser', async () => {
    const context = await world.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    try {
      await context.addCookies(await page.context().cookies());
      const zh = await context.newPage();
      // The saved choice wins over the browser's language (Ann first signed in with English).
      await zh.goto(`${world.server.url}/console/`);
      const saved = await zh.evaluate(async () => {
        const res = await fetch('/api/v1/auth/profile', {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ prefs: { locale: 'zh' } }),
        });
        return res.status;
      });
      expect(saved).toBe(200);
      await zh.goto(`${world.server.url}/console/#/history`);
      await zh.reload();
      await zh.getByRole('heading', { name: '历史记录' }).waitFor();
      const mark = await search(zh, '搜索消息', '搜索', '快递');
      await expect(mark.textContent()).resolves.toBe('快递');
      await zh.screenshot({ path: shot('history-search-zh.png') });
      // Back to English for the tests that follow (they find English labels).
      await zh.evaluate(() =>
        fetch('/api/v1/auth/profile', {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ prefs: { locale: 'en' } }),
        }),
      );
    } finally {
      await context.close();
    }
  });

  it('fits a phone (390 px): nothing wider than the screen, the transcript below the list', async () => {
    const context = await world.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await context.addCookies(await page.context().cookies());
      const phone = await context.newPage();
      await phone.goto(`${world.server.url}/console/#/history`);
      await search(phone, 'Search messages', 'Search', '快递');
      await phone.locator('.history-row button.history-open').first().click();
      await phone.getByRole('region', { name: 'Read-only transcript' }).getByText('我的快递到哪了？订单号 1042').waitFor();
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await phone.screenshot({ path: shot('history-phone.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
