import type { Conversation } from '@counter/shared';
import { fullDate } from '../../lib/time-format.js';
import { shopperText } from '../../i18n/shopper.js';
import { routeHref } from '../../stores/route-store.js';

export function PreviousConversations({ previous }: { previous: Conversation[] }) {
  const t = shopperText();
  if (!previous.length) return <p class="muted">{t.noneEarlier}</p>;
  return (
    <ul class="previous">
      {previous.map((c) => (
        <li key={c.id}>
          <a href={routeHref({ name: 'conversation', id: c.id })}>
            <span class="prev-date">{fullDate(c.createdAt)}</span>
            <span class="prev-meta">
              {c.status === 'resolved' ? t.status.resolved : c.status === 'waiting' ? t.status.waiting : t.status.open}
              {c.agentName ? ` · ${c.agentName}` : ''}
              {c.rating ? ` · ★ ${c.rating.score}` : ''}
              {c.tags.length ? ` · ${c.tags.join(', ')}` : ''}
            </span>
            {c.lastMessagePreview && <span class="prev-preview">{c.lastMessagePreview}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
