/**
 * The conversations behind a figure (issue 15), a page at a time by the server's cursor; a row
 * opens read-only beside the list, in the same transcript History uses.
 */
import type { ConversationId, ReportConversationRow, ReportFigureKey, ReportQuery } from '@counter/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportsApi } from '../../api/reports-api.js';
import { useApp } from '../../app/app-context.js';
import { reportsText } from '../../i18n/reports.js';
import { useStore } from '../../lib/use-store.js';
import '../../styles/history.css';
import { Transcript, type TranscriptTarget } from '../history/Transcript.js';
import { dateTime, duration } from './report-format.js';

type Phase = 'loading' | 'idle' | 'failed';

export function DrillDown({ api, query, figure, onClose }: { api: ReportsApi; query: ReportQuery; figure: ReportFigureKey; onClose: () => void }) {
  const app = useApp();
  const t = reportsText();
  const siteNames = useStore(app.stores.siteNames, (s) => s.names);
  const [rows, setRows] = useState<ReportConversationRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [open, setOpen] = useState<TranscriptTarget | null>(null);
  /** Only the newest request's answer is shown (a slow earlier figure must not overwrite it). */
  const latest = useRef(0);

  async function load(more: string | null) {
    const request = ++latest.current;
    setPhase('loading');
    const result = await api.conversations(query, figure, more);
    if (request !== latest.current) return;
    if (!result.ok) return setPhase('failed');
    setRows((shown) => (more ? [...shown, ...result.data.rows] : result.data.rows));
    setCursor(result.data.cursor);
    setPhase('idle');
  }

  useEffect(() => {
    setOpen(null);
    void load(null);
  }, [figure, query]);

  const c = t.drillCols;
  return (
    <section class="report-section report-drill" aria-labelledby="report-drill">
      <header class="report-drill-head">
        <h2 id="report-drill">{t.drillTitle(t.drillKey[figure])}</h2>
        <button type="button" class="btn btn-small" onClick={onClose}>
          {t.close}
        </button>
      </header>
      <div class={`history-body${open ? ' with-transcript' : ''}`}>
        <div class="report-table-scroll">
          {phase === 'failed' && (
            <p role="alert">
              {t.drillFailed}{' '}
              <button type="button" class="btn btn-small" onClick={() => void load(rows.length ? cursor : null)}>
                {t.retry}
              </button>
            </p>
          )}
          {phase === 'loading' && !rows.length && <p class="muted">{t.loading}</p>}
          {phase === 'idle' && !rows.length && <p class="muted">{t.drillEmpty}</p>}
          {rows.length > 0 && (
            <table class="report-table report-drill-rows">
              <thead>
                <tr>
                  <th scope="col">{c.created}</th>
                  <th scope="col">{c.site}</th>
                  <th scope="col">{c.agent}</th>
                  <th scope="col">{c.frt}</th>
                  <th scope="col">{c.resolved}</th>
                  <th scope="col">{c.rating}</th>
                  <th scope="col">{c.tags}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-conversation={row.id} class={open?.id === row.id ? 'selected' : undefined}>
                    <td>
                      <button
                        type="button"
                        class="report-link"
                        aria-label={t.openLabel(dateTime(row.createdAt))}
                        onClick={() => setOpen({ id: row.id as ConversationId, agentId: null, status: row.resolvedAt ? 'resolved' : 'assigned' })}
                      >
                        {dateTime(row.createdAt)}
                      </button>
                    </td>
                    <td>{siteNames[row.siteId] ?? row.siteId}</td>
                    <td>{row.agentName ?? t.none}</td>
                    <td>{duration(row.firstResponseMs)}</td>
                    <td>{dateTime(row.resolvedAt)}</td>
                    <td>{row.rating ?? t.none}</td>
                    <td>{[...row.tags, ...(row.topic ? [row.topic] : [])].join(', ') || t.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {cursor && phase !== 'failed' && (
            <button type="button" class="btn history-more" disabled={phase === 'loading'} onClick={() => void load(cursor)}>
              {phase === 'loading' ? t.loading : t.more}
            </button>
          )}
        </div>
        {open && <Transcript conversation={open} onClose={() => setOpen(null)} />}
      </div>
    </section>
  );
}
