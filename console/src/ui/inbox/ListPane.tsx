import { useApp } from '../../app/app-context.js';
import { selectOpenCount, selectUnreadTotal } from '../../stores/inbox-store.js';
import { inboxText } from '../../i18n/inbox.js';
import { useStore } from '../../lib/use-store.js';
import { InboxList } from './InboxList.js';
import { QueueList } from './QueueList.js';

export function ListPane() {
  const app = useApp();
  const tab = useStore(app.stores.ui, (s) => s.listTab);
  const open = useStore(app.stores.inbox, selectOpenCount);
  const unread = useStore(app.stores.inbox, selectUnreadTotal);
  const queued = useStore(app.stores.queue, (s) => s.total);
  const t = inboxText();
  const select = (next: 'inbox' | 'queue') => {
    app.stores.ui.getState().setListTab(next);
    const route = app.stores.route.getState().route;
    if (route.name !== 'conversation') app.stores.route.getState().navigate({ name: next });
  };

  return (
    <aside class="list-pane" aria-label={t.listPane}>
      <div class="tabs" role="tablist">
        <button type="button" role="tab" id="tab-inbox" aria-selected={tab === 'inbox'} class={`tab${tab === 'inbox' ? ' on' : ''}`} onClick={() => select('inbox')}>
          {t.mine} <span class={`count${unread ? ' hot' : ''}`}>{open}</span>
        </button>
        <button type="button" role="tab" id="tab-queue" aria-selected={tab === 'queue'} class={`tab${tab === 'queue' ? ' on' : ''}`} onClick={() => select('queue')}>
          {t.queue} <span class={`count${queued ? ' warn' : ''}`}>{queued}</span>
        </button>
      </div>
      <div class="list-scroll" role="tabpanel" aria-labelledby={tab === 'inbox' ? 'tab-inbox' : 'tab-queue'}>
        {tab === 'inbox' ? <InboxList /> : <QueueList />}
      </div>
    </aside>
  );
}
