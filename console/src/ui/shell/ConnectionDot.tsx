import { useApp } from '../../app/app-context.js';
import { shellText } from '../../i18n/shell.js';
import { useStore } from '../../lib/use-store.js';


export function ConnectionDot() {
  const app = useApp();
  const state = useStore(app.stores.connection, (s) => s.state);
  return (
    <span class={`conn conn-${state}`} role="status" aria-live="polite" data-connection={state}>
      <span class="conn-dot" aria-hidden="true" />
      <span class="conn-label">{shellText().connection[state]}</span>
    </span>
  );
}
