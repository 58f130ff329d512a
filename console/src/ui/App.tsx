import { useApp } from '../app/app-context.js';
import { localeStore } from '../i18n/locale.js';
import { shellText } from '../i18n/shell.js';
import { useStore } from '../lib/use-store.js';
import { LazyLoginPage } from './shell/lazy-pages.js';
import { Shell } from './shell/Shell.js';

export function App() {
  const app = useApp();
  const phase = useStore(app.stores.session, (s) => s.phase);
  // Every text table reads the language while rendering: a new one re-renders it all, in place.
  useStore(localeStore, (s) => s.chosen);
  if (phase === 'checking') return <div class="splash" aria-busy="true">{shellText().loading}</div>;
  if (phase === 'signed-out') return <LazyLoginPage />;
  return <Shell />;
}
