/**
 * The queue from the console: waiting conversations with their wait, Take within capacity
 * (and the capacity error when full), the head assigned as soon as a slot frees up, and
 * conversations moving on when an agent closes the tab or does not answer.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { artifact, createAgent, goOnline, next, ok, requireConsoleBuild, shopper, signIn, startTestServer, type TestServer } from '../support/console.js';
import { agentCommand } from '@counter/server/testing';

describe('console: the queue', () => {
  let browser: Browser;
  let server: TestServer | null = null;

  beforeAll(async () => {
    requireConsoleBuild();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists waiting shoppers with their wait; Take respects capacity', async () => {
    server = await startTestServer({ config: { reassignAfterMs: 0 } });
    const bo = await createAgent(server, { name: 'Bo', capacity: 1 });
    const page = await signIn(browser, server, bo);
    // Offline: nothing is routed to Bo, so both shoppers wait in the queue.
    const first = await shopper(server, { identity: { id: 'q-1', name: 'First Shopper' } });
    await first.say('Hello, is anyone there?');
    const second = await shopper(server, { identity: { id: 'q-2', name: 'Second Shopper' } });
    await second.say('I need help with a refund');

    await page.getByRole('tab', { name: /Queue/ }).click();
    const rows = page.locator('.queue-row');
    await rows.nth(1).waitFor();
    expect(await page.locator('.queue-row .row-name').allTextContents()).toEqual(['First Shopper', 'Second Shopper']);
    expect(await page.locator('.queue-row .queue-pos').allTextContents()).toEqual(['1', '2']);
    await expect(rows.first().locator('time').count()).resolves.toBe(1);
    await page.screenshot({ path: artifact('console-queue.png') });

    await rows.first().getByRole('button', { name: 'Take' }).click();
    await page.locator('.conv-head .conv-name', { hasText: 'First Shopper' }).waitFor();
    await page.locator('.msg-in .msg-text', { hasText: 'Hello, is anyone there?' }).waitFor();

    await page.getByRole('tab', { name: /Queue/ }).click();
    await page.locator('.queue-row').filter({ hasText: 'Second Shopper' }).getByRole('button', { name: 'Take' }).click();
    await page.locator('.queue-row [role="alert"]').filter({ hasText: 'No capacity left' }).waitFor();
  });

  it('assigns the head of the queue to the console as soon as a conversation is resolved', async () => {
    server = await startTestServer({ config: { reassignAfterMs: 0 } });
    const cy = await createAgent(server, { name: 'Cy', capacity: 1 });
    const page = await signIn(browser, server, cy);
    await goOnline(page);
    const other = await server.agent({ name: 'Dee', capacity: 1 });

    const a = await shopper(server, { identity: { id: 's-1', name: 'Shopper One' } });
    const assignedA = next(other.socket as never, 'conversation:assigned');
    await a.say('one');
    // Least load: one to each agent, whoever gets which.
    const b = await shopper(server, { identity: { id: 's-2', name: 'Shopper Two' } });
    await b.say('two');
    await assignedA.catch(() => null);
    const c = await shopper(server, { identity: { id: 's-3', name: 'Shopper Three' } });
    const position = next<{ position: number }>(c.socket as never, 'queue:position', (e) => e.position === 1);
    await c.say('three');
    await position;
    await page.locator('.queue-pill', { hasText: '1 waiting' }).waitFor();

    const mine = page.locator('.rows [data-conversation]').first();
    await mine.locator('a').click();
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.locator('.rows [data-conversation]').filter({ hasText: 'Shopper Three' }).waitFor();
    await page.locator('.queue-pill').waitFor({ state: 'detached' });
  });

  it('moves a conversation to the other agent when the console tab closes (after the grace period)', async () => {
    server = await startTestServer({ config: { reassignAfterMs: 0, agentGraceMs: 1000, sweepIntervalMs: 200 } });
    const eve = await createAgent(server, { name: 'Eve', capacity: 2 });
    const page = await signIn(browser, server, eve);
    await goOnline(page);
    const s = await shopper(server, { identity: { id: 'g-1', name: 'Grace Period' } });
    await s.say('hello?');
    await page.locator('.rows [data-conversation]').filter({ hasText: 'Grace Period' }).waitFor();

    const fay = await server.agent({ name: 'Fay', capacity: 2, online: false });
    ok(await agentCommand(fay.socket, 'agent:status', { status: 'online' }));
    const moved = next<{ item: { conversation: { id: string } }; reason: string }>(fay.socket as never, 'conversation:assigned');
    await page.context().close();
    const assigned = await moved;
    expect(assigned.item.conversation.id).toBe(s.conversation.id);
    expect(assigned.reason).toBe('routed');
  });

  it('shows the agent that an unanswered conversation was reassigned', async () => {
    server = await startTestServer({ config: { reassignAfterMs: 1500, sweepIntervalMs: 200 } });
    const gus = await createAgent(server, { name: 'Gus', capacity: 2 });
    const page = await signIn(browser, server, gus);
    await goOnline(page);
    const s = await shopper(server, { identity: { id: 'r-1', name: 'Unanswered' } });
    await s.say('anybody?');
    const row = page.locator('.rows [data-conversation]').filter({ hasText: 'Unanswered' });
    await row.locator('a').click();
    await page.locator('.msg-text', { hasText: 'anybody?' }).waitFor();

    const hal = await server.agent({ name: 'Hal', capacity: 2 });
    const moved = next(hal.socket as never, 'conversation:assigned');
    await moved;
    await row.waitFor({ state: 'detached' });
    await page.getByText(/was reassigned/).waitFor();
  });
});
