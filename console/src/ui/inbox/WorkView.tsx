/** The working screen: my conversations / the queue, the open conversation, the shopper. */
import { useEffect } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { inboxText } from '../../i18n/inbox.js';
import { useStore } from '../../lib/use-store.js';
import { ConversationView } from '../conversation/ConversationView.js';
import { ShopperPanel } from '../shopper/ShopperPanel.js';
import { ListPane } from './ListPane.js';

export function WorkView() {
  const app = useApp();
  const route = useStore(app.stores.route, (s) => s.route);
  const panelOpen = useStore(app.stores.ui, (s) => s.panelOpen);

  useEffect(() => {
    if (route.name === 'queue') app.stores.ui.getState().setListTab('queue');
    if (route.name === 'inbox') app.stores.ui.getState().setListTab('inbox');
  }, [route.name]);

  const t = inboxText();
  const id = route.name === 'conversation' ? route.id : null;
  return (
    <div class={`work${id ? ' has-conversation' : ''}${panelOpen ? ' panel-open' : ''}`}>
      <ListPane />
      {id ? (
        <>
          <ConversationView key={id} id={id} />
          <ShopperPanel id={id} />
        </>
      ) : (
        <section class="empty-main">
          <p>{t.pick}</p>
          <p class="muted">
            <kbd>j</kbd> / <kbd>k</kbd>
            {t.moveBetween}
            <kbd>?</kbd>
            {t.showsShortcuts}
          </p>
        </section>
      )}
    </div>
  );
}
