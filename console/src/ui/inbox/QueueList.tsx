import { useApp } from '../../app/app-context.js';
import { inboxText } from '../../i18n/inbox.js';
import { useStore } from '../../lib/use-store.js';
import { QueueRow } from './QueueRow.js';

export function QueueList() {
  const app = useApp();
  const items = useStore(app.stores.queue, (s) => s.items);
  const total = useStore(app.stores.queue, (s) => s.total);
  const loaded = useStore(app.stores.queue, (s) => s.loaded);
  const route = useStore(app.stores.route, (s) => s.route);
  const activeId = route.name === 'conversation' ? route.id : null;
  const t = inboxText();

  if (!loaded) return <p class="list-empty">{t.loading}</p>;
  if (!items.length) return <p class="list-empty">{t.nobodyWaiting}</p>;
  return (
    <>
      <ul class="rows" aria-label={t.waitingList}>
        {items.map((item) => (
          <QueueRow key={item.conversationId} item={item} active={item.conversationId === activeId} />
        ))}
      </ul>
      {total > items.length && <p class="list-empty">{t.moreWaiting(total - items.length)}</p>}
    </>
  );
}
