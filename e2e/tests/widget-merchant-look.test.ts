/**
 * Issue 17, item 1: the merchant's look. A cookie bar at the maximum z-index covered the
 * launcher and nothing could move it. Now the site's look (colour, side, offsets, label)
 * comes baked into widget.js?site=ID and the tag's data-* attributes win over it; the text
 * colour on the brand colour is the one shared/src/look/colour.ts picks.
 */
import { mkdir } from 'node:fs/promises';
import { inkOn, type AgentId, type SiteLook } from '@counter/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { openChat, send, shopPage } from '../support/widget.js';

const SHOTS = '/work/shots/look/';
const COOKIE_BAR =
  '<div id="cookies" style="position:fixed;left:0;right:0;bottom:0;height:80px;z-index:2147483647;background:#1f2937;color:#fff;' +
  'font:16px sans-serif;display:flex;align-items:center;padding:0 24px">We use cookies. <button>Accept</button></div>';
const LOOK: SiteLook = { color: '#facc15', side: 'left', x: 24, y: 100, label: { en: 'Questions?', zh: '有问题吗？' }, showAgent: true };

/** The launcher itself (not a proactive bubble's buttons). */
const launcherOf = (page: Page) => page.locator('counter-chat').locator('css=button:not(aside button)').first();

/** A colour as the browser paints it, read back through a canvas: [r, g, b]. */
const painted = (page: Page, colour: string) =>
  page.evaluate((c) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, colour);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe("the merchant's look", () => {
  const world = useShopWorld();

  it('puts a themed launcher on the left, clear of a max-z-index cookie bar', async () => {
    await world.server.app.store.sites.update(world.site.id, { look: LOOK });
    world.shop.page('/bar', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'en', body: COOKIE_BAR }));
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/bar`);
    const button = launcherOf(page);
    await button.waitFor();
    await expect.poll(() => button.textContent()).toBe('Questions?');
    expect(await button.getAttribute('aria-label')).toBe('Questions?');

    const box = (await button.boundingBox())!;
    const bar = (await page.locator('#cookies').boundingBox())!;
    expect(box.x).toBeCloseTo(24, 0);
    expect(box.y + box.height).toBeCloseTo(800 - 100, 0);
    expect(box.y + box.height <= bar.y || box.y >= bar.y + bar.height).toBe(true);
    // What a click at the launcher's centre reaches is the launcher, not the bar.
    const hit = await page.evaluate(
      ([x, y]) => {
        const host = document.elementFromPoint(x!, y!);
        return host?.localName === 'counter-chat' ? host.shadowRoot!.elementFromPoint(x!, y!)?.localName : host?.id;
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).toBe('button');

    const styles = await button.evaluate((b) => ({ background: getComputedStyle(b).backgroundColor, color: getComputedStyle(b).color }));
    expect(await painted(page, styles.background)).toEqual(rgb('#facc15'));
    expect(await painted(page, styles.color)).toEqual(rgb(inkOn('#facc15')));

    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}themed-left-cookie-bar.png` });
    // The chat opens on the launcher's side, above it.
    await button.click();
    const frame = page.locator('counter-chat iframe');
    await frame.waitFor({ state: 'visible' });
    const panel = (await frame.boundingBox())!;
    expect(panel.x).toBeCloseTo(24, 0);
    expect(panel.y + panel.height).toBeLessThanOrEqual(box.y);
    await page.screenshot({ path: `${SHOTS}themed-left-open.png` });
    await context.close();
  });

  it("lets the tag's data-* attributes win over the site's look", async () => {
    await world.server.app.store.sites.update(world.site.id, { look: LOOK });
    const data = { side: 'right', x: '40', y: '30', color: '#111827', label: 'Help' };
    world.shop.page('/override', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'zh', data }));
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/override`);
    const button = launcherOf(page);
    await expect.poll(() => button.textContent()).toBe('Help');
    const box = (await button.boundingBox())!;
    expect(1280 - (box.x + box.width)).toBeCloseTo(40, 0);
    expect(800 - (box.y + box.height)).toBeCloseTo(30, 0);
    const styles = await button.evaluate((b) => ({ background: getComputedStyle(b).backgroundColor, color: getComputedStyle(b).color }));
    expect(await painted(page, styles.background)).toEqual(rgb('#111827'));
    // The server never saw this colour: the loader's CSS picked the text colour, as inkOn does.
    expect(await painted(page, styles.color)).toEqual(rgb(inkOn('#111827')));
    await page.screenshot({ path: `${SHOTS}data-override-right.png` });
    await context.close();
  });

  it("picks the text colour in the page's CSS exactly as the colour module does, near its threshold too", async () => {
    world.shop.page('/colours', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/colours`);
    const button = launcherOf(page);
    await button.waitFor();
    // #767676..#7a7a7a straddle the point where white and black contrast equally.
    const colours = ['#000000', '#ffffff', '#1d4ed8', '#facc15', '#e11d48', '#16a34a', '#0ea5e9', '#767676', '#777777', '#787878', '#797979', '#7a7a7a', '#ff5500', '#8b5cf6', '#00ff00'];
    for (const colour of colours) {
      const ink = await button.evaluate((b, c) => {
        (b.getRootNode() as ShadowRoot).host.setAttribute('style', `--c:${c}`);
        return getComputedStyle(b).color;
      }, colour);
      expect(await painted(page, ink), colour).toEqual(rgb(inkOn(colour)));
    }
    await context.close();
  });

  it("shows the assigned agent's name and picture in a header of the brand colour", async () => {
    await world.server.app.store.sites.update(world.site.id, { look: LOOK });
    const agent = await world.server.agent({ name: 'Mei', siteIds: [world.site.id] });
    world.shop.page('/agent', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'en' }));
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/agent`);
    // A picture as the console uploads one: a PNG drawn in the browser.
    const png = await page.evaluate(() => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#e11d48';
      ctx.fillRect(0, 0, 64, 64);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    const doc = (await world.server.app.store.agents.byId(agent.agentId as AgentId))!;
    await world.server.app.services.agents.setAvatar(doc, png);

    const frame = await openChat(page);
    const header = frame.locator('header.head');
    expect(await header.evaluate((h) => getComputedStyle(h).backgroundColor)).toBe('rgb(250, 204, 21)');
    expect(await header.evaluate((h) => getComputedStyle(h).color)).toBe('rgb(0, 0, 0)');
    await send(frame, 'Do you ship to Lyon?');
    await header.getByText('Mei is helping you').waitFor();
    const face = header.locator('.face img');
    await face.waitFor();
    await expect.poll(() => face.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    await page.screenshot({ path: `${SHOTS}header-agent-avatar.png` });
    await context.close();
  });

  it("shows the agent's initial, and no load error, when the agent has no picture", async () => {
    await world.server.app.store.sites.update(world.site.id, { look: LOOK });
    await world.server.agent({ name: 'Lin', siteIds: [world.site.id] });
    world.shop.page('/initial', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'en' }));
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${world.shop.origin}/initial`);
    const frame = await openChat(page);
    await send(frame, 'Is the blue one in stock?');
    const header = frame.locator('header.head');
    await header.getByText('Lin is helping you').waitFor();
    await expect.poll(() => header.locator('.face').textContent()).toBe('L');
    expect(errors).toEqual([]);
    await context.close();
  });
});
