import { useEffect } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { selectUnreadTotal } from '../../stores/inbox-store.js';
import { shellText } from '../../i18n/shell.js';
import { useStore } from '../../lib/use-store.js';

/** "(3) Counter": unread messages visible on a background tab. */
export function useDocumentTitle() {
  const app = useApp();
  const unread = useStore(app.stores.inbox, selectUnreadTotal);
  const t = shellText();
  useEffect(() => {
    document.title = unread > 0 ? t.titleUnread(unread) : t.title;
  }, [unread, t]);
}
