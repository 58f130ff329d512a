/**
 * Both real UIs in one browser: a shopper on a shop page using the embedded widget, an
 * agent in the console. Message, reply, typing both ways, the shopper's product and cart in
 * the console, a rename the shopper sees at once, resolve, and the rating the shopper gives shows up for the agent. The product's
 * picture reaches the console through the chat server: the agent's browser never asks the shop.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifact, createAgent, goOnline, requireConsoleBuild, signIn } from '../support/console.js';
import { useShopWorld } from '../support/shop-world.js';
import { openChat, send, shopPage } from '../support/widget.js';

// A 1x1 PNG, the product's picture on the shop.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// Called before widget.js arrives: queued by the snippet's stub.
const CONTEXT = `Counter('setContext', {
  product: { id: 'trail-2', title: 'Trail Runner 2 — Ocean', price: 89, currency: 'USD', image: location.origin + '/trail.png' },
  cart: { items: [{ id: 'trail-2', title: 'Trail Runner 2 — Ocean', quantity: 1, price: 89 }], total: 89, currency: 'USD' }
});`;

describe('console and widget together', () => {
  // The shop (and its image) is on loopback, which the server refuses to fetch as shipped.
  const world = useShopWorld({
    server: { config: { reassignAfterMs: 0 }, deps: { remoteImages: { allowAddress: (a) => a === '127.0.0.1' || a === '::1' } } },
    greeting: { en: 'Hello from the trail shop!' },
  });
  let agentPage: Page;
  let shopperPage: Page;
  let widget: FrameLocator;

  beforeAll(async () => {
    requireConsoleBuild();
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id, calls: CONTEXT }));
    world.shop.page('/trail.png', PNG, { 'content-type': 'image/png' });
  });

  it('a shopper’s first message appears in the console with their product and cart', async () => {
    const ann = await createAgent(world.server, { name: 'Ann' });
    agentPage = await signIn(world.browser, world.server, ann);
    const agentAsked: string[] = [];
    agentPage.on('request', (request) => agentAsked.push(request.url()));
    await goOnline(agentPage);

    shopperPage = await (await world.browser.newContext()).newPage();
    await shopperPage.goto(world.shop.origin + '/');
    widget = await openChat(shopperPage);
    await send(widget, 'Do these run true to size?');

    const row = agentPage.locator('.rows [data-conversation]').first();
    await row.waitFor();
    await row.locator('a').click();
    await agentPage.locator('.msg-in .msg-text', { hasText: 'Do these run true to size?' }).waitFor();
    const panel = agentPage.locator('aside.shopper');
    await panel.locator('.product-title', { hasText: 'Trail Runner 2' }).waitFor();
    await panel.locator('.cart-total', { hasText: '$89.00' }).waitFor();
    await agentPage.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('aside.shopper img.product-img');
      return img?.complete && img.naturalWidth === 1;
    });
    expect(await panel.locator('img.product-img').getAttribute('src')).toMatch(/^\/api\/v1\/conversations\/[^/]+\/product-image$/);
    expect(agentAsked.filter((url) => url.startsWith(world.shop.origin))).toEqual([]);
  });

  it('typing shows on both sides, and the reply reaches the widget', async () => {
    const composer = agentPage.getByLabel('Reply to the shopper');
    await composer.click();
    await composer.pressSequentially('Yes, order your usual');
    await widget.getByText('Ann is typing…').waitFor();

    await widget.getByRole('textbox', { name: /^message$/i }).pressSequentially('thanks');
    await agentPage.getByText('Shopper is typing…').waitFor();

    await composer.pressSequentially(' size.');
    await composer.press('Enter');
    await widget.getByText('Yes, order your usual size.', { exact: true }).waitFor();
  });

  it('the agent renames themselves: the shopper’s widget shows the new name at once', async () => {
    await widget.getByText('Ann is helping you').waitFor();
    const conversationUrl = agentPage.url();
    await agentPage.getByRole('link', { name: 'Ann', exact: true }).click();
    const profile = agentPage.getByRole('region', { name: 'Your profile' });
    await profile.getByLabel('Name shoppers see').fill('Mei');
    await profile.getByRole('button', { name: 'Save name' }).click();
    await profile.getByRole('status').filter({ hasText: 'Name saved' }).waitFor();
    await widget.getByText('Mei is helping you').waitFor();
    expect(await widget.getByText('Ann is helping you').count()).toBe(0);
    await agentPage.goto(conversationUrl);
    await agentPage.getByLabel('Reply to the shopper').waitFor();
  });

  it('resolve in the console; the shopper rates; the agent sees the rating', async () => {
    await agentPage.getByRole('button', { name: 'Resolve' }).click();
    await widget.getByText('How was our service?').waitFor();
    await widget.getByLabel('4 of 5').check({ force: true });
    await widget.getByLabel('Comment (optional)').fill('Quick and clear');
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByText('Thanks for your feedback!').waitFor();

    await agentPage.locator('.conv-head .rating[data-score="4"]').waitFor();
    await agentPage.locator('aside.shopper').getByText('“Quick and clear”').waitFor();
    expect(await agentPage.locator('.rows .row.resolved .pill').textContent()).toBe('★ 4');
    await agentPage.screenshot({ path: artifact('console-with-widget-rated.png') });
  });
});
