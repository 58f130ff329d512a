/** One conversation in the History list: who, when, where, how it ended, and the lines that matched. */
import type { HistoryItem, HistoryMatch } from '@counter/shared';
import { historyText, type HistoryText } from '../../i18n/history.js';
import { orderDate } from '../../lib/order-text.js';
import { SiteTag } from '../common/SiteTag.js';
import { Highlighted } from './Highlighted.js';

function who(match: HistoryMatch, t: HistoryText): string {
  if (match.kind === 'note') return t.note;
  return match.author === 'visitor' ? t.shopper : match.author === 'agent' ? t.staff : t.system;
}

export function HistoryResult({ item, selected, onOpen }: { item: HistoryItem; selected: boolean; onOpen: () => void }) {
  const t = historyText();
  const c = item.conversation;
  const name = item.visitor?.name || item.visitor?.email || t.anonymous;
  return (
    <li class={`history-row${selected ? ' selected' : ''}`}>
      <button type="button" class="history-open" aria-current={selected ? 'true' : undefined} onClick={onOpen}>
        <span class="history-head">
          <span class="history-name">{name}</span>
          <SiteTag siteId={c.siteId} />
          <span class={`history-status status-${c.status}`}>{t.statusName[c.status]}</span>
          <time class="history-date" dateTime={new Date(c.createdAt).toISOString()}>
            {orderDate(c.createdAt)}
          </time>
        </span>
        <span class="history-meta muted">
          {c.agentName ?? ''}
          {c.rating ? ` · ${t.stars(c.rating.score)}` : ''}
          {c.tags.length ? ` · ${c.tags.join(', ')}` : ''}
        </span>
        {item.matches.length ? (
          <span class="history-matches">
            {item.matches.map((m) => (
              <span key={m.messageId} class={`history-match${m.kind === 'note' ? ' is-note' : ''}`}>
                <span class="history-who">{who(m, t)}</span> <Highlighted text={m.snippet} ranges={m.highlights} />
              </span>
            ))}
          </span>
        ) : (
          c.lastMessagePreview && <span class="history-preview">{c.lastMessagePreview}</span>
        )}
      </button>
    </li>
  );
}
