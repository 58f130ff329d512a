import { useApp } from '../../app/app-context.js';
import { useStore } from '../../lib/use-store.js';

/** Only when something is wrong: the agent must know their replies are not going out. */
export function ConnectionBanner() {
  const app = useApp();
  const state = useStore(app.stores.connection, (s) => s.state);
  const detail = useStore(app.stores.connection, (s) => s.detail);
  if (state === 'reconnecting') {
    return (
      <div class="banner banner-warn" role="alert">
        Connection lost. Reconnecting… Messages you send now go out when it is back.
      </div>
    );
  }
  if (state === 'refused') {
    return (
      <div class="banner banner-error" role="alert">
        {detail ?? 'The server refused the connection.'}{' '}
        <button type="button" class="btn btn-quiet" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  return null;
}
