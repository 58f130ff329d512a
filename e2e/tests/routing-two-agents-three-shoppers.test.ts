/**
 * Routing as people see it: two agents with room for one chat each, three shoppers in real
 * browsers on a storefront. The third waits at position 1 in line, visibly, and is assigned
 * the moment one of the other conversations is resolved. Then one agent's console tab goes
 * away and, after the grace period, their conversation moves to the other agent.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok } from '@counter/server/testing';
import { useShopWorld } from '../support/shop-world.js';
import { openChat, send, shopPage } from '../support/widget.js';

interface Assigned {
  item: { conversation: { id: string; agentName: string | null } };
  reason: string;
}

describe('two agents of capacity 1, three shoppers', () => {
  const world = useShopWorld({ server: { config: { reassignAfterMs: 0, agentGraceMs: 1500, sweepIntervalMs: 200 } } });

  beforeAll(async () => {
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'en' }));
  });

  async function shopperWrites(text: string): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await (await world.browser.newContext()).newPage();
    await page.goto(`${world.shop.origin}/`);
    const frame = await openChat(page);
    await send(frame, text);
    return { page, frame };
  }

  it('the third waits at position 1, is assigned once a chat is resolved; a gone agent\'s chat moves on', async () => {
    const ann = await world.server.agent({ name: 'Ann', capacity: 1 });
    const bob = await world.server.agent({ name: 'Bob', capacity: 1 });
    const toAnn = next<Assigned>(ann.socket as never, 'conversation:assigned');
    const toBob = next<Assigned>(bob.socket as never, 'conversation:assigned');

    const first = await shopperWrites('First: do you ship to Lyon?');
    const second = await shopperWrites('Second: can I return worn shoes?');
    const [a, b] = await Promise.all([toAnn, toBob]);
    expect(new Set([a.item.conversation.agentName, b.item.conversation.agentName])).toEqual(new Set(['Ann', 'Bob']));
    await first.frame.getByText(/(Ann|Bob) is helping you/).waitFor();
    await second.frame.getByText(/(Ann|Bob) is helping you/).waitFor();
    const annsShopper = (await first.frame.getByText('Ann is helping you').count()) ? first : second;

    const third = await shopperWrites('Third: is the blue one in stock?');
    await third.frame.getByText('You are number 1 in line').waitFor();
    expect(await world.server.app.services.router.queueSnapshot()).toMatchObject({ total: 1 });

    // Bob resolves his chat: the third shopper is his at once.
    const bobAgain = next<Assigned>(bob.socket as never, 'conversation:assigned');
    ok(await agentCommand(bob.socket, 'conversation:resolve', { conversationId: b.item.conversation.id }));
    const assigned = await bobAgain;
    expect(assigned.reason).toBe('routed');
    await third.frame.getByText('Bob is helping you').waitFor();
    expect((await world.server.app.services.router.queueSnapshot()).total).toBe(0);

    // Ann's console goes away; after the grace period her chat moves to Bob, who has room again
    // once he resolves the one he just got.
    ok(await agentCommand(bob.socket, 'conversation:resolve', { conversationId: assigned.item.conversation.id }));
    const moved = next<Assigned>(bob.socket as never, 'conversation:assigned', (e) => e.item.conversation.id === a.item.conversation.id);
    const started = Date.now();
    ann.socket.disconnect();
    expect((await moved).item.conversation.agentName).toBe('Bob');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    await annsShopper.frame.getByText('Bob is helping you').waitFor();
  });
});
