/** The peak warning banner: what will happen, and the mitigations in one click each. */
import type { Mitigation, SupervisorView } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { supervisorText } from '../../i18n/supervisor.js';

const MITIGATIONS: Mitigation[] = ['bot-first', 'raise-capacity', 'call-in'];

export function PeakWarning({ view }: { view: SupervisorView }) {
  const app = useApp();
  const t = supervisorText();
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const warning = view.warning;
  if (!warning) return null;

  async function mitigate(action: Mitigation) {
    const transport = app.live();
    if (!transport) return;
    setBusy(true);
    const r = await transport.command('supervisor:mitigate', { siteId: view.siteId, action });
    setBusy(false);
    setResult(r.ok ? `${t.done[action]} ${action === 'bot-first' ? '' : t.affected(r.data.affected)}` : r.error.message);
  }

  const peak = warning.peakWaitSeconds === null ? t.nobodyToServe : t.seconds(warning.peakWaitSeconds);
  return (
    <div class="peak-warning" role="alert">
      <strong>{t.warningTitle}</strong>
      <p>{t.warning(warning.breachInMinutes, peak, t.seconds(warning.targetSeconds))}</p>
      <p class="form-actions">
        {MITIGATIONS.map((m) => (
          <button
            key={m}
            type="button"
            class="btn btn-small"
            disabled={busy || (m === 'bot-first' && view.botMode === 'always') || (m === 'call-in' && view.awayAgents === 0)}
            title={m === 'bot-first' && view.botMode === 'always' ? t.botAlready : undefined}
            onClick={() => void mitigate(m)}
          >
            {t.mitigation[m]}
          </button>
        ))}
        <button type="button" class="btn btn-quiet btn-small" onClick={() => app.profile.prepareNotifications()}>
          {t.desktopAlerts}
        </button>
      </p>
      {result && <p class="muted small" role="status">{result}</p>}
    </div>
  );
}
