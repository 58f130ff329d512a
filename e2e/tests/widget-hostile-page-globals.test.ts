/**
 * Pages that break what the widget used to take for granted (issue 17, item 5), each one a
 * page a shop really had: `attachShadow` removed, `JSON` that throws on input it does not
 * know, a `fetch` wrapper that drops the request options, `html { zoom: 1.5 }` on a phone,
 * and a CSP whose frame-src leaves the chat out.
 */
import { randomUUID } from 'node:crypto';
import { agentCommand, next, ok } from '@counter/server/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifact } from '../support/console.js';
import { useShopWorld } from '../support/shop-world.js';
import { chatReady, launcher, openChat, send, shopPage } from '../support/widget.js';

const NONCE = 'aG9zdGlsZS1ub25jZQ';

/** A shop's "safe" JSON: only its own data (objects with a `shop` key) gets through. */
const SHOP_JSON = `<script>(() => {
  const parse = JSON.parse, stringify = JSON.stringify;
  JSON.parse = (text) => { const value = parse(text); if (!value || !value.shop) throw new Error('unknown input'); return value; };
  JSON.stringify = (value) => { if (!value || !value.shop) throw new Error('unknown input'); return stringify(value); };
})();</script>`;

/** An analytics wrapper that forwards the URL and forgets the options (method, body). */
const SHOP_FETCH = `<script>(() => { const original = window.fetch; window.fetch = (input) => original(input); })();</script>`;

describe('hostile page globals and layout', () => {
  const world = useShopWorld();
  const key = () => `counter:${world.site.id}`;

  beforeAll(() => {
    const embed = { chatUrl: world.server.url, siteId: world.site.id };
    world.shop.page('/no-shadow', shopPage({ ...embed, head: '<script>delete Element.prototype.attachShadow;</script>' }));
    world.shop.page('/shop-json', shopPage({ ...embed, head: SHOP_JSON }));
    world.shop.page('/shop-fetch', shopPage({ ...embed, head: SHOP_FETCH }));
    world.shop.page('/zoomed', shopPage({ ...embed, head: '<style>html { zoom: 1.5 }</style>' }));
    world.shop.page('/csp-self', shopPage({ ...embed, nonce: NONCE }), {
      'content-security-policy': `default-src 'self'; script-src 'nonce-${NONCE}' ${world.server.url}`,
    });
  });

  /** Uncaught errors on the page (the widget must never add one). */
  function pageErrors(page: Page): Error[] {
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    return errors;
  }

  it('without attachShadow: a working launcher in the light DOM, and Counter(\'open\') opens the chat', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${world.shop.origin}/no-shadow`);
    expect(await launcher(page).boundingBox()).toMatchObject({ width: 60, height: 60 });
    expect(await page.locator('counter-chat').evaluate((el) => el.shadowRoot)).toBeNull();

    await page.evaluate(() => (window as unknown as { Counter: (method: string) => void }).Counter('open'));
    const frame = await chatReady(page);
    expect(await page.locator('counter-chat iframe').boundingBox()).toMatchObject({ width: 380 });
    await send(frame, 'Hello without shadow DOM');
    await frame.getByText(/· Sent$/).waitFor();
    // The launcher's rules stay on our element: the page's own buttons are untouched.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'shop-button', textContent: 'Buy' })));
    expect(await page.locator('#shop-button').evaluate((el) => getComputedStyle(el).borderRadius)).not.toBe('50%');
    expect(errors).toEqual([]);
    agent.socket.disconnect();
    await context.close();
  });

  it('with a JSON that throws on unknown input: the shopper is the same after a reload, history and all', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${world.shop.origin}/shop-json`);
    const frame = await openChat(page);
    await send(frame, 'Please remember me');
    await frame.getByText('Please remember me', { exact: true }).waitFor();
    // Kept on the shop's origin (the old loader's JSON.stringify threw here: nothing kept).
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key())).toBeTruthy();

    await page.reload();
    const again = await openChat(page);
    await again.getByText('Please remember me', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    agent.socket.disconnect();
    await context.close();
  });

  it('with a fetch wrapper that drops the options: the unread check still counts the replies', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/shop-fetch`);
    const frame = await openChat(page);
    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    await send(frame, 'Is this in stock?');
    const conversationId = (await assigned).item.conversation.id;
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('counter-chat iframe').isVisible()).toBe(false);
    ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Yes, two left.' }));
    await expect.poll(() => launcher(page).textContent()).toBe('1');

    // The next page load knows it before any intent: one request, no chat window.
    await page.reload();
    await expect.poll(() => launcher(page).textContent()).toBe('1');
    expect(await launcher(page).getAttribute('aria-label')).toBe('Chat with us (1 unread)');
    expect(await page.locator('counter-chat iframe').count()).toBe(0);
    agent.socket.disconnect();
    await context.close();
  });

  it('on a phone page with html { zoom: 1.5 }: the full-screen chat fits the view, composer included', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const context = await world.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/zoomed`);
    await launcher(page).click();
    const frame = await chatReady(page);
    const view = page.viewportSize()!;
    const inView = (box: { x: number; y: number; width: number; height: number } | null) => {
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(-0.5);
      expect(box!.y).toBeGreaterThanOrEqual(-0.5);
      expect(box!.x + box!.width).toBeLessThanOrEqual(view.width + 0.5);
      expect(box!.y + box!.height).toBeLessThanOrEqual(view.height + 0.5);
    };
    const chatBox = await page.locator('counter-chat iframe').boundingBox();
    inView(chatBox);
    // Full screen: the whole visual viewport, not 1.5 times it.
    expect(chatBox!.height).toBeGreaterThan(view.height - 2);
    // The composer (someone is online), not the leave-a-message form.
    await frame.locator('.composer').waitFor();
    inView(await frame.getByRole('textbox', { name: 'Message', exact: true }).boundingBox());
    inView(await frame.getByRole('button', { name: 'Send', exact: true }).boundingBox());
    await page.screenshot({ path: artifact('widget-phone-html-zoom.png') });
    agent.socket.disconnect();
    await context.close();
  });

  it('under a CSP that blocks the chat frame: the shopper is told, the merchant is told what to allow', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${world.shop.origin}/csp-self`);
    await launcher(page).click();
    const note = page.getByRole('alert');
    await note.waitFor();
    expect(await note.textContent()).toBe('The chat cannot open on this page.');
    expect(await note.isVisible()).toBe(true);
    expect(await page.locator('counter-chat iframe').count()).toBe(0);
    expect(warnings.find((w) => w.startsWith('Counter:'))).toContain(`add ${world.server.url} to this page's CSP frame-src`);
    await page.screenshot({ path: artifact('widget-csp-blocked-note.png') });

    // The launcher closes it and opens it again, like the chat.
    await launcher(page).click();
    await expect.poll(() => note.isVisible()).toBe(false);
    await launcher(page).click();
    await expect.poll(() => note.isVisible()).toBe(true);
    await context.close();
  });
});
