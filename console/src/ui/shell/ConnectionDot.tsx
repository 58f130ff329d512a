import { useApp } from '../../app/app-context.js';
import { useStore } from '../../lib/use-store.js';

const LABELS = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  refused: 'Disconnected',
} as const;

export function ConnectionDot() {
  const app = useApp();
  const state = useStore(app.stores.connection, (s) => s.state);
  return (
    <span class={`conn conn-${state}`} role="status" aria-live="polite" data-connection={state}>
      <span class="conn-dot" aria-hidden="true" />
      <span class="conn-label">{LABELS[state]}</span>
    </span>
  );
}
