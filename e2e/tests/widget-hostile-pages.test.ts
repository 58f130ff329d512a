/**
 * The chat works wherever a shop puts it: under a strict CSP (nonce + 'strict-dynamic', no
 * 'unsafe-inline', not even for styles) and under CSS that tries to unstyle or hide
 * everything (`* { all: unset !important }`, `button, iframe { display: none !important }`).
 * Also: keyboard use (focus moves in, Esc closes, focus returns to the launcher).
 */
import { randomUUID } from 'node:crypto';
import { agentCommand, next, ok } from '@counter/server/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { launcher, openChat, send, shopPage } from '../support/widget.js';

const NONCE = 'c2hvcC1ub25jZS0xMjM0';
const STRICT_CSP = `script-src 'nonce-${NONCE}' 'strict-dynamic'; style-src 'nonce-${NONCE}'; object-src 'none'; base-uri 'none'`;
const HOSTILE_CSS = '<style>* { all: unset !important; } button, iframe { display: none !important; } html { font-size: 40px !important; }</style>';

describe('hostile pages', () => {
  const world = useShopWorld();

  beforeAll(async () => {
    const chatUrl = world.server.url;
    world.shop.page('/strict-csp', shopPage({ chatUrl, siteId: world.site.id, nonce: NONCE }), { 'content-security-policy': STRICT_CSP });
    world.shop.page('/hostile-css', shopPage({ chatUrl, siteId: world.site.id, head: HOSTILE_CSS }));
  });

  async function chatsWithAnAgent(page: Page, text: string): Promise<void> {
    const agent = await world.server.agent({ name: 'Ann' });
    const box = await launcher(page).boundingBox();
    expect(box).toMatchObject({ width: 60, height: 60 });
    const frame = await openChat(page);
    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    await send(frame, text);
    const conversationId = (await assigned).item.conversation.id;
    ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: `Re: ${text}` }));
    await frame.getByText(`Re: ${text}`, { exact: true }).waitFor();
    agent.socket.disconnect();
  }

  it('works under a strict nonce CSP, with no violation reported', async () => {
    const page = await world.browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${world.shop.origin}/strict-csp`);
    await chatsWithAnAgent(page, 'Hello from a strict page');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    await page.close();
  });

  it('works under CSS that unsets and hides everything', async () => {
    const page = await world.browser.newPage();
    await page.goto(`${world.shop.origin}/hostile-css`);
    await chatsWithAnAgent(page, 'Hello from a hostile page');
    const frameBox = await page.locator('counter-chat iframe').boundingBox();
    expect(frameBox?.width).toBe(380);
    await page.close();
  });

  it('is usable with the keyboard alone', async () => {
    await world.server.agent({ name: 'Ann' });
    const page = await world.browser.newPage();
    await page.goto(`${world.shop.origin}/strict-csp`);
    await launcher(page).waitFor();
    // Tab from the page's start reaches the launcher (it follows the page's content).
    await launcher(page).focus();
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('counter-chat iframe');
    const box = frame.getByRole('textbox', { name: 'Message' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement && document.hasFocus())).toBe(true);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await frame.getByText('Typed without a mouse', { exact: true }).waitFor();

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('counter-chat iframe').isVisible()).toBe(false);
    await expect.poll(() => launcher(page).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });
});
