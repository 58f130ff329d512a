/** The signed-in frame: top bar, connection banner, the page for the route, overlays. */
import { useApp } from '../../app/app-context.js';
import { isAdmin, supervises } from '../../lib/roles.js';
import { LazyApprovals } from '../approvals/LazyApprovals.js';
import { useStore } from '../../lib/use-store.js';
import { AccountPage } from '../account/AccountPage.js';
import { AgentsPage } from '../admin/AgentsPage.js';
import { SitesPage } from '../admin/SitesPage.js';
import { CannedRepliesPage } from '../canned/CannedRepliesPage.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useShortcuts } from '../hooks/use-shortcuts.js';
import { WorkView } from '../inbox/WorkView.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { HelpOverlay } from './HelpOverlay.js';
import { TopBar } from './TopBar.js';

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
      page = <CannedRepliesPage />;
      break;
    case 'agents':
      page = admin ? <AgentsPage /> : <AdminOnly />;
      break;
    case 'sites':
      page = admin ? <SitesPage /> : <AdminOnly />;
      break;
    case 'account':
      page = <AccountPage />;
      break;
    case 'approvals':
      page = supervisor ? <LazyApprovals /> : <AdminOnly />;
      break;
  }

  return (
    <div class="shell">
      <TopBar />
      <ConnectionBanner />
      <main class="shell-main">{page}</main>
      {helpOpen && <HelpOverlay onClose={() => app.stores.ui.getState().setHelp(false)} />}
    </div>
  );
}

function AdminOnly() {
  return (
    <section class="page">
      <h1>Admins only</h1>
      <p class="muted">Ask an admin of your team if you need this.</p>
    </section>
  );
}
