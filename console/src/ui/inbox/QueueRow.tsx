import type { QueueItem } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { describeError } from '../../lib/client-error.js';
import { inboxText } from '../../i18n/inbox.js';
import { visitorLabel } from '../../lib/visitor-label.js';
import { routeHref } from '../../stores/route-store.js';
import { SiteTag } from '../common/SiteTag.js';
import { Since } from '../common/Since.js';
import { due } from '../../lib/inbox-order.js';
import { RowError } from '../common/RowError.js';

export function QueueRow({ item, active }: { item: QueueItem; active: boolean }) {
  const app = useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = inboxText();
  const label = visitorLabel({ id: item.visitorId, name: item.visitorName, email: null });

  async function take() {
    setBusy(true);
    const failure = await app.conversations.take(item.conversationId);
    setBusy(false);
    if (failure) return setError(describeError(failure));
    app.open(item.conversationId);
  }

  return (
    <li class={`row queue-row${active ? ' active' : ''}`} data-conversation={item.conversationId}>
      <a class="row-link" href={routeHref({ name: 'conversation', id: item.conversationId })} title={t.lookFirst}>
        <span class="queue-pos" aria-label={t.position(item.position)}>
          {item.position}
        </span>
        <span class="row-body">
          <span class="row-top">
            <span class="row-name">{label}</span>
            {item.priority > 0 && <span class="pill pill-vip">VIP</span>}
            <SiteTag siteId={item.siteId} />
            <span class="row-time waiting" title={t.waitingSince}>
              <Since at={item.queuedAt} />
              <due.Badge q={item} />
            </span>
          </span>
          <span class="row-bottom">
            <span class="row-preview">{item.preview ?? ' '}</span>
          </span>
        </span>
      </a>
      <div class="queue-actions">
        <button type="button" class="btn btn-small btn-primary" disabled={busy} onClick={() => void take()}>
          {t.take}
        </button>
        <RowError error={error} />
      </div>
    </li>
  );
}
