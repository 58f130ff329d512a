import { useApp } from '../app/app-context.js';
import { useStore } from '../lib/use-store.js';
import { LoginPage } from './account/LoginPage.js';
import { Shell } from './shell/Shell.js';

export function App() {
  const app = useApp();
  const phase = useStore(app.stores.session, (s) => s.phase);
  if (phase === 'checking') return <div class="splash" aria-busy="true">Loading…</div>;
  if (phase === 'signed-out') return <LoginPage />;
  return <Shell />;
}
