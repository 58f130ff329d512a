/**
 * Online / away / offline. Stored on the server, so it survives reloads; away and offline
 * get no new conversations. Going online is the moment to ask for notification permission.
 */
import type { AgentStatus } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { describeError } from '../../lib/client-error.js';
import { useStore } from '../../lib/use-store.js';

const OPTIONS: { status: AgentStatus; label: string; hint: string }[] = [
  { status: 'online', label: 'Online', hint: 'Receive new conversations' },
  { status: 'away', label: 'Away', hint: 'Keep my conversations, no new ones' },
  { status: 'offline', label: 'Offline', hint: 'No new conversations' },
];

export function StatusSwitch() {
  const app = useApp();
  const status = useStore(app.stores.session, (s) => s.agent?.status ?? 'offline');
  const wanted = useStore(app.stores.connection, (s) => s.wantedStatus);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(next: AgentStatus) {
    if (next === status || busy) return;
    setBusy(true);
    const failure = await app.setStatus(next);
    setBusy(false);
    setError(failure ? describeError(failure) : null);
  }

  return (
    <div class="status-switch" role="radiogroup" aria-label="Your status" title={error ?? undefined}>
      {OPTIONS.map((o) => (
        <button
          key={o.status}
          type="button"
          role="radio"
          aria-checked={status === o.status}
          class={`status-opt status-${o.status}${status === o.status ? ' on' : ''}`}
          title={o.hint}
          onClick={() => void choose(o.status)}
        >
          <span class="status-dot" aria-hidden="true" />
          <span class="status-label">{o.label}</span>
        </button>
      ))}
      {wanted && wanted !== status && (
        <span class="status-error status-pending" role="status">
          {OPTIONS.find((o) => o.status === wanted)?.label} as soon as the connection is back
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
