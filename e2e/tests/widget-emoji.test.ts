/**
 * Issue 17, item 6: the shopper picks an emoji in the widget (its picker a lazy chunk),
 * with the keyboard, sends it, and the agent receives it.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { agentCommand, next, ok } from '@counter/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { openChat, shopPage } from '../support/widget.js';

const SHOTS = process.env.EMAIL_SHOTS_DIR ?? '/work/shots/email';

describe('emoji in the widget', () => {
  const world = useShopWorld();
  beforeAll(() => {
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
  });

  it('picked by keyboard at the caret, sent, and seen by the agent', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(r.url()));
    await page.goto(`${world.shop.origin}/`);
    const frame = await openChat(page);
    expect(chunks.some((u) => /EmojiPicker-/.test(u))).toBe(false);
    const box = frame.getByRole('textbox', { name: 'Message' });
    await box.fill('Love them!');
    await box.press('End');
    await box.press('ArrowLeft'); // caret before "!"
    await frame.getByRole('button', { name: 'Emoji' }).click();
    const picker = frame.getByRole('dialog', { name: 'Emoji' });
    await picker.waitFor();
    expect(chunks.some((u) => /EmojiPicker-/.test(u))).toBe(true);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'widget-emoji-picker.png') });
    // Focus starts on the first emoji; two to the right is the third: 😄.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('Love them😄!');
    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    await box.press('Enter');
    const conversationId = (await assigned).item.conversation.id;
    // What the agent's console reads for this conversation.
    const history = ok(await agentCommand(agent.socket, 'message:history', { conversationId }));
    expect(history.messages.filter((m) => m.kind === 'text').map((m) => m.text)).toEqual(['Love them😄!']);
    await frame.getByText('Love them😄!').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'widget-emoji-sent.png') });
    agent.socket.disconnect();
    await context.close();
  });
});
