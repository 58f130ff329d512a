import type { InboxItem } from '@counter/shared';
import { inboxText } from '../../i18n/inbox.js';
import { visitorLabel } from '../../lib/visitor-label.js';
import { routeHref } from '../../stores/route-store.js';
import { Avatar } from '../common/Avatar.js';
import { SiteTag } from '../common/SiteTag.js';
import { Since } from '../common/Since.js';
import { due } from '../../lib/inbox-order.js';
import { VisitorBadges } from '../common/VisitorBadges.js';

export function InboxRow({ item, active }: { item: InboxItem; active: boolean }) {
  const { conversation: c, visitor } = item;
  const label = visitorLabel(visitor);
  const resolved = c.status === 'resolved';
  const unread = resolved ? 0 : c.unreadByAgent;
  const t = inboxText();
  return (
    <li class={`row${active ? ' active' : ''}${resolved ? ' resolved' : ''}${unread ? ' unread' : ''}`} data-conversation={c.id}>
      <a class="row-link" href={routeHref({ name: 'conversation', id: c.id })} aria-current={active ? 'true' : undefined}>
        <Avatar label={label} seed={visitor.id} />
        <span class="row-body">
          <span class="row-top">
            <span class="row-name">{label}</span>
            <VisitorBadges visitor={visitor} />
            <SiteTag siteId={c.siteId} />
            <span class="row-time">
              {resolved ? (
                <span class="pill pill-muted">{c.rating ? `★ ${c.rating.score}` : t.resolved}</span>
              ) : c.awaitingReplySince !== null ? (
                <span class="waiting" title={t.waitingForYou}>
                  <Since at={c.awaitingReplySince} />
                  <due.Badge c={c} />
                </span>
              ) : c.lastMessageAt ? (
                <Since at={c.lastMessageAt} />
              ) : null}
            </span>
          </span>
          <span class="row-bottom">
            <span class="row-preview">{c.lastMessagePreview ?? ' '}</span>
            {unread > 0 && (
              <span class="badge" aria-label={t.unread(unread)}>
                {unread}
              </span>
            )}
          </span>
        </span>
      </a>
    </li>
  );
}
