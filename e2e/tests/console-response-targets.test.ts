/**
 * Response targets in the console (issue 14, item 4): a waiting shopper's countdown badge goes
 * amber when the conversation escalates and red when the target is missed; the supervisor
 * gets the escalation toast. Screenshots go to /work/shots/targets/ (or E2E_SHOTS).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { cspViolations, createAgent, requireConsoleBuild, shopper, signIn, startTestServer, type TestServer } from '../support/console.js';

const SHOTS = process.env.E2E_SHOTS ?? '/work/shots/targets';

describe('console: response targets', () => {
  let browser: Browser;
  let server: TestServer | null = null;

  beforeAll(async () => {
    requireConsoleBuild();
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('counts down on the waiting row, turns amber at escalation (with the supervisor toast) and red when missed', async () => {
    server = await startTestServer({ config: { reassignAfterMs: 0, sweepIntervalMs: 100 } });
    // 8 s, escalating at half: fast enough for a test, slow enough to see each state.
    await server.app.store.sites.update(server.site.id, {
      targets: {
        vip: { firstSeconds: 8, nextSeconds: 8, asyncSeconds: 3600 },
        standard: { firstSeconds: 8, nextSeconds: 8, asyncSeconds: 3600 },
        escalation: { action: 'notify', atPercent: 50 },
      },
    });
    const sue = await createAgent(server, { name: 'Sue', role: 'supervisor' });
    const page = await signIn(browser, server, sue);
    // Sue stays away: the shopper waits in the queue.
    const s = await shopper(server, { identity: { id: 't-1', name: 'Waiting Wendy' } });
    await s.say('Is anyone there?');
    await page.getByRole('tab', { name: /Queue/ }).click();
    const row = page.locator('.queue-row').filter({ hasText: 'Waiting Wendy' });
    await row.locator('.due[data-due="ok"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'badge-ok.png') });

    await row.locator('.due[data-due="near"]').waitFor({ timeout: 15_000 });
    const toast = page.locator('.target-notice[data-target-notice="target:escalated"]');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('first reply');
    await page.screenshot({ path: path.join(SHOTS, 'badge-near-and-toast.png') });

    await row.locator('.due[data-due="late"]').waitFor({ timeout: 15_000 });
    expect(await row.locator('.due').textContent()).toMatch(/^−\d+:\d\d$/);
    await page.screenshot({ path: path.join(SHOTS, 'badge-late.png') });
    expect(cspViolations).toEqual([]);

  });
});
