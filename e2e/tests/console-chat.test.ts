/**
 * The agent's whole path in a real browser: sign in, go online, a shopper writes, the
 * conversation appears, reply (the shopper's socket receives it), typing both ways, the
 * shopper's context in the panel, resolve, the rating shows up.
 */
import type { VisitorConversation, VisitorMessage } from '@counter/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  artifact,
  createAgent,
  cspViolations,
  goOnline,
  next,
  ok,
  shopper,
  signIn,
  visitorCommand,
  useConsoleWorld,
  type Shopper,
} from '../support/console.js';

describe('console: a conversation from first message to rating', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0 } });
  let page: Page;
  let shop: Shopper;

  it('signs in and goes online', async () => {
    const ann = await createAgent(world.server, { name: 'Ann Agent', capacity: 5 });
    page = await signIn(world.browser, world.server, ann);
    await expect(page.locator('.status-offline[aria-checked="true"]').count()).resolves.toBe(1);
    await goOnline(page);
    // The status lives on the server: a reload keeps it.
    await page.reload();
    await page.locator('[data-connection="connected"]').waitFor();
    await page.locator('.status-online[aria-checked="true"]').waitFor();
  });

  it('shows a new conversation as soon as the shopper writes', async () => {
    shop = await shopper(world.server, {
      identity: { id: 'cust-1001', name: 'Mei Chen', email: 'mei@example.com', tier: 'vip' },
      context: {
        page: { url: 'https://shop.test/products/trail-2', title: 'Trail Runner 2 — Ocean' },
        product: { id: 'trail-2', title: 'Trail Runner 2 — Ocean', price: 89, currency: 'USD', url: 'https://shop.test/products/trail-2' },
        cart: {
          items: [
            { id: 'trail-2', title: 'Trail Runner 2 — Ocean', quantity: 1, price: 89 },
            { id: 'socks', title: 'Merino socks', quantity: 2, price: 12.5 },
          ],
          total: 114,
          currency: 'USD',
        },
      },
    });
    const sent = Date.now();
    await shop.say('Hi! Does the Trail Runner 2 run true to size?');
    const row = page.locator('.rows [data-conversation]').filter({ hasText: 'Mei Chen' });
    await row.waitFor();
    console.log(`assignment latency (first shopper message -> row in the console): ${Date.now() - sent} ms`);
    await expect(row.locator('.badge').textContent()).resolves.toBe('1');
    await row.locator('a').click();
    await page.locator('.msg-in .msg-text', { hasText: 'Does the Trail Runner 2 run true to size?' }).waitFor();
  });

  it('shows the shopper panel with identity, product and cart', async () => {
    const panel = page.locator('aside.shopper');
    await panel.getByText('Merino socks').waitFor();
    await expect(panel.locator('.shopper-name').textContent()).resolves.toBe('Mei Chen');
    await expect(panel.locator('.mark-verified').count()).resolves.toBe(1);
    await expect(panel.locator('.pill-vip').count()).resolves.toBe(1);
    await expect(panel.locator('.product-title').textContent()).resolves.toContain('Trail Runner 2');
    await page.screenshot({ path: artifact('console-shopper-panel.png') });
  });

  it('sends typing both ways and the reply reaches the shopper', async () => {
    const composer = page.getByLabel('Reply to the shopper');
    const agentTyping = next<{ typing: boolean; name: string | null }>(shop.socket as never, 'typing:changed', (e) => e.typing);
    await composer.click();
    await composer.pressSequentially('Yes, true to size');
    expect((await agentTyping).name).toBe('Ann Agent');

    ok(await visitorCommand(shop.socket, 'typing:set', { conversationId: shop.conversation.id, typing: true }));
    await page.getByText('Shopper is typing…').waitFor();

    const delivered = next<{ message: VisitorMessage }>(shop.socket as never, 'message:created', (e) => e.message.author === 'agent');
    await composer.press('Enter');
    const { message } = await delivered;
    expect(message.text).toBe('Yes, true to size');
    expect(message.authorName).toBe('Ann Agent');
    // Sending ends the shopper's view of "typing" too.
    ok(await visitorCommand(shop.socket, 'typing:set', { conversationId: shop.conversation.id, typing: false }));
    await page.getByText('Shopper is typing…').waitFor({ state: 'detached' });
  });

  it('keeps internal notes from the shopper', async () => {
    let leaked = false;
    const listener = (e: { message: VisitorMessage }) => {
      if (e.message.kind === 'note') leaked = true;
    };
    shop.socket.on('message:created', listener);
    await page.getByRole('tab', { name: 'Internal note' }).click();
    const note = page.getByLabel('Internal note');
    await note.fill('Customer is a VIP, offer free express shipping');
    await note.press('Enter');
    await page.locator('.msg-note').filter({ hasText: 'offer free express shipping' }).waitFor();
    // A later reply reaches the shopper; the note before it never did.
    await page.getByRole('tab', { name: 'Reply' }).click();
    const delivered = next<{ message: VisitorMessage }>(shop.socket as never, 'message:created', (e) => e.message.text === 'Anything else?');
    await page.getByLabel('Reply to the shopper').fill('Anything else?');
    await page.getByLabel('Reply to the shopper').press('Enter');
    await delivered;
    shop.socket.off('message:created', listener);
    expect(leaked).toBe(false);
  });

  it('orders the inbox by who has waited longest for a reply, with unread counts', async () => {
    const others = [
      { id: 'cust-2001', name: 'Lucas Martin', text: 'Where is my order #4471? It said 2 days.' },
      { id: 'cust-2002', name: 'Aiko Tanaka', text: 'Can I return shoes that I wore once outside?' },
      { id: 'cust-2003', name: 'Sofia Rossi', text: 'Do you have the City Knit in size 38?' },
    ];
    const latencies: number[] = [];
    for (const o of others) {
      const s = await shopper(world.server, {
        identity: { id: o.id, name: o.name },
        context: { page: { url: `https://shop.test/${o.id}`, title: 'Shop' } },
      });
      const sent = Date.now();
      await s.say(o.text);
      await page.locator('.rows [data-conversation]').filter({ hasText: o.name }).waitFor();
      latencies.push(Date.now() - sent);
    }
    console.log(`assignment latency, more shoppers (ms): ${latencies.join(', ')}`);
    await page.locator('.rows [data-conversation]').filter({ hasText: 'Lucas Martin' }).locator('.badge').waitFor();
    const names = await page.locator('.rows .row-name').allTextContents();
    // Mei was answered last, so she waits for nothing: the three waiting shoppers come first, oldest first.
    expect(names).toEqual(['Lucas Martin', 'Aiko Tanaka', 'Sofia Rossi', 'Mei Chen']);
    const badges = await page.locator('.rows .row').evaluateAll((rows) => rows.map((r) => r.querySelector('.badge')?.textContent ?? ''));
    expect(badges).toEqual(['1', '1', '1', '']);
    await page.screenshot({ path: artifact('console-inbox.png') });
  });

  it('tags the conversation', async () => {
    await page.locator('.rows [data-conversation]').filter({ hasText: 'Mei Chen' }).locator('a').click();
    await page.getByLabel('Add a tag').fill('Sizing');
    await page.getByLabel('Add a tag').press('Enter');
    await page.locator('.tag', { hasText: 'sizing' }).waitFor();
    const stored = await world.server.app.store.conversations.byId(shop.conversation.id as never);
    expect(stored?.tags).toEqual(['sizing']);
  });

  it('lists the shortcuts with ? and opens the transfer dialog with t', async () => {
    await page.locator('.messages').click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Transfer the conversation').waitFor();
    await page.screenshot({ path: artifact('console-help.png') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('t');
    const transfer = page.getByRole('dialog', { name: 'Transfer conversation' });
    await transfer.getByText('Nobody else is online with a free slot.').waitFor();
    await page.screenshot({ path: artifact('console-transfer.png') });
    await transfer.getByRole('button', { name: 'Cancel' }).click();
    await transfer.waitFor({ state: 'detached' });
  });

  it('resolves from the keyboard, and shows the rating the shopper gives', async () => {
    const resolved = next<{ conversation: VisitorConversation }>(shop.socket as never, 'conversation:updated', (e) => e.conversation.status === 'resolved');
    await page.locator('.messages').click();
    await page.keyboard.press('e');
    await resolved;
    await page.locator('.conv-head .pill-resolved').waitFor();

    ok(await visitorCommand(shop.socket, 'conversation:rate', { conversationId: shop.conversation.id, score: 5, comment: 'Super helpful' }));
    await page.locator('.conv-head .rating[data-score="5"]').waitFor();
    await page.locator('aside.shopper').getByText('Super helpful').waitFor();
    await page.getByText('Shopper rated 5/5').waitFor();
  });

  it('reopens a resolved conversation', async () => {
    await page.locator('.thread-notice').getByRole('button', { name: 'Reopen' }).click();
    await page.locator('.conv-head .pill-assigned', { hasText: 'Yours' }).waitFor();
    await page.getByLabel('Reply to the shopper').waitFor();
    expect(cspViolations).toEqual([]);
  });

  it('fits a laptop screen (the shopper panel becomes a drawer) and has a dark theme', async () => {
    await page.setViewportSize({ width: 1280, height: 760 });
    await expect(page.locator('aside.shopper').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: artifact('console-laptop.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect(page.locator('aside.shopper').isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Shopper' }).click();
    await page.locator('aside.shopper').getByText('Merino socks').waitFor();
    await page.screenshot({ path: artifact('console-laptop-drawer.png') });
    await page.locator('aside.shopper').getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('aside.shopper').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: artifact('console-dark.png') });
  });
});

describe('console: long conversations', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0, visitorEventsPerSecond: 1000 } });

  it('loads older pages when scrolling up, keeping each message once and in order', async () => {
    const agent = await createAgent(world.server, { name: 'Pat' });
    const page = await signIn(world.browser, world.server, agent);
    await goOnline(page);
    const s = await shopper(world.server, { identity: { id: 'long-1', name: 'Chatty Cathy' } });
    for (let i = 1; i <= 120; i++) await s.say(`line ${i}`);
    await page.locator('.rows [data-conversation]').filter({ hasText: 'Chatty Cathy' }).locator('a').click();
    await page.locator('.msg-text', { hasText: /^line 120$/ }).waitFor();
    expect(await page.locator('.msg-in').count()).toBeLessThan(120);

    const log = page.getByRole('log', { name: 'Messages' });
    for (let i = 0; i < 5 && !(await page.locator('.start').count()); i++) {
      await log.evaluate((el) => el.scrollTo(0, 0));
      await page.locator('.older:not([disabled]), .start').first().waitFor();
    }
    await page.locator('.start').waitFor();
    const texts = await page.locator('.msg-in .msg-text').allTextContents();
    expect(texts).toEqual(Array.from({ length: 120 }, (_, i) => `line ${i + 1}`));
  });
});
