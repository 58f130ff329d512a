/**
 * Issue 15, item 3, in a real browser: the lazy Reports page shows the server's figures (each
 * card's number is the one in the summary the page received), lists the conversations behind a
 * figure and opens one read-only, links the CSV exports with the page's filters, and reads
 * in Chinese. Only owners, admins and supervisors see it. Screenshots go to SHOTS_DIR (or
 * e2e/artifacts) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ReportConversationRow, ReportSummary } from '@counter/shared';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, createAgent, cspViolations, shopper, signIn, useConsoleWorld } from '../support/console.js';

const shot = (name: string) => {
  if (!process.env.SHOTS_DIR) return artifact(name);
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  return path.join(process.env.SHOTS_DIR, name);
};

const DAY = 86_400_000;

/**
 * Until the server's reports routes land (the "reports" helper's branch), the summary is this
 * fixture, answered by the browser; every assertion reads the numbers from the answer the page
 * got, so the same checks hold against the real server.
 */
function fixtureSummary(from: number, to: number, tz: string): ReportSummary {
  const days = Math.round((to - from) / DAY);
  const heatmap = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 22 ? (d + 1) * (h % 7) : 0)));
  const dist = (p50: number, p90: number, avg: number, count: number) => ({ count, p50, p90, avg });
  return {
    query: { siteId: null, from, to, tz },
    tookMs: 12,
    figures: {
      conversations: 1284,
      botOnly: 211,
      inWorkingHours: 1020,
      firstResponse: { ...dist(42_000, 185_000, 71_500, 1073), within30s: 0.4125, within3m: 0.8812 },
      replyTime: dist(38_000, 240_000, 64_200, 3310),
      resolutionTime: dist(1_260_000, 5_400_000, 2_100_000, 990),
      resolutionRate: 0.874,
      queueWait: dist(15_000, 95_000, 31_000, 1073),
      abandoned: 37,
      abandonmentRate: 0.0345,
      csat: { rated: 402, satisfied: 351, share: 351 / 402 },
      nps: { answered: 120, promoters: 66, detractors: 18, score: 40 },
      byTag: [
        { key: 'shipping', count: 402 },
        { key: 'refund', count: 188 },
        { key: '尺码', count: 97 },
      ],
      byTopic: [
        { key: 'where is my order', count: 350 },
        { key: 'returns', count: 141 },
      ],
      heatmap,
      trend: Array.from({ length: days }, (_, i) => {
        const at = new Date(from + i * DAY + DAY / 2);
        const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
        return { day, conversations: 150 + ((i * 37) % 60), frtP50: 30_000 + i * 2_000, csat: 0.8 + (i % 3) * 0.04 };
      }),
      agents: [
        { agentId: 'a1', name: 'Ann Agent', handled: 512, concurrentLoad: 2.4, frt: dist(35_000, 150_000, 60_000, 500), csat: { rated: 160, satisfied: 148, share: 148 / 160 }, onlineMs: 144_000_000, awayMs: 7_200_000 },
        { agentId: 'a2', name: '王芳', handled: 430, concurrentLoad: 1.9, frt: dist(48_000, 210_000, 80_000, 420), csat: { rated: 120, satisfied: 99, share: 99 / 120 }, onlineMs: 120_000_000, awayMs: 3_600_000 },
      ],
      bot: { conversations: 380, confirmedResolved: 211, handedOff: 150, handoffWait: dist(22_000, 80_000, 30_000, 150) },
    },
  };
}

/** Answers /api/v1/reports/* in the browser from the fixture (see above). */
async function serveFixture(page: Page, rows: ReportConversationRow[]) {
  await page.route('**/api/v1/reports/**', async (route: Route) => {
    const url = new URL(route.request().url());
    const q = url.searchParams;
    if (url.pathname.endsWith('/summary')) {
      return route.fulfill({ json: fixtureSummary(Number(q.get('from')), Number(q.get('to')), q.get('tz') ?? 'UTC') });
    }
    if (url.pathname.endsWith('/conversations')) return route.fulfill({ json: { rows, cursor: null } });
    return route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'no' } } });
  });
}

const en = (n: number) => n.toLocaleString('en');
const enPercent = (share: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(share);
const enSeconds = (ms: number) => new Intl.NumberFormat('en', { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: ms < 10_000 ? 1 : 0 }).format(ms / 1000);

const card = (page: Page, key: string) => page.locator(`.report-card[data-figure="${key}"]`);

describe('console: reports', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0 } });
  let page: Page;
  let summary: ReportSummary;

  it('is not offered to an agent', async () => {
    const agent = await createAgent(world.server, { name: 'Plain Agent' });
    const agentPage = await signIn(world.browser, world.server, agent);
    await expect(agentPage.getByRole('link', { name: 'Reports', exact: true }).count()).resolves.toBe(0);
    await agentPage.goto(`${world.server.url}/console/#/reports`);
    await agentPage.getByRole('heading', { name: 'Admins only' }).waitFor();
    await agentPage.context().close();
  });

  it('shows a supervisor the server’s figures on a page loaded on demand, with uPlot only there', async () => {
    const sup = await createAgent(world.server, { name: 'Sue Supervisor', role: 'supervisor' });
    // Two real conversations, so the drill-down's rows open real transcripts.
    const mei = await shopper(world.server, { identity: { id: 'cust-1', name: '陈美' } });
    await mei.say('我的快递到哪了？');
    const bob = await shopper(world.server, { identity: { id: 'cust-2', name: 'Bob Lee' } });
    await bob.say('Where is my parcel?');
    const rows: ReportConversationRow[] = [mei, bob].map((s, i) => ({
      id: s.conversation.id,
      siteId: world.server.site.id,
      createdAt: Date.now() - i * 60_000,
      agentName: null,
      firstResponseMs: null,
      resolvedAt: null,
      rating: null,
      tags: ['shipping'],
      topic: null,
    }));

    page = await signIn(world.browser, world.server, sup);
    await serveFixture(page, rows);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    expect(requested.some((u) => /ReportsPage/.test(u)), 'Reports code is not part of the first load').toBe(false);

    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/reports/summary'));
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    summary = (await (await answer).json()) as ReportSummary;
    expect(requested.some((u) => /ReportsPage-.*\.js/.test(u))).toBe(true);
    const f = summary.figures;

    // The 7-day preset: from the local midnight six days ago to the next midnight.
    const query = new URL((await answer).url()).searchParams;
    expect(Number(query.get('to')) - Number(query.get('from'))).toBe(7 * DAY);

    await card(page, 'conversations').locator('.report-value').waitFor();
    await expect(card(page, 'conversations').locator('.report-value').textContent()).resolves.toBe(en(f.conversations));
    await expect(card(page, 'frt').locator('.report-value').getAttribute('data-value')).resolves.toBe(String(f.firstResponse.p50));
    await expect(card(page, 'frt').locator('.report-value').textContent()).resolves.toBe(enSeconds(f.firstResponse.p50!));
    await expect(card(page, 'within30s').locator('.report-value').textContent()).resolves.toBe(enPercent(f.firstResponse.within30s!));
    await expect(card(page, 'within3m').locator('.report-value').textContent()).resolves.toBe(enPercent(f.firstResponse.within3m!));
    await expect(card(page, 'resolutionRate').locator('.report-value').textContent()).resolves.toBe(enPercent(f.resolutionRate!));
    await expect(card(page, 'abandonment').locator('.report-value').textContent()).resolves.toBe(enPercent(f.abandonmentRate!));
    await expect(card(page, 'csat').locator('.report-value').textContent()).resolves.toBe(enPercent(f.csat.share!));
    await expect(card(page, 'nps').locator('.report-value').getAttribute('data-value')).resolves.toBe(String(f.nps.score));
    for (const key of ['replyTime', 'resolutionTime', 'queueWait', 'bot']) {
      await expect(card(page, key).locator('.report-value').textContent()).resolves.not.toBe('');
    }

    // The definition is a tooltip, shown on hover.
    await card(page, 'within3m').hover();
    await expect(card(page, 'within3m').getByRole('tooltip').isVisible()).resolves.toBe(true);
    await expect(card(page, 'within3m').getByRole('tooltip').textContent()).resolves.toBe('Share of first responses sent within 3 minutes.');

    // Heatmap: one labelled cell per weekday × hour, counts as the server's.
    const cells = page.locator('.report-heat');
    await expect(cells.count()).resolves.toBe(7 * 24);
    const tuesday14 = page.getByLabel(`Tue 14:00–15:00: ${en(f.heatmap[1]![14]!)} conversations`);
    await expect(tuesday14.getAttribute('data-count')).resolves.toBe(String(f.heatmap[1]![14]));

    // Trends: uPlot drew a canvas, and it came with the Reports chunk, not the inbox's.
    await page.locator('.report-trend canvas').first().waitFor();
    await expect(page.locator('.report-breakdown').first().getByText(f.byTag[0]!.key)).toBeTruthy();
    const agentRows = page.locator('.report-agents tbody tr');
    await expect(agentRows.count()).resolves.toBe(f.agents.length);
    await expect(agentRows.first().locator('td').first().textContent()).resolves.toBe(en(f.agents[0]!.handled));
    // The page scrolls inside the shell: a tall window shows all of it in one picture.
    await page.setViewportSize({ width: 1440, height: 2300 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot('reports-en.png') });
    await page.locator('.report-heatmap').screenshot({ path: shot('reports-heatmap-en.png') });
  });

  it('lists the conversations behind a figure and opens one read-only', async () => {
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/reports/conversations'));
    await card(page, 'conversations').getByRole('button', { name: summary.figures.conversations.toLocaleString('en') }).click();
    const drill = await listed;
    expect(new URL(drill.url()).searchParams.get('figure')).toBe('all');
    const { rows } = (await drill.json()) as { rows: ReportConversationRow[] };
    await page.getByRole('heading', { name: 'Conversations: all' }).waitFor();
    await expect(page.locator('.report-drill-rows tbody tr').count()).resolves.toBe(rows.length);

    await page.locator(`.report-drill-rows tr[data-conversation="${rows[0]!.id}"] button`).click();
    const transcript = page.getByRole('region', { name: 'Read-only transcript' });
    await transcript.getByText('我的快递到哪了？').waitFor();
    await expect(transcript.locator('textarea').count()).resolves.toBe(0);
    await page.screenshot({ path: shot('reports-drill-down.png') });
  });

  it('links the CSV exports with the page’s filters', async () => {
    const link = page.getByRole('link', { name: 'Conversations (CSV)' });
    const href = new URL((await link.getAttribute('href'))!, world.server.url);
    expect(href.pathname).toBe('/api/v1/reports/export.csv');
    expect(href.searchParams.get('kind')).toBe('conversations');
    expect(Number(href.searchParams.get('from'))).toBe(summary.query.from);
    expect(Number(href.searchParams.get('to'))).toBe(summary.query.to);
    await expect(link.getAttribute('download')).resolves.not.toBeNull();
    await expect(page.getByRole('link', { name: 'Agents (CSV)' }).getAttribute('href')).resolves.toContain('kind=agents');
  });

  it('asks for a custom range from the first local midnight to the one after the last day', async () => {
    await page.getByRole('radio', { name: 'Custom' }).check();
    await page.getByLabel('From', { exact: true }).fill('2026-11-01');
    await page.getByLabel('To', { exact: true }).fill('2026-11-30');
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/reports/summary'));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const q = new URL((await answer).url()).searchParams;
    const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const localMidnight = (day: string) => page.evaluate((d) => new Date(`${d}T00:00:00`).getTime(), day);
    expect(Number(q.get('from'))).toBe(await localMidnight('2026-11-01'));
    expect(Number(q.get('to'))).toBe(await localMidnight('2026-12-01'));
    expect(q.get('tz')).toBe(tz);
    summary = (await (await answer).json()) as ReportSummary;
    await expect(page.getByRole('link', { name: 'Agents (CSV)' }).getAttribute('href')).resolves.toContain(`from=${q.get('from')}`);
  });

  it('reads in Chinese after switching the language, numbers and weekdays included', async () => {
    await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
    await page.getByRole('heading', { name: '报表', level: 1 }).waitFor();
    await expect(card(page, 'frt').locator('.report-card-label').textContent()).resolves.toContain('首次响应');
    const zhWeekday = new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 2));
    await expect(page.locator('.report-heatmap tbody th').nth(1).textContent()).resolves.toBe(zhWeekday);
    await expect(page.getByRole('link', { name: '会话（CSV）' }).count()).resolves.toBe(1);
    await page.locator('.report-trend canvas').first().waitFor();
    await page.screenshot({ path: shot('reports-zh.png') });
    await page.locator('.report-heatmap').screenshot({ path: shot('reports-heatmap-zh.png') });
    await page.getByRole('combobox', { name: /Language/ }).selectOption('en');
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    expect(cspViolations).toEqual([]);
  });

  it('fits a phone (390 px): the heatmap and tables scroll in their own boxes, not the page', async () => {
    const context = await world.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await context.addCookies(await page.context().cookies());
      const phone = await context.newPage();
      await serveFixture(phone, []);
      await phone.goto(`${world.server.url}/console/#/reports`);
      await phone.locator('.report-heat').first().waitFor();
      await phone.locator('.report-trend canvas').first().waitFor();
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      // Nothing cut off at the right edge either (the shell clips what overflows).
      const rights = await phone.locator('.report-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().right));
      expect(Math.max(...rights)).toBeLessThanOrEqual(390);
      await phone.screenshot({ path: shot('reports-phone.png') });
    } finally {
      await context.close();
    }
  });
});
