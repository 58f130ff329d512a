/**
 * Networks whose proxies block WebSocket: the chat loads its long-polling transport after
 * the first failed connection and works over plain HTTP.
 */
import { randomUUID } from 'node:crypto';
import type { Site } from '@counter/shared';
import { agentCommand, next, ok, type TestServer } from '@counter/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopWorld, type ShopWorld } from '../support/shop-world.js';
import type { StaticSite } from '../support/static-site.js';
import { openChat, send, shopPage } from '../support/widget.js';

describe('without WebSocket', () => {
  let server: TestServer;
  let shop: StaticSite;
  let browser: Browser;
  let site: Site;
  let world: ShopWorld;

  beforeAll(async () => {
    world = await startShopWorld();
    ({ server, shop, browser, site } = world);
    shop.page('/', shopPage({ chatUrl: server.url, siteId: site.id }));
  });

  afterAll(async () => {
    await world?.close();
  });

  it('falls back to long-polling and still chats', async () => {
    const agent = await server.agent({ name: 'Ann' });
    const page = await browser.newPage();
    // Every WebSocket answers garbage, as through a proxy that mangles upgraded connections.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.send('not engine.io'));
    const polled: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/socket.io/') || url.pathname.includes('engine-polling')) polled.push(url.pathname);
    });
    await page.goto(shop.origin + '/');
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
