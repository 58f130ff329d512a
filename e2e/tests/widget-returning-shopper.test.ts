/**
 * A shopper comes back to a conversation that ended while they were away (issue 17, item
 * 3): the last reply is in view, the composer is there, and writing starts a new
 * conversation shown below the old one (the agent gets it as a new conversation).
 */
import { randomUUID } from 'node:crypto';
import { agentCommand, next, ok } from '@counter/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifact } from '../support/console.js';
import { useShopWorld } from '../support/shop-world.js';
import { openChat, send, shopPage } from '../support/widget.js';

type Assigned = { item: { conversation: { id: string } } };

describe('a returning shopper', () => {
  const world = useShopWorld();

  beforeAll(() => {
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
  });

  it('lands on the ended conversation with the composer, and writing starts the next one below it', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/`);
    const frame = await openChat(page);
    const firstAssigned = next<Assigned>(agent.socket as never, 'conversation:assigned');
    await send(frame, 'Can I return worn shoes?');
    const first = (await firstAssigned).item.conversation.id;
    ok(await agentCommand(agent.socket, 'message:send', { conversationId: first, clientId: randomUUID(), text: 'Within 30 days, yes.' }));
    await frame.getByText('Within 30 days, yes.', { exact: true }).waitFor();
    ok(await agentCommand(agent.socket, 'conversation:resolve', { conversationId: first }));
    await frame.getByText('This conversation has ended.').waitFor();

    // Back the next day (a new page load): the ended conversation, its last reply, the composer.
    await page.reload();
    const again = await openChat(page);
    const lastReply = again.getByText('Within 30 days, yes.', { exact: true });
    await lastReply.waitFor();
    await again.getByText('This conversation has ended.').waitFor();
    const composer = again.getByRole('textbox', { name: 'Message' });
    expect(await composer.isVisible()).toBe(true);
    const view = page.viewportSize()!;
    const replyBox = (await lastReply.boundingBox())!;
    expect(replyBox.y).toBeGreaterThanOrEqual(0);
    expect(replyBox.y + replyBox.height).toBeLessThanOrEqual(view.height);
    await page.screenshot({ path: artifact('widget-returning-shopper-ended.png') });

    const nextAssigned = next<Assigned>(agent.socket as never, 'conversation:assigned');
    await send(again, 'The box arrived damaged');
    const second = (await nextAssigned).item.conversation.id;
    expect(second).not.toBe(first);
    const newMessage = again.getByText('The box arrived damaged', { exact: true });
    await again.locator('.msg.me').filter({ hasText: 'The box arrived damaged' }).getByText(/· Sent$/).waitFor();
    // Below the old conversation, which stays on screen.
    expect(await lastReply.isVisible()).toBe(true);
    expect((await newMessage.boundingBox())!.y).toBeGreaterThan((await lastReply.boundingBox())!.y);
    await expect.poll(() => again.getByText('This conversation has ended.').count()).toBe(0);
    await page.screenshot({ path: artifact('widget-returning-shopper-next.png') });

    const history = ok(await agentCommand(agent.socket, 'message:history', { conversationId: second }));
    expect(history.messages.filter((m) => m.kind === 'text').map((m) => m.text)).toEqual(['The box arrived damaged']);
    agent.socket.disconnect();
    await context.close();
  });
});
