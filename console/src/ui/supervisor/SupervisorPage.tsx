/**
 * The supervisor live view (issue 15 items 4-5): a lazy route for supervisors, admins and
 * the owner. Everything comes from one `supervisor:watch` and the pushed updates after it.
 */
import type { ConversationId, SiteId, SiteSummary } from '@counter/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { supervisorText } from '../../i18n/supervisor.js';
import { shortDuration } from '../../lib/time-format.js';
import { AgentsBoard } from './AgentsBoard.js';
import { ForecastTable } from './ForecastTable.js';
import { PeakWarning } from './PeakWarning.js';
import { ReadOnlyThread } from './ReadOnlyThread.js';
import { useLiveView } from './use-live-view.js';
import { WaitingList } from './WaitingList.js';
import { atRiskText } from '../../i18n/at-risk.js';

export function SupervisorPage() {
  const app = useApp();
  const t = supervisorText();
  const [sites, setSites] = useState<SiteSummary[]>([]);
  const [siteId, setSiteId] = useState<SiteId | null>(null);
  const [opened, setOpened] = useState<ConversationId | null>(null);
  const { view, error } = useLiveView(app, siteId);
  const warned = useRef(false);

  useEffect(() => {
    void app.live()?.command('sites:list', {}).then((r) => {
      if (!r.ok) return;
      setSites(r.data.sites);
      setSiteId((id) => id ?? r.data.sites[0]?.id ?? null);
    });
  }, []);

  // A desktop notification when a warning starts (not on every update while it lasts).
  useEffect(() => {
    const on = Boolean(view?.warning);
    if (on && !warned.current && view?.warning) {
      app.notify({ title: t.warningTitle, body: t.warning(view.warning.breachInMinutes, '', t.seconds(view.warning.targetSeconds)), tag: `peak:${view.siteId}` });
    }
    warned.current = on;
  }, [view?.warning?.breachInMinutes, view?.siteId]);

  const now = view?.at ?? Date.now();
  const wait = view?.forecast.waitNowSeconds;
  return (
    <section class="page supervisor">
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      {sites.length > 1 && (
        <label>
          {t.site}{' '}
          <select value={siteId ?? ''} onChange={(e) => setSiteId((e.target as HTMLSelectElement).value as SiteId)}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {view && (
        <>
          <PeakWarning view={view} />
          <dl class="sv-figures" aria-label={t.queue}>
            <div>
              <dt>{t.queueLength}</dt>
              <dd data-figure="queue">{view.queue.length}</dd>
            </div>
            <div>
              <dt>{t.oldestWait}</dt>
              <dd>{view.queue.oldestSince === null ? '–' : shortDuration(now - view.queue.oldestSince)}</dd>
            </div>
            <div>
              <dt>{t.predictedWait}</dt>
              <dd>{wait === null || wait === undefined ? t.nobodyToServe : t.seconds(wait)}</dd>
            </div>
          </dl>
          {opened && <ReadOnlyThread conversationId={opened} onClose={() => setOpened(null)} />}
          <div class="sv-grid">
            <AgentsBoard agents={view.agents} onOpen={(id) => setOpened(id as ConversationId)} />
            <WaitingList title={atRiskText().title} empty={atRiskText().empty} items={view.atRisk} agents={view.agents} now={now} onOpen={(id) => setOpened(id as ConversationId)} />
            <WaitingList title={t.queue} empty="–" items={view.queue.items} agents={view.agents} now={now} onOpen={(id) => setOpened(id as ConversationId)} />
            <ForecastTable forecast={view.forecast} />
          </div>
        </>
      )}
    </section>
  );
}
