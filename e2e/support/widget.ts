/**
 * Shop pages that embed the widget as a merchant would (the queue stub, then the async
 * script tag), and handles on what the shopper sees: the launcher in its shadow root and
 * the chat inside its cross-origin iframe.
 */
import { embedSnippet, type EmbedOptions } from '@counter/shared';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** A shop page: the merchant's snippet (see embedSnippet), plus whatever the test adds. */
export interface ShopPageOptions extends EmbedOptions {
  /** Extra markup in <head> (styles, scripts); scripts need `nonce` under a strict CSP. */
  head?: string;
  body?: string;
}

export function shopPage({ head = '', body = '', ...snippet }: ShopPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test shop</title>
<link rel="icon" href="data:,">
${head}
</head>
<body>
<h1>Test shop</h1>
<p>Trail Runner 2 — a product page.</p>
${body}
${embedSnippet(snippet)}
</body>
</html>`;
}

/** The launcher button (Playwright locators pierce the open shadow root). */
export const launcher = (page: Page): Locator => page.locator('counter-chat button');

/** The chat window, inside its iframe. */
export const chat = (page: Page): FrameLocator => page.frameLocator('counter-chat iframe');

/** The chat window is open and ready to write in. */
export async function chatReady(page: Page): Promise<FrameLocator> {
  const frame = chat(page);
  await frame.getByRole('textbox', { name: /^(message|消息)$/i }).waitFor();
  return frame;
}

/** The shopper opens the chat with the launcher. */
export async function openChat(page: Page): Promise<FrameLocator> {
  await launcher(page).click();
  return chatReady(page);
}

/** Types and sends a message with Enter, as a shopper would. */
export async function send(frame: FrameLocator, text: string): Promise<void> {
  const box = frame.getByRole('textbox', { name: /^(message|消息)$/i });
  await box.fill(text);
  await box.press('Enter');
}

/**
 * The visitor token the loader keeps for a site in the shop's localStorage (URL-encoded pairs,
 * `t` the token: see widget/src/loader), or null before the chat first opened.
 */
export function storedToken(page: Page, siteId: string): Promise<string | null> {
  return page.evaluate((key) => new URLSearchParams(localStorage.getItem(key) ?? '').get('t'), `counter:${siteId}`);
}
