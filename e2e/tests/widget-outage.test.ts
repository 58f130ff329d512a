/**
 * Nothing lost, nothing doubled: messages written while the chat server is down are kept
 * in the frame's outbox and stored exactly once when it is back, both when the page stays
 * open (resent on reconnect) and when it was closed meanwhile (resent from storage).
 * The server really stops and a new one starts on the same data folder and port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Site } from '@counter/shared';
import { freePort, startTestServer, type TestServer } from '@counter/server/testing';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startStaticSite, type StaticSite } from '../support/static-site.js';
import { chat, openChat, send, shopPage, storedToken } from '../support/widget.js';

describe('messages written during an outage', () => {
  let dataDir: string;
  let port: number;
  let server: TestServer | undefined;
  let shop: StaticSite;
  let browser: Browser;
  let context: BrowserContext;
  let site: Site;

  const start = async () => (server = await startTestServer({ dataDir, config: { port } }));
  /** An outage as the browser sees it: every connection drops, including idle keep-alive ones. */
  const stop = async () => {
    const stopping = server?.close();
    server?.app.server.closeAllConnections();
    await stopping;
    server = undefined;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'counter-outage-'));
    port = await freePort();
    [shop, browser] = await Promise.all([startStaticSite(), launchBrowser(), start()]);
    site = await server!.app.services.sites.create({
      name: 'Trail shop',
      allowedOrigins: [shop.origin],
      greeting: {},
      businessHours: null,
      defaultLocale: 'en',
    });
    shop.page('/', shopPage({ chatUrl: `http://127.0.0.1:${port}`, siteId: site.id }));
    context = await browser.newContext();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await shop?.close();
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Every shopper text stored in the site's conversations, as the new server reads them. */
  async function storedTexts(): Promise<string[]> {
    const { conversations, visitors } = server!.app.services;
    const token = await storedToken(context.pages()[0]!, site.id);
    const { visitor } = await visitors.authenticate(site.id as never, token!);
    const texts: string[] = [];
    for (const c of await conversations.listForVisitor(visitor)) {
      const page = await conversations.history(c, { conversationId: c._id, limit: 100 }, false);
      texts.push(...page.messages.filter((m) => m.kind === 'text').map((m) => m.text));
    }
    return texts;
  }

  it('sends on reconnect, and from storage after the page was closed', async () => {
    await server!.agent({ name: 'Ann' });
    const page = await context.newPage();
    await page.goto(shop.origin + '/');
    const frame = await openChat(page);
    await send(frame, 'Before the outage');
    await frame.getByText('Sent', { exact: false }).first().waitFor();

    await stop();
    await frame.getByText(/You are offline/).waitFor();
    await send(frame, 'Written while the server is down');
    await frame.getByText('Written while the server is down', { exact: true }).waitFor();
    await frame.getByText(/Sending/).waitFor();

    await start();
    await expect.poll(storedTexts, { timeout: 30_000 }).toEqual(['Before the outage', 'Written while the server is down']);
    await frame.getByText(/Sending/).waitFor({ state: 'detached' });

    // Down again; this time the shopper writes and closes the page before it comes back.
    await stop();
    await frame.getByText(/You are offline/).waitFor();
    await send(frame, 'Written, then the tab was closed');
    await frame.getByText(/Sending/).waitFor();
    await page.close();

    await start();
    const again = await context.newPage();
    await again.goto(shop.origin + '/');
    await openChat(again);
    const reopened = chat(again);
    await reopened.getByText('Written, then the tab was closed', { exact: true }).waitFor();
    await expect
      .poll(storedTexts, { timeout: 30_000 })
      .toEqual(['Before the outage', 'Written while the server is down', 'Written, then the tab was closed']);
    await reopened.getByText(/Sending/).waitFor({ state: 'detached' });
    expect(await reopened.getByText('Written while the server is down', { exact: true }).count()).toBe(1);
  });
});
