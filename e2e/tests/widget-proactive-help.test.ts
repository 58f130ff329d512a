/**
 * Issue 17, item 4: proactive help. A site's rules come baked into widget.js?site=ID; the
 * early chunk shows the first due rule as a bubble by the launcher, in the shopper's
 * language, without taking focus, and with a cap that holds across reloads. A click opens
 * the chat; × closes it for good. Playwright's fake clock drives the time.
 */
import { mkdir } from 'node:fs/promises';
import type { ProactiveSettings, SiteLook } from '@counter/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { shopPage } from '../support/widget.js';

const SHOTS = '/work/shots/look/';
const LOOK: SiteLook = { color: '#0f766e', side: 'left', x: 24, y: 24, label: {}, showAgent: true };
const RULES: ProactiveSettings = {
  rules: [
    { id: 'cart', seconds: 0, cart: { min: 100, idle: 20 }, message: { en: 'Questions before you check out?', zh: '结账前有问题吗？' } },
    { id: 'sizes', seconds: 30, url: '/p/*', message: { en: 'Not sure about your size? Ask us.', zh: '不确定尺码？问问我们。' } },
  ],
  capHours: 24,
};

const bubble = (page: Page) => page.locator('counter-chat aside');

describe('proactive help', () => {
  const world = useShopWorld();

  async function shopper(path: string, options: { locale?: 'en' | 'zh'; calls?: string; reducedMotion?: 'reduce' } = {}) {
    await world.server.app.store.sites.update(world.site.id, { look: LOOK, proactive: RULES });
    world.shop.page(
      path,
      shopPage({
        chatUrl: world.server.url,
        siteId: world.site.id,
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.calls ? { calls: options.calls } : {}),
        body: '<label>Search <input id="search"></label>',
      }),
    );
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 }, ...(options.reducedMotion ? { reducedMotion: options.reducedMotion } : {}) });
    const page = await context.newPage();
    await page.clock.install();
    return { context, page };
  }

  it('shows the URL rule after 30 s on the page, never takes focus, and respects the cap on reload', async () => {
    const { context, page } = await shopper('/p/trail-runner');
    await page.goto(`${world.shop.origin}/p/trail-runner`);
    await page.locator('#search').focus();
    await page.locator('counter-chat button').first().waitFor();
    await page.clock.runFor(29_000);
    expect(await bubble(page).count()).toBe(0);
    await page.clock.runFor(2_000);
    await bubble(page).waitFor();
    expect(await bubble(page).textContent()).toContain('Not sure about your size? Ask us.');
    // The shopper was typing in the page's search box: still there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    expect(await bubble(page).getAttribute('role')).toBe('status');
    await mkdir(SHOTS, { recursive: true });
    await bubble(page).evaluate((b) => Promise.all(b.getAnimations().map((a) => a.finished)));
    await page.screenshot({ path: `${SHOTS}proactive-bubble.png` });

    // The cap: reloaded, a whole minute later, nothing.
    await page.reload();
    await page.locator('counter-chat button').first().waitFor();
    await page.clock.runFor(60_000);
    expect(await bubble(page).count()).toBe(0);
    // A day later the cap is over (a jump, then a tick).
    await page.clock.fastForward(24 * 3_600_000);
    await page.clock.runFor(1_000);
    await bubble(page).waitFor();
    await context.close();
  });

  it('speaks the shopper’s language, moves not for reduced motion, and opens the chat on click', async () => {
    const { context, page } = await shopper('/p/zh', { locale: 'zh', reducedMotion: 'reduce' });
    await page.goto(`${world.shop.origin}/p/zh`);
    await page.locator('counter-chat button').first().waitFor();
    await page.clock.runFor(31_000);
    await bubble(page).waitFor();
    expect(await bubble(page).locator('button').first().textContent()).toBe('不确定尺码？问问我们。');
    expect(await bubble(page).evaluate((b) => getComputedStyle(b).animationName)).toBe('none');
    await page.screenshot({ path: `${SHOTS}proactive-bubble-zh.png` });
    await bubble(page).locator('button').first().click();
    await page.locator('counter-chat iframe').waitFor({ state: 'visible' });
    expect(await bubble(page).count()).toBe(0);
    await context.close();
  });

  it('fires the cart rule after the shopper is idle with a full cart; × closes it for good', async () => {
    const calls = "Counter('setContext', { cart: { items: [{ id: 'a', title: 'Boots', quantity: 1, price: 129 }], total: 129, currency: 'EUR' } });";
    const { context, page } = await shopper('/cart', { calls });
    await page.goto(`${world.shop.origin}/cart`);
    await page.locator('counter-chat button').first().waitFor();
    await page.clock.runFor(10_000);
    // Activity restarts the idle time.
    await page.mouse.move(300, 300);
    await page.clock.runFor(15_000);
    expect(await bubble(page).count()).toBe(0);
    await page.clock.runFor(6_000);
    await bubble(page).waitFor();
    expect(await bubble(page).textContent()).toContain('Questions before you check out?');
    // The animation respects no reduced-motion preference here: it runs.
    expect(await bubble(page).evaluate((b) => getComputedStyle(b).animationName)).not.toBe('none');

    await bubble(page).getByRole('button', { name: 'Dismiss' }).click();
    expect(await bubble(page).count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('counter-chat iframe'))).toBeNull();
    // Dismissed: even after the cap, that rule never shows again.
    await page.reload();
    await page.locator('counter-chat button').first().waitFor();
    await page.clock.fastForward(25 * 3_600_000);
    await page.clock.runFor(31_000);
    expect(await bubble(page).count()).toBe(0);
    await context.close();
  });
});
