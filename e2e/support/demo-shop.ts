/**
 * The demo storefront in real browsers, for the after-sales suites (issue 12): a server with
 * the demo shop (its orders and actions through the HTTP contract's reference implementation,
 * never cached), one Chromium, Mei Lin's phone-sized widget in any language, and a screenshot
 * folder for a person to look at. Started before the suite's first test, closed after its last.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { freePort, startTestServer, type TestServer } from '@counter/server/testing';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { requireConsoleBuild } from './console.js';
import { chatReady } from './widget.js';

export interface DemoShop {
  server: TestServer;
  browser: Browser;
  /** Mei Lin signed in on the demo shop at 375 px, the chat open and ready. */
  shopperPage(locale?: string): Promise<{ page: Page; frame: FrameLocator }>;
  /** A screenshot path in the suite's folder (SHOTS_DIR overrides it). */
  shot(name: string): string;
}

export function useDemoShop(shotsDir: string): DemoShop {
  const contexts: BrowserContext[] = [];
  const dir = process.env.SHOTS_DIR ?? shotsDir;
  const world = {
    shot(name: string) {
      mkdirSync(dir, { recursive: true });
      return `${dir}/${name}`;
    },
    async shopperPage(locale = 'en-US') {
      const context = await world.browser.newContext({ viewport: { width: 375, height: 740 }, locale, deviceScaleFactor: 2 });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error('[demo pageerror]', err));
      await page.goto(`${world.server.url}/demo/`);
      await page.getByRole('button', { name: /Sign in as Mei Lin/ }).click();
      await page.getByRole('button', { name: /Questions\? Chat with us/ }).click();
      return { page, frame: await chatReady(page) };
    },
  } as DemoShop;

  beforeAll(async () => {
    requireConsoleBuild();
    const port = await freePort();
    [world.server, world.browser] = await Promise.all([
      startTestServer({ config: { demo: true, publicUrl: `http://127.0.0.1:${port}`, port, orderCacheMs: 0 } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await world.browser?.close();
    await world.server?.close();
  });
  return world;
}
