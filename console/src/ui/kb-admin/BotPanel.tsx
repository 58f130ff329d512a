/** The bot's mode and threshold, and its honest figures (only confirmed resolutions count as resolved). */
import type { BotMode, BotSettings, BotSummary } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import type { KbAdminApi } from '../../api/kb-admin-api.js';
import { kbAdminText } from '../../i18n/kb-admin.js';
import type { ClientError } from '../../lib/client-error.js';
import { FormOutcome } from '../common/FormError.js';

const MODES: BotMode[] = ['off', 'no-agent', 'always'];

export function BotPanel({ api }: { api: KbAdminApi }) {
  const t = kbAdminText();
  const [settings, setSettings] = useState<BotSettings | null>(null);
  const [summary, setSummary] = useState<BotSummary | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void api.settings().then((r) => (r.ok ? setSettings(r.data.settings) : setError(r.error)));
    void api.summary().then((r) => r.ok && setSummary(r.data.summary));
  }, [api]);

  async function save(e: Event) {
    e.preventDefault();
    if (!settings) return;
    const result = await api.saveSettings(settings);
    setError(result.ok ? null : result.error);
    setSaved(result.ok ? t.saved : null);
  }

  const f = t.figure;
  return (
    <div class="kb-bot">
      {settings && (
        <form class="card" aria-label={t.botSettings} onSubmit={save}>
          <h2>{t.botSettings}</h2>
          <label>
            {t.mode}
            <select value={settings.mode} onChange={(e) => setSettings({ ...settings, mode: e.currentTarget.value as BotMode })}>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t.modes[m]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.threshold}
            <input type="number" min={0} max={1000} step={0.5} value={settings.threshold} onInput={(e) => setSettings({ ...settings, threshold: Number(e.currentTarget.value) })} />
          </label>
          <FormOutcome error={error} saved={saved} />
          <button type="submit" class="btn btn-primary">
            {t.save}
          </button>
        </form>
      )}
      {summary && (
        <section class="card" aria-label={t.figures}>
          <h2>{t.figures}</h2>
          <dl class="kb-figures">
            <dt>{f.botConversations}</dt>
            <dd>{summary.botConversations}</dd>
            <dt>{f.confirmedResolved}</dt>
            <dd>{summary.confirmedResolved}</dd>
            <dt>{f.noReplyAssumed}</dt>
            <dd>{summary.noReplyAssumed}</dd>
            <dt>{f.notHelped}</dt>
            <dd>{summary.notHelped}</dd>
            <dt>{f.handedOff}</dt>
            <dd>{summary.handedOff}</dd>
            <dt>{f.medianWait}</dt>
            <dd>{summary.medianHandoffToReplySeconds === null ? '—' : t.seconds(summary.medianHandoffToReplySeconds)}</dd>
            <dt>{f.cameBack}</dt>
            <dd data-figure="came-back">{t.share(summary.cameBackWithin72h, summary.resolvedByBot)}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
