/**
 * A shopper opens the chat, writes, gets an agent's answer, reloads: the conversation is
 * still there. Real Chromium, real server, the agent on a real socket.
 */
import { randomUUID } from 'node:crypto';
import type { Message } from '@counter/shared';
import { agentCommand, next, ok } from '@counter/server/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { chatReady, launcher, openChat, send, shopPage, storedToken } from '../support/widget.js';

describe('a shopper chats with an agent', () => {
  const world = useShopWorld({ greeting: { en: 'Hello from the trail shop!' } });

  beforeAll(async () => {
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
  });

  it('sends, receives the reply, and finds the conversation again after a reload', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const page: Page = await world.browser.newPage();
    await page.goto(world.shop.origin + '/');
    await launcher(page).waitFor();

    const frame = await openChat(page);
    await expect.poll(() => frame.getByText('Hello from the trail shop!', { exact: true }).isVisible()).toBe(true);

    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    await send(frame, 'Do these run true to size?');
    const conversationId = (await assigned).item.conversation.id;
    await frame.getByText('Do these run true to size?', { exact: true }).waitFor();

    ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Yes, order your usual size.' }));
    await frame.getByText('Yes, order your usual size.', { exact: true }).waitFor();
    await frame.getByText('Ann is helping you', { exact: true }).waitFor();

    await page.reload();
    const again = await openChat(page);
    await again.getByText('Do these run true to size?', { exact: true }).waitFor();
    await again.getByText('Yes, order your usual size.', { exact: true }).waitFor();

    const history = ok(await agentCommand(agent.socket, 'message:history', { conversationId }));
    const texts = history.messages.filter((m: Message) => m.kind === 'text').map((m: Message) => m.text);
    expect(texts).toEqual(['Do these run true to size?', 'Yes, order your usual size.']);
    await page.close();
  });

  it('shows unread replies on the launcher: live while closed, and after a reload before any intent', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(world.shop.origin + '/');
    await page.evaluate(() => {
      const w = window as unknown as { unreadSeen: unknown[]; Counter: (...a: unknown[]) => void };
      w.unreadSeen = [];
      w.Counter('on', 'unread', (n: unknown) => w.unreadSeen.push(n));
    });
    const frame = await openChat(page);
    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    await send(frame, 'Is the sale still on?');
    const conversationId = (await assigned).item.conversation.id;

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('counter-chat iframe').isVisible()).toBe(false);
    ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Until Sunday!' }));
    await expect.poll(() => launcher(page).textContent()).toBe('1');
    expect(await launcher(page).getAttribute('aria-label')).toBe('Chat with us (1 unread)');
    expect(await page.evaluate(() => (window as unknown as { unreadSeen: unknown[] }).unreadSeen)).toContain(1);

    // Next page load: one small request tells the launcher, no chat window yet. (Since issue
    // 17 the badge and that request live in the early chunk, an immutable script cached after
    // its first load, which the loader adds only for a browser with a conversation.)
    ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'And free shipping.' }));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.reload();
    await expect.poll(() => launcher(page).textContent()).toBe('2');
    expect(requests.filter((p) => p.startsWith('/api/') || p.startsWith('/widget/'))).toEqual([
      expect.stringMatching(/^\/widget\/assets\/early-[\w-]+\.js$/),
      '/api/v1/visitor/unread',
    ]);
    expect(await page.locator('counter-chat iframe').count()).toBe(0);

    // Opening reads them: the badge clears.
    const reopened = await openChat(page);
    await reopened.getByText('And free shipping.', { exact: true }).waitFor();
    await expect.poll(() => launcher(page).textContent()).toBe('');
    await context.close();
  });

  it('forgets the shopper on shutdown (logout): the next chat starts fresh', async () => {
    await world.server.agent({ name: 'Ann' });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(world.shop.origin + '/');
    const frame = await openChat(page);
    await send(frame, 'My address is 1 Main St');
    await frame.getByText('My address is 1 Main St', { exact: true }).waitFor();
    const token = (await storedToken(page, world.site.id))!;

    await page.evaluate(() => (window as unknown as { Counter: { shutdown(): void } }).Counter.shutdown());
    await expect.poll(() => page.locator('counter-chat iframe').count()).toBe(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), `counter:${world.site.id}`)).toBeNull();
    await expect.poll(() => world.server.app.services.visitors.authenticate(world.site.id as never, token).then(() => 'valid', () => 'revoked')).toBe('revoked');

    const fresh = await openChat(page);
    await fresh.getByText('Hello from the trail shop!', { exact: true }).waitFor();
    expect(await fresh.getByText('My address is 1 Main St').count()).toBe(0);
    await context.close();
  });

  it('opens by itself when the shop called Counter(\'open\') before the script arrived', async () => {
    await world.server.agent({ name: 'Ann' });
    world.shop.page('/auto-open', shopPage({ chatUrl: world.server.url, siteId: world.site.id, calls: "Counter('open');" }));
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(world.shop.origin + '/auto-open');
    await chatReady(page);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    await context.close();
  });
});
