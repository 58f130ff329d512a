/**
 * Issue 15, item 3 on weeks of generated traffic (demo/traffic.ts, the same the demo seeds):
 * the Reports page for the last 30 days shows, card by card, the numbers of the summary the
 * server computed, the heatmap's daily and weekly rhythm, the per-agent rows and the trend;
 * screenshots in English and Chinese (page and heatmap) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ReportSummary } from '@counter/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemoTraffic } from '../../server/src/demo/demo-traffic.js';
import { artifact, createAgent, signIn, useConsoleWorld } from '../support/console.js';

const shot = (name: string) => {
  if (!process.env.SHOTS_DIR) return artifact(name);
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  return path.join(process.env.SHOTS_DIR, name);
};

const CARDS = ['conversations', 'frt', 'within30s', 'within3m', 'replyTime', 'resolutionTime', 'resolutionRate', 'queueWait', 'abandonment', 'csat', 'nps', 'bot'];

/** The number each card stands for, read from the summary (null: the card shows "—"). */
function expectedRaw(s: ReportSummary): Record<string, number | null> {
  const f = s.figures;
  return {
    conversations: f.conversations,
    frt: f.firstResponse.p50,
    within30s: f.firstResponse.within30s,
    within3m: f.firstResponse.within3m,
    replyTime: f.replyTime.avg,
    resolutionTime: f.resolutionTime.p50,
    resolutionRate: f.resolutionRate,
    queueWait: f.queueWait.p50,
    abandonment: f.abandonmentRate,
    csat: f.csat.share,
    nps: f.nps.score,
    bot: f.bot ? f.bot.conversations : null,
  };
}

describe('console: reports on weeks of traffic', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0 } });
  let page: Page;

  it('shows the last 30 days as the server computed them', async () => {
    const seeded = await seedDemoTraffic(world.server.app.store, world.server.site.id, Date.now());
    expect(seeded).toBeGreaterThan(1000);
    const sue = await createAgent(world.server, { name: 'Sue Supervisor', role: 'supervisor' });
    page = await signIn(world.browser, world.server, sue, { width: 1440, height: 2400 });
    await page.goto(`${world.server.url}/console/#/reports`);
    await page.locator('.report-card').first().waitFor();

    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/reports/summary'));
    await page.getByRole('radio', { name: 'Last 30 days' }).check();
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const response = await answer;
    expect(response.status()).toBe(200);
    const summary = (await response.json()) as ReportSummary;
    expect(summary.figures.conversations).toBeGreaterThan(1000);
    await page.locator('.reports-body[aria-busy="false"]').waitFor();

    const expected = expectedRaw(summary);
    for (const key of CARDS) {
      const value = page.locator(`.report-card[data-figure="${key}"] .report-value`);
      await expect(value.getAttribute('data-value'), key).resolves.toBe(expected[key] === null ? '' : String(expected[key]));
    }
    await expect(page.locator('.report-card[data-figure="conversations"] .report-value').textContent()).resolves.toBe(
      summary.figures.conversations.toLocaleString('en'),
    );
    const cells = await page.locator('.report-heat').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
    expect(cells).toEqual(summary.figures.heatmap.flat());
    await expect(page.locator('.report-agents tbody tr').count()).resolves.toBe(summary.figures.agents.length);
    await page.locator('.report-trend canvas').first().waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot('reports-seeded-en.png') });
    await page.locator('.report-heatmap').screenshot({ path: shot('reports-seeded-heatmap-en.png') });
  });

  it('reads in Chinese', async () => {
    await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
    await page.getByRole('heading', { name: '报表', level: 1 }).waitFor();
    await page.locator('.report-trend canvas').first().waitFor();
    await page.screenshot({ path: shot('reports-seeded-zh.png') });
    await page.locator('.report-heatmap').screenshot({ path: shot('reports-seeded-heatmap-zh.png') });
    await page.getByRole('combobox', { name: /Language/ }).selectOption('en');
  });
});
