/**
 * Issue 12 item 5 in real browsers: a shopper on a phone-sized widget (375 px) attaches a
 * photo; the widget shows its thumbnail and opens it full size; the agent sees the thumbnail
 * in the console and sends a PDF back, which the shopper sees as a file chip. Screenshots go
 * to /work/shots/attach (or ARTIFACTS_DIR) for a person to look at.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brokenMugPhoto } from '@counter/server/testing';
import type { FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgent, cspViolations, goOnline, requireConsoleBuild, signIn } from '../support/console.js';
import { useShopWorld } from '../support/shop-world.js';
import { openChat, send, shopPage } from '../support/widget.js';

const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/attach';
const shot = (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The <img>'s width once it has loaded real pixels (waits for its load event, no polling). */
const loaded = (root: Page | FrameLocator, selector: string) =>
  root
    .locator(selector)
    .first()
    .evaluate((img: HTMLImageElement) =>
      img.complete && img.naturalWidth > 0
        ? img.naturalWidth
        : new Promise<number>((resolve) => img.addEventListener('load', () => resolve(img.naturalWidth), { once: true })),
    );

describe('attachments in the chat', () => {
  const world = useShopWorld({ server: { config: { reassignAfterMs: 0 } } });
  let agentPage: Page;
  let shopper: Page;
  let widget: FrameLocator;

  beforeAll(() => {
    requireConsoleBuild();
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
  });

  it('a shopper on a phone attaches a photo; the widget shows its thumbnail and opens it full size', async () => {
    const ann = await createAgent(world.server, { name: 'Ann' });
    agentPage = await signIn(world.browser, world.server, ann);
    await goOnline(agentPage);

    const context = await world.browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    shopper = await context.newPage();
    shopper.on('pageerror', (err) => console.error('[widget pageerror]', err));
    await shopper.goto(world.shop.origin + '/');
    widget = await openChat(shopper);
    await send(widget, 'My mug arrived broken');
    await widget.getByText('My mug arrived broken', { exact: true }).waitFor();
    // Routed to Ann first, so nothing is added above the photo while the test clicks it.
    await widget.getByText('Ann joined the conversation').waitFor();

    await widget.getByLabel('Attach a photo or PDF').setInputFiles({ name: 'broken-mug.jpg', mimeType: 'image/jpeg', buffer: await brokenMugPhoto() });
    await widget.locator('.att-thumb img[src^="blob:"]').waitFor();
    expect(await loaded(widget, '.att-thumb img')).toBeGreaterThan(0);
    // The upload line is gone once the message is stored.
    await widget.locator('.uploads li').waitFor({ state: 'detached' });
    await shopper.screenshot({ path: shot('widget-375-photo-thumbnail.png') });

    // By keyboard: Playwright's pointer click on this thumbnail inside the cross-origin frame was
    // intermittently reported as "intercepted by li.msg.me" (3 of ~12 runs) although the frame's
    // own elementFromPoint at that spot is the image; Enter runs the same handler every time.
    await widget.getByRole('button', { name: 'Open broken-mug.jpg' }).press('Enter');
    const full = widget.getByRole('dialog', { name: 'broken-mug.jpg' });
    await full.locator('img[src^="blob:"]').waitFor();
    expect(await loaded(widget, '.att-full img')).toBe(800);
    await shopper.screenshot({ path: shot('widget-375-photo-full-size.png') });
    await full.getByRole('button', { name: 'Close' }).click();
    await full.waitFor({ state: 'detached' });
  });

  it('the agent sees the thumbnail in the thread and sends a PDF; the shopper sees it as a file chip', async () => {
    await agentPage.locator('.rows [data-conversation]').first().locator('a').click();
    await agentPage.locator('.attachment-thumb img').waitFor();
    expect(await loaded(agentPage, '.attachment-thumb img')).toBe(320);
    await agentPage.screenshot({ path: shot('console-thread-photo-thumbnail.png') });

    await agentPage.getByLabel('Attach a photo or PDF').setInputFiles({ name: 'return-label.pdf', mimeType: 'application/pdf', buffer: PDF });
    await agentPage.locator('.attachment-file', { hasText: 'return-label.pdf' }).waitFor();
    const chip = widget.getByRole('button', { name: 'Download return-label.pdf' });
    await chip.waitFor();
    await shopper.screenshot({ path: shot('widget-375-pdf-chip.png') });
    const download = shopper.waitForEvent('download');
    await chip.click();
    expect((await download).suggestedFilename()).toBe('return-label.pdf');
    expect(cspViolations).toEqual([]);
  });

  it('a file the server refuses says why in the widget, and nothing is sent', async () => {
    await widget.getByLabel('Attach a photo or PDF').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    await widget.getByText('photo.png: only photos (JPEG, PNG, WebP) and PDF files').waitFor();
    await shopper.screenshot({ path: shot('widget-375-refused.png') });
    await widget.getByRole('button', { name: 'Remove' }).click();
    await widget.locator('.uploads li').waitFor({ state: 'detached' });
  });

  it('an upload whose answer is lost offers a retry, and the retry makes one attachment and one message', async () => {
    const files = () => readdirSync(path.join(world.server.config.dataDir, 'attachments')).length;
    const before = files();
    const thumbs = await widget.locator('.att-thumb').count();
    // The server stores the first upload, but its answer never reaches the browser.
    const lost: number[] = [];
    await shopper.route(/\/api\/v1\/attachments\?/, async (route) => {
      lost.push((await route.fetch()).status());
      await route.abort('connectionreset');
    });
    await widget.getByLabel('Attach a photo or PDF').setInputFiles({ name: 'box.jpg', mimeType: 'image/jpeg', buffer: await brokenMugPhoto() });
    await widget.getByText('Could not send box.jpg').waitFor();
    expect(lost).toEqual([200]);
    await shopper.screenshot({ path: shot('widget-375-retry.png') });
    await shopper.unroute(/\/api\/v1\/attachments\?/);
    await widget.getByRole('button', { name: 'Retry' }).press('Enter');
    await widget.locator('.uploads li').waitFor({ state: 'detached' });
    await widget.getByRole('button', { name: 'Open box.jpg' }).waitFor();
    expect(await widget.locator('.att-thumb').count()).toBe(thumbs + 1);
    // One attachment: its file and its thumbnail, however many uploads carried it.
    expect(files()).toBe(before + 2);
  });

  it('a photo dropped on the widget and one pasted in the console’s reply box are attached too', async () => {
    const photo = (await brokenMugPhoto()).toString('base64');
    // What the browser hands the page for a drop or a paste: a DataTransfer holding a File.
    // Runs in the browser: everything it needs comes in as its argument.
    const deliver = (el: Element, [data, kind, name]: [string, 'drop' | 'paste', string]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'image/jpeg' }));
      const init = { bubbles: true, cancelable: true };
      el.dispatchEvent(kind === 'drop' ? new DragEvent('drop', { ...init, dataTransfer: transfer }) : new ClipboardEvent('paste', { ...init, clipboardData: transfer }));
    };
    await widget.locator('.chat').evaluate(deliver, [photo, 'drop', 'dropped.jpg'] as [string, 'drop', string]);
    await widget.getByRole('button', { name: 'Open dropped.jpg' }).waitFor();
    await agentPage.getByRole('link', { name: 'Open dropped.jpg full size' }).waitFor();

    await agentPage.getByLabel('Reply to the shopper').evaluate(deliver, [photo, 'paste', 'pasted.jpg'] as [string, 'paste', string]);
    await agentPage.getByRole('link', { name: 'Open pasted.jpg full size' }).waitFor();
    await widget.getByRole('button', { name: 'Open pasted.jpg' }).waitFor();
    await agentPage.screenshot({ path: shot('console-thread-dropped-and-pasted.png') });
  });
});
