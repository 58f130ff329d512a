import { useApp } from '../../app/app-context.js';
import { shellText } from '../../i18n/shell.js';
import { useStore } from '../../lib/use-store.js';

/** Only when something is wrong: the agent must know their replies are not going out. */
export function ConnectionBanner() {
  const app = useApp();
  const state = useStore(app.stores.connection, (s) => s.state);
  const detail = useStore(app.stores.connection, (s) => s.detail);
  const t = shellText();
  if (state === 'reconnecting') {
    return (
      <div class="banner banner-warn" role="alert">
        {t.lost}
      </div>
    );
  }
  if (state === 'refused') {
    return (
      <div class="banner banner-error" role="alert">
        {detail ?? t.refused}{' '}
        <button type="button" class="btn btn-quiet" onClick={() => location.reload()}>
          {t.reload}
        </button>
      </div>
    );
  }
  return null;
}
