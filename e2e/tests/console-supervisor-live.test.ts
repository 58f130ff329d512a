/**
 * Issue 15 items 4-5 in a real browser: a supervisor opens the lazy Live page and sees every
 * agent with their load and the queue; the peak warning shows with its mitigations; a whisper
 * reaches the agent's open thread, marked as addressed to them, and never the shopper.
 * Screenshots (en + zh) go to SHOTS_DIR (or e2e/artifacts), for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, createAgent, goOnline, ok, shopper, signIn, useConsoleWorld, visitorCommand } from '../support/console.js';

const shot = (name: string) => {
  if (!process.env.SHOTS_DIR) return artifact(name);
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  return path.join(process.env.SHOTS_DIR, name);
};

describe('console: supervisor live view', () => {
  const world = useConsoleWorld({});

  it('shows agents and the queue, warns of the peak, and a whisper reaches the agent but not the shopper', async () => {
    const ann = await createAgent(world.server, { name: 'Ann Agent', capacity: 1 });
    const sue = await createAgent(world.server, { name: 'Sue Supervisor', role: 'supervisor' });
    const annPage = await signIn(world.browser, world.server, ann);
    await goOnline(annPage);

    const mei = await shopper(world.server, { identity: { id: 'cust-15', name: 'Mei Chen', email: 'mei@example.com' } });
    const shopperHeard: string[] = [];
    mei.socket.on('message:created', (e) => shopperHeard.push(e.message.text));
    await mei.say('Where is my parcel? Order 1042');
    await annPage.locator('.rows [data-conversation]').filter({ hasText: 'Mei Chen' }).click();
    // Ann is full: the next shopper waits in the queue, and the wait will pass the target.
    const bob = await shopper(world.server, { identity: { id: 'cust-16', name: 'Bob Lee', email: 'bob@example.com' } });
    await bob.say('Hello, is anyone there?');

    const page = await signIn(world.browser, world.server, sue);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.getByRole('link', { name: 'Live', exact: true }).click();
    await page.getByRole('heading', { name: 'Live view' }).waitFor();
    expect(requested.some((u) => /SupervisorPage-.*\.js/.test(u)), 'the page is its own lazy chunk').toBe(true);

    const annRow = page.locator(`tr[data-agent="${ann.id}"]`);
    await annRow.getByText('1/1').waitFor();
    await annRow.getByRole('button', { name: 'Mei Chen' }).waitFor();
    await expect(page.locator('[data-figure="queue"]').textContent()).resolves.toBe('1');
    const warning = page.getByRole('alert').filter({ hasText: 'Peak ahead' });
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Call in away agents' }).waitFor();
    await warning.getByRole('button', { name: 'Bot answers first' }).waitFor();
    await page.screenshot({ path: shot('supervisor-live-en.png'), fullPage: true });

    // Whisper from the at-risk list (Mei's conversation, held by Ann; its target comes first).
    const card = page.getByRole('region', { name: 'At risk of missing the response target' }).locator('li').filter({ hasText: 'Mei Chen' });
    await card.getByRole('button', { name: 'Whisper' }).click();
    await card.getByRole('textbox', { name: 'Whisper' }).fill('Offer her the 10% voucher');
    await card.getByRole('button', { name: 'Send' }).click();

    const whisper = annPage.locator('.msg-note.whisper').filter({ hasText: 'Offer her the 10% voucher' });
    await whisper.waitFor();
    await expect(whisper.locator('.note-label').textContent()).resolves.toContain('→');
    await annPage.screenshot({ path: shot('supervisor-whisper-in-agent-thread-en.png') });

    // Read-only: the supervisor opens it and sees the whisper, with no composer.
    await card.getByRole('button', { name: 'Open' }).click();
    const thread = page.locator('.sv-thread');
    await thread.getByText('Offer her the 10% voucher').waitFor();
    await expect(thread.locator('textarea').count()).resolves.toBe(0);

    // The shopper never got it: not live, not in their history.
    const history = ok(await visitorCommand(mei.socket, 'message:history', { conversationId: mei.conversation.id }));
    expect(history.messages.map((m) => m.text)).not.toContain('Offer her the 10% voucher');
    expect(shopperHeard).not.toContain('Offer her the 10% voucher');
  });

  it('shows the live view and the warning in Chinese', async () => {
    const su = await createAgent(world.server, { name: '苏主管', role: 'supervisor' });
    await world.server.app.store.agents.update(su.id as never, { prefs: { locale: 'zh' } }, Date.now());
    const page: Page = await signIn(world.browser, world.server, su);
    await page.getByRole('link', { name: '实时', exact: true }).click();
    await page.getByRole('heading', { name: '实时监控' }).waitFor();
    await page.getByRole('alert').filter({ hasText: '高峰将至' }).waitFor();
    await page.locator('[data-figure="queue"]').waitFor();
    await page.screenshot({ path: shot('supervisor-live-zh.png'), fullPage: true });
  });
});
