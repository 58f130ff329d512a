/**
 * Online / away / offline. Stored on the server, so it survives reloads; away and offline
 * get no new conversations. Going online is the moment to ask for notification permission.
 */
import type { AgentStatus } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { describeError } from '../../lib/client-error.js';
import { shellText } from '../../i18n/shell.js';
import { useStore } from '../../lib/use-store.js';

const OPTIONS: AgentStatus[] = ['online', 'away', 'offline'];

export function StatusSwitch() {
  const app = useApp();
  const status = useStore(app.stores.session, (s) => s.agent?.status ?? 'offline');
  const wanted = useStore(app.stores.connection, (s) => s.wantedStatus);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = shellText();

  async function choose(next: AgentStatus) {
    if (next === status || busy) return;
    setBusy(true);
    const failure = await app.setStatus(next);
    setBusy(false);
    setError(failure ? describeError(failure) : null);
  }

  return (
    <div class="status-switch" role="radiogroup" aria-label={t.yourStatus} title={error ?? undefined}>
      {OPTIONS.map((o) => (
        <button
          key={o}
          type="button"
          role="radio"
          aria-checked={status === o}
          class={`status-opt status-${o}${status === o ? ' on' : ''}`}
          title={t.statusHint[o]}
          onClick={() => void choose(o)}
        >
          <span class="status-dot" aria-hidden="true" />
          <span class="status-label">{t.status[o]}</span>
        </button>
      ))}
      {wanted && wanted !== status && (
        <span class="status-error status-pending" role="status">
          {t.statusPending(t.status[wanted])}
        </span>
      )}
      {error && (
        <span class="status-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
