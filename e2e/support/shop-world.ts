/**
 * What most browser tests start from: a chat server, a storefront on another origin, one
 * Chromium, and a site whose allowed origin is that storefront. Closed in reverse order.
 */
import type { Site } from '@counter/shared';
import { startTestServer, type TestServer } from '@counter/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startStaticSite, type StaticSite } from './static-site.js';

export interface ShopWorld {
  server: TestServer;
  shop: StaticSite;
  browser: Browser;
  site: Site;
  close(): Promise<void>;
}

export async function startShopWorld(
  options: { server?: Parameters<typeof startTestServer>[0]; greeting?: Site['greeting'] } = {},
): Promise<ShopWorld> {
  const [server, shop, browser] = await Promise.all([startTestServer(options.server), startStaticSite(), launchBrowser()]);
  const site = await server.app.services.sites.create({
    name: 'Trail shop',
    allowedOrigins: [shop.origin],
    greeting: options.greeting ?? {},
    businessHours: null,
    defaultLocale: 'en',
  });
  return {
    server,
    shop,
    browser,
    site,
    async close() {
      await browser.close();
      await shop.close();
      await server.close();
    },
  };
}

/**
 * The same world for a whole suite: started before its first test, closed after its last.
 * The returned object is filled in before any test (or later beforeAll) runs.
 */
export function useShopWorld(options: Parameters<typeof startShopWorld>[0] = {}): ShopWorld {
  const world = {} as ShopWorld;
  beforeAll(async () => {
    Object.assign(world, await startShopWorld(options));
  });
  afterAll(async () => {
    await world.close?.();
  });
  return world;
}
