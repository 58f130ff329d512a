/**
 * The getting-started checklist is a lazy chunk (issue 16): only owners and admins who have not
 * hidden it see it, so everyone else's first load does not carry it. The same test as inside
 * GettingStarted decides whether to fetch it at all.
 */
import { useApp } from '../../app/app-context.js';
import { isAdmin } from '../../lib/roles.js';
import { useStore } from '../../lib/use-store.js';
import { lazyPart } from '../common/lazy-part.js';

const Checklist = lazyPart(() => import('./GettingStarted.js').then((m) => m.GettingStarted), 'inline');

export function LazyGettingStarted() {
  const app = useApp();
  const show = useStore(app.stores.session, (s) => isAdmin(s.agent) && s.agent?.prefs.checklistHidden !== true);
  return show ? <Checklist /> : null;
}
