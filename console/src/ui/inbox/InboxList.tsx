import { useApp } from '../../app/app-context.js';
import { selectInbox } from '../../stores/inbox-store.js';
import { inboxText } from '../../i18n/inbox.js';
import { shallowEqual, useStore } from '../../lib/use-store.js';
import { InboxRow } from './InboxRow.js';

export function InboxList() {
  const app = useApp();
  const items = useStore(app.stores.inbox, selectInbox, shallowEqual);
  const loaded = useStore(app.stores.inbox, (s) => s.loaded);
  const route = useStore(app.stores.route, (s) => s.route);
  const status = useStore(app.stores.session, (s) => s.agent?.status);
  const activeId = route.name === 'conversation' ? route.id : null;
  const t = inboxText();

  if (!loaded) return <p class="list-empty">{t.loading}</p>;
  if (!items.length) {
    return (
      <p class="list-empty">
        {t.noConversations}
        {status !== 'online' && (
          <>
            {t.goOnlineBefore}
            <strong>{t.online}</strong>
            {t.goOnlineAfter}
          </>
        )}
      </p>
    );
  }
  return (
    <ul class="rows" aria-label={t.myConversations}>
      {items.map((item) => (
        <InboxRow key={item.conversation.id} item={item} active={item.conversation.id === activeId} />
      ))}
    </ul>
  );
}
