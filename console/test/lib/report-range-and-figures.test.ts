// @vitest-environment node
/**
 * The Reports page's pure parts (issue 15): the range as the server's query (local midnights,
 * the end exclusive), the figures as shown (Intl, both languages), and the export link.
 */
import type { ReportFigures } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { createReportsApi } from '../../src/api/reports-api.js';
import { figureCards } from '../../src/ui/reports/figure-cards.js';
import { duration, percent, score, weekdays } from '../../src/ui/reports/report-format.js';
import { initialRange, toReportQuery } from '../../src/ui/reports/report-range.js';
import { parseRoute, routeHref } from '../../src/stores/route-store.js';

const NOW = new Date(2026, 11, 3, 14, 30).getTime();
const midnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('report range', () => {
  it('turns presets into local midnights, today included, the end exclusive', () => {
    const form = initialRange(NOW);
    expect(toReportQuery({ ...form, preset: 'today' }, NOW, 'Asia/Shanghai')).toEqual({ from: midnight(2026, 12, 3), to: midnight(2026, 12, 4), tz: 'Asia/Shanghai' });
    expect(toReportQuery(form, NOW, 'UTC')).toMatchObject({ from: midnight(2026, 11, 27), to: midnight(2026, 12, 4) });
    expect(toReportQuery({ ...form, preset: '30d', siteId: 's1' }, NOW, 'UTC')).toMatchObject({ from: midnight(2026, 11, 4), siteId: 's1' });
  });

  it('counts a custom end day whole, and refuses a reversed, incomplete or over-long range', () => {
    const form = { ...initialRange(NOW), preset: 'custom' as const };
    expect(toReportQuery({ ...form, from: '2026-11-01', to: '2026-11-30' }, NOW, 'UTC')).toMatchObject({ from: midnight(2026, 11, 1), to: midnight(2026, 12, 1) });
    expect(toReportQuery({ ...form, from: '2026-11-30', to: '2026-11-01' }, NOW)).toBeNull();
    expect(toReportQuery({ ...form, from: '', to: '2026-11-01' }, NOW)).toBeNull();
    expect(toReportQuery({ ...form, from: '2024-01-01', to: '2026-11-01' }, NOW)).toBeNull();
  });

  it('has its own route', () => {
    expect(parseRoute('#/reports')).toEqual({ name: 'reports' });
    expect(routeHref({ name: 'reports' })).toBe('#/reports');
  });

  it('links the export with the same filters', () => {
    const api = createReportsApi({ request: () => Promise.reject(new Error('unused')) });
    const href = api.exportHref({ from: 1, to: 2, tz: 'UTC', siteId: 'shop 1' }, 'agents');
    expect(href).toBe('/api/v1/reports/export.csv?from=1&to=2&tz=UTC&siteId=shop+1&kind=agents');
  });
});

describe('report figures as shown', () => {
  it('formats durations, shares and scores with Intl, "—" when there is nothing', () => {
    expect(duration(42_000, 'en')).toBe('42 sec');
    expect(duration(4_500, 'en')).toBe('4.5 sec');
    expect(duration(185_000, 'en')).toBe('3.1 min');
    expect(duration(185_000, 'zh')).toBe('3.1分钟');
    expect(duration(null, 'en')).toBe('—');
    expect(percent(0.8812, 'en')).toBe('88.1%');
    expect(score(40, 'en')).toBe('+40');
    expect(score(-12.5, 'zh')).toBe('-12.5');
    expect(weekdays('en')[0]).toBe('Mon');
    expect(weekdays('zh')[6]).toBe('周日');
  });

  it('gives every card its definition and the drill-downs behind it', () => {
    const dist = { count: 10, p50: 42_000, p90: 185_000, avg: 60_000 };
    const figures: ReportFigures = {
      conversations: 12,
      botOnly: 2,
      inWorkingHours: 9,
      firstResponse: { ...dist, within30s: 0.4, within3m: 0.9 },
      replyTime: dist,
      resolutionTime: dist,
      resolutionRate: 0.75,
      queueWait: dist,
      abandoned: 1,
      abandonmentRate: 0.1,
      csat: { rated: 0, satisfied: 0, share: null },
      nps: { answered: 0, promoters: 0, detractors: 0, score: null },
      byTag: [],
      byTopic: [],
      heatmap: [],
      trend: [],
      agents: [],
      bot: null,
    };
    const cards = figureCards(figures, 'en');
    expect(cards.map((c) => c.key)).toEqual(['conversations', 'frt', 'within30s', 'within3m', 'replyTime', 'resolutionTime', 'resolutionRate', 'queueWait', 'abandonment', 'csat', 'nps', 'bot']);
    expect(cards.every((c) => c.definition.length > 0)).toBe(true);
    const byKey = Object.fromEntries(cards.map((c) => [c.key, c]));
    expect(byKey.within3m).toMatchObject({ value: '90%', raw: 0.9, detail: '9 of 10', drills: ['frt_over_3m'] });
    expect(byKey.resolutionRate!.drills).toEqual(['unresolved', 'reopened']);
    expect(byKey.csat).toMatchObject({ value: '—', raw: null });
    expect(byKey.bot).toMatchObject({ value: '—', detail: 'No bot took part.', drills: [] });
    expect(figureCards(figures, 'zh')[1]).toMatchObject({ label: '首次响应', value: '42秒' });
  });
});
