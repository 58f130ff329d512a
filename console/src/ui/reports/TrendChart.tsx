/**
 * Trends per day with uPlot (issue 15): conversations on the left axis, the median first
 * response (seconds) on the right, CSAT (%) in the legend. uPlot is imported only here, so it
 * lands in the Reports chunk and the inbox never loads it.
 */
import type { ReportFigures } from '@counter/shared';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { consoleLocale, intlLocale } from '../../i18n/locale.js';
import { reportsText } from '../../i18n/reports.js';
import { number, percent } from './report-format.js';

type Trend = ReportFigures['trend'];

/** A trend day (yyyy-mm-dd, in the report's zone) as the local midnight uPlot draws, in seconds. */
const daySeconds = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime() / 1000;
};

export function trendData(trend: Trend): uPlot.AlignedData {
  return [
    trend.map((row) => daySeconds(row.day)),
    trend.map((row) => row.conversations),
    trend.map((row) => (row.frtP50 === null ? null : row.frtP50 / 1000)),
    trend.map((row) => (row.csat === null ? null : row.csat * 100)),
  ];
}

function options(width: number): uPlot.Options {
  const t = reportsText();
  const locale = consoleLocale();
  const day = new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', day: 'numeric' });
  const dayLabel = (s: number | null) => (s === null ? '—' : day.format(s * 1000));
  return {
    width,
    height: 240,
    scales: { x: { time: true }, pct: { range: [0, 100] } },
    // Values on hover would need a pointer; the legend names the lines and the axes carry the numbers.
    legend: { live: false },
    series: [
      { value: (_u, v) => dayLabel(v) },
      { label: t.series.conversations, scale: 'n', stroke: '#1a6b8f', width: 2, fill: 'rgba(26,107,143,0.08)', value: (_u, v) => number(v, locale) },
      { label: t.series.frtP50, scale: 's', stroke: '#9a5b00', width: 2, value: (_u, v) => number(v, locale, 1) },
      { label: t.series.csat, scale: 'pct', stroke: '#1e7a3c', width: 2, dash: [4, 4], value: (_u, v) => (v === null ? '—' : percent(v / 100, locale)) },
    ],
    axes: [
      // One tick per day at most (a daily series has nothing between days), wider steps for long ranges.
      { incrs: [86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400], values: (_u, splits) => splits.map((s) => dayLabel(s)) },
      { scale: 'n' },
      { scale: 's', side: 1, grid: { show: false } },
    ],
  };
}

export function TrendChart({ trend }: { trend: Trend }) {
  const t = reportsText();
  const box = useRef<HTMLDivElement>(null);
  const locale = consoleLocale();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const plot = new uPlot(options(el.clientWidth || 600), trendData(trend), el);
    // The page reflows (window, phone rotation): the chart follows its box's width.
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [trend, locale]);

  return (
    <section class="report-section" aria-labelledby="report-trends">
      <h2 id="report-trends">{t.trends}</h2>
      <figure class="report-trend" role="img" aria-label={t.trendChart}>
        <div ref={box} />
      </figure>
    </section>
  );
}
