/**
 * Issue 15, item 3, in a real browser: the lazy Reports page shows the server's figures (each
 * card's number is the one in the summary the page received), lists the conversations behind a
 * figure and opens one read-only, downloads the CSV export with the page's filters, and reads
 * in Chinese. Only owners, admins and supervisors see it. The figures come from real chats
 * through the real server. Screenshots go to SHOTS_DIR (or e2e/artifacts) for a person to look at.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InboxItem, ReportConversationRow, ReportSummary } from '@counter/shared';
import { agentCommand } from '@counter/server/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, createAgent, cspViolations, next, ok, shopper, signIn, useConsoleWorld, visitorCommand, type TestServer } from '../support/console.js';

const shot = (name: string) => {
  if (!process.env.SHOTS_DIR) return artifact(name);
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  return path.join(process.env.SHOTS_DIR, name);
};

const DAY = 86_400_000;

interface Chat {
  text: string;
  tags: string[];
  resolve: boolean;
  score?: number;
}

/**
 * Real chats through the real server (shopper message, assignment, reply, tags, resolution,
 * rating), so every figure the page shows is one the server's store computed.
 */
async function chatsOnTheServer(server: TestServer, chats: Chat[]): Promise<string[]> {
  const ann = await server.agent({ name: 'Ann Agent', capacity: chats.length, online: true });
  const ids: string[] = [];
  for (const chat of chats) {
    const s = await shopper(server);
    const id = s.conversation.id;
    const assigned = next<{ item: InboxItem }>(ann.socket as never, 'conversation:assigned', (e) => e.item.conversation.id === id);
    await s.say(chat.text);
    await assigned;
    ok(await agentCommand(ann.socket, 'message:send', { conversationId: id as never, clientId: randomUUID(), text: 'Let me check.' }));
    ok(await agentCommand(ann.socket, 'conversation:tags', { conversationId: id as never, tags: chat.tags }));
    if (chat.resolve) ok(await agentCommand(ann.socket, 'conversation:resolve', { conversationId: id as never }));
    if (chat.score) ok(await visitorCommand(s.socket, 'conversation:rate', { conversationId: id as never, score: chat.score }));
    ids.push(id);
  }
  return ids;
}

const en = (n: number) => n.toLocaleString('en');
/** The figures as a person reads them, written out here with Intl rather than taken from the page's code. */
const enPercent = (share: number | null) => (share === null ? '—' : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(share));
const enSeconds = (ms: number | null) =>
  ms === null ? '—' : new Intl.NumberFormat('en', { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: ms < 10_000 ? 1 : 0 }).format(ms / 1000);
const raw = (n: number | null) => (n === null ? '' : String(n));

const card = (page: Page, key: string) => page.locator(`.report-card[data-figure="${key}"]`);

describe('console: reports', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0 } });
  let page: Page;
  let summary: ReportSummary;
  let chatIds: string[] = [];

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
    chatIds = await chatsOnTheServer(world.server, [
      { text: '我的快递到哪了？', tags: ['shipping'], resolve: true, score: 5 },
      { text: 'I would like a refund', tags: ['refund', '退款'], resolve: true, score: 2 },
      { text: 'Do you ship to Canada?', tags: ['shipping'], resolve: false },
    ]);

    page = await signIn(world.browser, world.server, sup);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    expect(requested.some((u) => /ReportsPage/.test(u)), 'Reports code is not part of the first load').toBe(false);

    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/reports/summary'));
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    summary = (await (await answer).json()) as ReportSummary;
    expect(requested.some((u) => /ReportsPage-.*\.js/.test(u))).toBe(true);
    const f = summary.figures;
    expect(f.conversations).toBe(3);

    // The 7-day preset: from the local midnight six days ago to the next midnight.
    const query = new URL((await answer).url()).searchParams;
    expect(Number(query.get('to')) - Number(query.get('from'))).toBe(7 * DAY);

    await card(page, 'conversations').locator('.report-value').waitFor();
    await expect(card(page, 'conversations').locator('.report-value').textContent()).resolves.toBe(en(f.conversations));
    await expect(card(page, 'frt').locator('.report-value').getAttribute('data-value')).resolves.toBe(raw(f.firstResponse.p50));
    await expect(card(page, 'frt').locator('.report-value').textContent()).resolves.toBe(enSeconds(f.firstResponse.p50));
    await expect(card(page, 'within30s').locator('.report-value').textContent()).resolves.toBe(enPercent(f.firstResponse.within30s));
    await expect(card(page, 'within3m').locator('.report-value').textContent()).resolves.toBe(enPercent(f.firstResponse.within3m));
    await expect(card(page, 'resolutionRate').locator('.report-value').textContent()).resolves.toBe(enPercent(f.resolutionRate));
    await expect(card(page, 'abandonment').locator('.report-value').textContent()).resolves.toBe(enPercent(f.abandonmentRate));
    await expect(card(page, 'csat').locator('.report-value').textContent()).resolves.toBe(enPercent(f.csat.share));
    await expect(card(page, 'nps').locator('.report-value').getAttribute('data-value')).resolves.toBe(raw(f.nps.score));
    for (const key of ['replyTime', 'resolutionTime', 'queueWait', 'bot']) {
      await expect(card(page, key).locator('.report-value').textContent()).resolves.not.toBe('');
    }

    // The definition is a tooltip, shown on hover.
    await card(page, 'within3m').hover();
    await expect(card(page, 'within3m').getByRole('tooltip').isVisible()).resolves.toBe(true);
    await expect(card(page, 'within3m').getByRole('tooltip').textContent()).resolves.toBe('Share of first responses sent within 3 minutes.');

    // Heatmap: one labelled cell per weekday × hour, counts as the server's (the chats' hour).
    const cells = page.locator('.report-heat');
    await expect(cells.count()).resolves.toBe(7 * 24);
    const shown = await cells.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
    expect(shown).toEqual(f.heatmap.flat());
    const busiest = shown.indexOf(Math.max(...shown));
    const [day, hour] = [Math.floor(busiest / 24), busiest % 24];
    const dayName = new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + day));
    const span = `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00`;
    await page.getByLabel(`${dayName} ${span}: ${en(f.heatmap[day]![hour]!)} conversations`).waitFor();

    // Trends: uPlot drew a canvas, and it came with the Reports chunk, not the inbox's.
    await page.locator('.report-trend canvas').first().waitFor();
    const tags = await page.locator('.report-breakdown').first().locator('li').evaluateAll((lis) =>
      lis.map((li) => [li.querySelector('.report-key')!.textContent, li.querySelector('.report-count')!.textContent]),
    );
    expect(tags).toEqual(f.byTag.map((t) => [t.key, en(t.count)]));
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

    expect(rows.map((r) => r.id).sort()).toEqual([...chatIds].sort());
    await page.locator(`.report-drill-rows tr[data-conversation="${chatIds[0]}"] button`).click();
    const transcript = page.getByRole('region', { name: 'Read-only transcript' });
    await transcript.getByText('我的快递到哪了？').waitFor();
    await expect(transcript.locator('textarea').count()).resolves.toBe(0);
    await page.screenshot({ path: shot('reports-drill-down.png') });
  });

  it('downloads the CSV export with the page’s filters, one row per conversation', async () => {
    const link = page.getByRole('link', { name: 'Conversations (CSV)' });
    const href = new URL((await link.getAttribute('href'))!, world.server.url);
    expect(href.pathname).toBe('/api/v1/reports/export.csv');
    expect(href.searchParams.get('kind')).toBe('conversations');
    expect(Number(href.searchParams.get('from'))).toBe(summary.query.from);
    expect(Number(href.searchParams.get('to'))).toBe(summary.query.to);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF'), 'a BOM, so Excel reads the Chinese').toBe(true);
    const lines = text.trim().split(/\r?\n/);
    expect(lines.length).toBe(1 + summary.figures.conversations);
    for (const id of chatIds) expect(text).toContain(id);
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
    expect((await answer).status()).toBe(200);
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
