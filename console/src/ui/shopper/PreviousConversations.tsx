import type { Conversation } from '@counter/shared';
import { fullDate } from '../../lib/time-format.js';
import { routeHref } from '../../stores/route-store.js';

export function PreviousConversations({ previous }: { previous: Conversation[] }) {
  if (!previous.length) return <p class="muted">None: this is their first.</p>;
  return (
    <ul class="previous">
      {previous.map((c) => (
        <li key={c.id}>
          <a href={routeHref({ name: 'conversation', id: c.id })}>
            <span class="prev-date">{fullDate(c.createdAt)}</span>
            <span class="prev-meta">
              {c.status === 'resolved' ? 'Resolved' : c.status === 'waiting' ? 'Waiting' : 'Open'}
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
