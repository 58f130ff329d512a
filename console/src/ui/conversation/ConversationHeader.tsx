import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { conversationText } from '../../i18n/conversation.js';
import { describeError } from '../../lib/client-error.js';
import { canAct as mayAct, holds } from '../../lib/thread-access.js';
import { useStore } from '../../lib/use-store.js';
import { visitorLabel } from '../../lib/visitor-label.js';
import type { Thread } from '../../stores/threads-store.js';
import { routeHref } from '../../stores/route-store.js';
import { SiteTag } from '../common/SiteTag.js';
import { VisitorBadges } from '../common/VisitorBadges.js';
import { Rating } from './Rating.js';
import { RowError } from '../common/RowError.js';
import { lazyPart } from '../common/lazy-part.js';

/** Tags and the topic picker (issue 14 item 2): one chunk, so the first one does not grow. */
const LazyLabels = lazyPart(() => import('./ConversationLabels.js').then((m) => m.ConversationLabels), 'quiet');

export function ConversationHeader({ thread }: { thread: Thread }) {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent);
  const [error, setError] = useState<string | null>(null);
  const c = thread.conversation!;
  const v = thread.visitor;
  const canAct = mayAct(thread, me);
  const mine = holds(thread, me);
  const t = conversationText();

  const act = async (pending: Promise<Parameters<typeof describeError>[0] | null>) => {
    const failure = await pending;
    setError(failure ? describeError(failure) : null);
  };

  return (
    <header class="conv-head">
      <a class="btn btn-quiet conv-back" href={routeHref({ name: 'inbox' })} aria-label={t.back}>
        <span aria-hidden="true">‹</span>
      </a>
      <div class="conv-title">
        <h2>
          <span class="conv-name">{visitorLabel(v ?? { id: c.visitorId, name: null, email: null })}</span>
          <SiteTag siteId={c.siteId} />
          {v && <VisitorBadges visitor={v} />}
        </h2>
        <span class={`pill pill-${c.status}`}>
          {thread.removed && c.status !== 'resolved'
            ? t.movedOn
            : c.status === 'assigned'
              ? mine
                ? t.yours
                : t.withAgent(c.agentName)
              : c.status === 'waiting'
                ? t.waiting
                : t.resolved}
        </span>
        {c.rating && <Rating rating={c.rating} />}
        <LazyLabels conversation={c} />
      </div>
      <div class="conv-actions">
        {canAct && (
          <>
            <button type="button" class="btn" title={t.transferKey} onClick={() => app.stores.ui.getState().openTransfer(c.id)}>
              {t.transfer}
            </button>
            <button type="button" class="btn btn-primary" title={t.resolveKey} onClick={() => void act(app.conversations.resolve(c.id))}>
              {t.resolve}
            </button>
          </>
        )}
        <button type="button" class="btn btn-quiet panel-toggle" onClick={() => app.stores.ui.getState().togglePanel()}>
          {t.shopper}
        </button>
        <RowError error={error} />
      </div>
    </header>
  );
}
