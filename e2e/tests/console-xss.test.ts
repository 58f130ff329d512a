/**
 * Everything a shopper controls (name, messages, page titles, product and cart) is shown
 * as text in the console: markup stays inert, and only http(s) URLs become links.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAgent, goOnline, shopper, signIn, useConsoleWorld } from '../support/console.js';

const NAME = '<img src=x onerror="window.__pwned=1">Eve';
const MESSAGE = '<script>window.__pwned=2</script><b>bold</b> see https://example.com/a?b=1 and javascript:window.__pwned=3';
const TITLE = '<svg onload="window.__pwned=4">Shoes';

describe('console: shopper content stays inert', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0 } });
  let page: Page;

  it('shows a hostile name, message, page and cart as plain text', async () => {
    const agent = await createAgent(world.server, { name: 'Ivy' });
    page = await signIn(world.browser, world.server, agent);
    await goOnline(page);
    const s = await shopper(world.server, {
      identity: { id: 'x-1', name: NAME, email: 'eve@example.com' },
      context: {
        page: { url: 'https://shop.test/p?q=<script>', title: TITLE },
        product: { title: TITLE, url: 'https://shop.test/p' },
        cart: { items: [{ title: '<iframe src="javascript:window.__pwned=5">', quantity: 1 }] },
      },
    });
    await s.say(MESSAGE);

    const row = page.locator('.rows [data-conversation]').first();
    await row.waitFor();
    await expect(row.locator('.row-name').textContent()).resolves.toBe(NAME);
    await row.locator('a').click();

    const message = page.locator('.msg-in .msg-text').first();
    await message.waitFor();
    await expect(message.textContent()).resolves.toBe(MESSAGE);
    // No element was made from the text; the one http(s) URL is a link, javascript: is not.
    await expect(message.locator('b, script').count()).resolves.toBe(0);
    const links = await message.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toEqual(['https://example.com/a?b=1']);

    const panel = page.locator('aside.shopper');
    await expect(panel.locator('.shopper-name').textContent()).resolves.toBe(NAME);
    await expect(panel.locator('.product-title').textContent()).resolves.toBe(TITLE);
    await panel.getByText('<iframe src="javascript:window.__pwned=5">').waitFor();

    await expect(page.locator('img[src="x"], svg[onload], iframe, script:not([src])').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
