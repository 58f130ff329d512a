/**
 * Reports (issue 15): the service's figures for a range and a site, computed by the server's
 * store; cards with definitions and drill-downs, daily trends, a weekday × hour heatmap, tags
 * and topics, one row per agent, and CSV exports of the same filters. A lazy page: its code,
 * its words and the chart library load the first time someone opens it.
 */
import type { ReportFigureKey, ReportQuery, ReportSummary } from '@counter/shared';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { reportsText } from '../../i18n/reports.js';
import { useStore } from '../../lib/use-store.js';
import '../../styles/reports.css';
import { AgentTable } from './AgentTable.js';
import { Breakdown } from './Breakdown.js';
import { DrillDown } from './DrillDown.js';
import { FigureCards } from './FigureCards.js';
import { Heatmap } from './Heatmap.js';
import { number } from './report-format.js';
import { initialRange, toReportQuery, type RangeForm } from './report-range.js';
import { ReportFilters } from './ReportFilters.js';
import { reportsApiFor } from './reports-client.js';
import { TrendChart } from './TrendChart.js';

type Phase = 'loading' | 'idle' | 'failed' | 'bad-range';

export function ReportsPage() {
  const app = useApp();
  const t = reportsText();
  const api = useMemo(() => reportsApiFor(app), [app]);
  const siteNames = useStore(app.stores.siteNames, (s) => s.names);
  const [form, setForm] = useState<RangeForm>(() => initialRange(Date.now()));
  const [query, setQuery] = useState<ReportQuery | null>(null);
  const [summary, setSummary] = useState<ReportSummary | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [drill, setDrill] = useState<ReportFigureKey | null>(null);
  const latest = useRef(0);

  async function load(next: ReportQuery) {
    const request = ++latest.current;
    setPhase('loading');
    const result = await api.summary(next);
    if (request !== latest.current) return;
    if (!result.ok) return setPhase('failed');
    setSummary(result.data);
    setPhase('idle');
  }

  function apply(next = form) {
    const q = toReportQuery(next, Date.now());
    if (!q) return setPhase('bad-range');
    setQuery(q);
    setDrill(null);
    void load(q);
  }

  useEffect(() => apply(), []);

  const f = summary?.figures;
  return (
    <section class="page reports-page">
      <header class="reports-head">
        <h1>{t.title}</h1>
        {query && (
          <nav class="report-exports" aria-label={t.export}>
            <a class="btn btn-small" href={api.exportHref(query, 'conversations')} download>
              {t.exportConversations}
            </a>
            <a class="btn btn-small" href={api.exportHref(query, 'agents')} download>
              {t.exportAgents}
            </a>
          </nav>
        )}
      </header>
      <ReportFilters form={form} onChange={setForm} onSubmit={() => apply()} sites={Object.entries(siteNames)} />
      <p class="muted small" aria-live="polite">
        {phase === 'loading' && t.loading}
      </p>
      {phase === 'bad-range' && <p role="alert">{t.badRange}</p>}
      {phase === 'failed' && (
        <p role="alert">
          {t.failed}{' '}
          <button type="button" class="btn btn-small" onClick={() => query && void load(query)}>
            {t.retry}
          </button>
        </p>
      )}
      {f && query && (
        <div class="reports-body" aria-busy={phase === 'loading'}>
          <FigureCards figures={f} drilled={drill} onDrill={(key) => setDrill(key === drill ? null : key)} />
          {drill && <DrillDown api={api} query={query} figure={drill} onClose={() => setDrill(null)} />}
          <TrendChart trend={f.trend} />
          <Heatmap heatmap={f.heatmap} tz={summary.query.tz} />
          <div class="reports-pair">
            <Breakdown title={t.byTag} items={f.byTag} />
            <Breakdown title={t.byTopic} items={f.byTopic} />
          </div>
          <AgentTable agents={f.agents} />
          <p class="muted small report-footer">{t.footer(summary.query.tz, number(summary.tookMs))}</p>
        </div>
      )}
    </section>
  );
}
