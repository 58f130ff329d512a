/**
 * The console on a phone (390 px wide, issue 16): agents take chats from a phone at peak times,
 * so the top bar, the inbox, a conversation and the reply box fit the viewport, and the status
 * switch and sign-out are reachable with one thumb.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, createAgent, goOnline, next, shopper, signIn, useConsoleWorld } from '../support/console.js';

const PHONE = { width: 390, height: 844 };

/** Elements wider than the viewport or starting off its right edge (what makes a page scroll sideways). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls to ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const box = el.getBoundingClientRect();
      if (!box.width || !el.checkVisibility()) continue;
      if (box.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(box.right)}`);
    }
    return out.slice(0, 10);
  });
}

/** The element is on screen: inside the viewport, not covered at its centre. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    const inside = box.width > 0 && box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && !!hit && (el === hit || el.contains(hit) || hit.contains(el));
  });
}

describe('console: a phone-sized layout', () => {
  const world = useConsoleWorld({});

  it('fits 390 px: inbox, status switch, sign-out, a conversation and its reply box', async () => {
    const { server, browser } = world;
    const agent = await createAgent(server, { name: 'Mo', capacity: 3 });
    const page = await signIn(browser, server, agent, PHONE);
    await page.screenshot({ path: artifact('console-phone-inbox-empty.png') });
    expect(await overflow(page)).toEqual([]);
    expect(await onScreen(page, '[role="radio"][aria-checked]')).toBe(true);
    await goOnline(page);
    const buyer = await shopper(server, { identity: { id: 'phone-1', name: 'Phone Shopper' } });
    await buyer.say('Where is my parcel? It was due on Monday and the tracking has not moved since.');

    await page.locator('.row-link', { hasText: 'Phone Shopper' }).first().click();
    await page.locator('.msg-in .msg-text', { hasText: 'Where is my parcel?' }).waitFor();
    await page.screenshot({ path: artifact('console-phone-conversation.png') });
    expect(await overflow(page)).toEqual([]);
    expect(await onScreen(page, 'textarea[aria-label="Reply to the shopper"]')).toBe(true);
    expect(await onScreen(page, 'button:text("Send")')).toBe(true);
    await page.getByLabel('Reply to the shopper').fill('It left our warehouse today, you will get it tomorrow.');
    const received = next<{ message: { text: string } }>(buyer.socket, 'message:created', (p) => p.message.text.startsWith('It left'));
    await page.getByRole('button', { name: 'Send', exact: true }).tap();
    expect((await received).message.text).toBe('It left our warehouse today, you will get it tomorrow.');

    // Back to the inbox, and the account menu with sign-out, with one thumb.
    await page.getByRole('link', { name: 'Back to conversations' }).click();
    await page.locator('.row-link', { hasText: 'Phone Shopper' }).first().waitFor();
    expect(await overflow(page)).toEqual([]);
    const signOut = page.getByRole('button', { name: 'Sign out' });
    expect(await signOut.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await onScreen(page, 'button:text("Sign out")')).toBe(true);
    await page.screenshot({ path: artifact('console-phone-menu.png') });
  });
});
