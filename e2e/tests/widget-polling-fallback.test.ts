/**
 * Networks whose proxies block WebSocket: the chat loads its long-polling transport after
 * the first failed connection and works over plain HTTP.
 */
import { randomUUID } from 'node:crypto';
import { agentCommand, next, ok } from '@counter/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { openChat, send, shopPage } from '../support/widget.js';

describe('without WebSocket', () => {
  const world = useShopWorld();

  beforeAll(async () => {
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
  });

  it('falls back to long-polling and still chats', async () => {
    const agent = await world.server.agent({ name: 'Ann' });
    const page = await world.browser.newPage();
    // Every WebSocket answers garbage, as through a proxy that mangles upgraded connections.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.send('not engine.io'));
    const polled: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/socket.io/') || url.pathname.includes('engine-polling')) polled.push(url.pathname);
    });
    await page.goto(world.shop.origin + '/');
    const frame = await openChat(page);
    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    await send(frame, 'Over plain HTTP?');
    const conversationId = (await assigned).item.conversation.id;
    ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Loud and clear.' }));
    await frame.getByText('Loud and clear.', { exact: true }).waitFor();
    expect(polled.some((p) => p.includes('engine-polling'))).toBe(true);
    expect(polled.filter((p) => p.startsWith('/socket.io/')).length).toBeGreaterThan(1);
    await page.close();
  });
});
