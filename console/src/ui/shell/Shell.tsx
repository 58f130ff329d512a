/** The signed-in frame: top bar, connection banner, the page for the route, overlays. */
import { useApp } from '../../app/app-context.js';
import { shellText } from '../../i18n/shell.js';
import { isAdmin, supervises } from '../../lib/roles.js';
import { useStore } from '../../lib/use-store.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useShortcuts } from '../hooks/use-shortcuts.js';
import { WorkView } from '../inbox/WorkView.js';
import { LazyGettingStarted } from '../onboarding/lazy-getting-started.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { TopBar } from './TopBar.js';
import { LazyAccountPage, LazyAgentsPage, LazyApprovalsPage, LazyCannedRepliesPage, LazyHelpOverlay, LazyHistoryPage, LazyKbAdminPage, LazySitesPage, LazySupervisorPage } from './lazy-pages.js';
import { LazyReportsPage } from './lazy-pages.js';
import { lazyPart } from '../common/lazy-part.js';

// Call-in (issue 15 leftovers): even its listener is a chunk, fetched after the first paint.
const LazyCallInWatch = lazyPart(() => import('../call-in/CallInWatch.js').then((m) => m.CallInWatch), 'quiet');

export function Shell() {
  const app = useApp();
  const route = useStore(app.stores.route, (s) => s.route);
  const admin = useStore(app.stores.session, (s) => isAdmin(s.agent));
  const supervisor = useStore(app.stores.session, (s) => supervises(s.agent));
  const helpOpen = useStore(app.stores.ui, (s) => s.helpOpen);
  useShortcuts();
  useDocumentTitle();

  let page;
  switch (route.name) {
    case 'inbox':
    case 'queue':
    case 'conversation':
      page = <WorkView />;
      break;
    case 'canned':
      page = <LazyCannedRepliesPage />;
      break;
    case 'agents':
      page = admin ? <LazyAgentsPage /> : <AdminOnly />;
      break;
    case 'sites':
      page = admin ? <LazySitesPage /> : <AdminOnly />;
      break;
    case 'account':
      page = <LazyAccountPage />;
      break;
    case 'approvals':
      page = supervisor ? <LazyApprovalsPage /> : <AdminOnly />;
      break;
    case 'history':
      page = <LazyHistoryPage />;
      break;
    case 'kb':
      page = supervisor ? <LazyKbAdminPage /> : <AdminOnly />;
      break;
    case 'reports':
      page = supervisor ? <LazyReportsPage /> : <AdminOnly />;
      break;
    case 'supervisor':
      page = supervisor ? <LazySupervisorPage /> : <AdminOnly />;
      break;
  }

  return (
    <div class="shell">
      <TopBar />
      <ConnectionBanner />
      <LazyCallInWatch />
      <LazyGettingStarted />
      <main class="shell-main">{page}</main>
      {helpOpen && <LazyHelpOverlay onClose={() => app.stores.ui.getState().setHelp(false)} />}
    </div>
  );
}

function AdminOnly() {
  const t = shellText();
  return (
    <section class="page">
      <h1>{t.adminOnly}</h1>
      <p class="muted">{t.adminOnlyHint}</p>
    </section>
  );
}
