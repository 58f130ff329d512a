/** The History page's pure parts: the form as a query, and pages merged as they load. */
import type { AgentId, HistoryItem, SiteId, VisitorId } from '@counter/shared';
import type { HistoryQuery } from '../../api/rest-api.js';
import type { FilterForm } from './HistoryFilters.js';

const DAY_MS = 24 * 3600_000;

/** A local yyyy-mm-dd as the first millisecond of that day here (the "to" day counts whole). */
function dayStart(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

export function toQuery(form: FilterForm, visitorId?: VisitorId): HistoryQuery {
  const from = dayStart(form.from);
  const to = dayStart(form.to);
  return {
    ...(form.q.trim() && { q: form.q.trim() }),
    ...(form.status && { status: form.status }),
    ...(form.siteId && { siteId: form.siteId as SiteId }),
    ...(form.agentId && { agentId: form.agentId as AgentId }),
    ...(form.tag.trim() && { tag: form.tag.trim().toLowerCase() }),
    ...(form.score && { score: Number(form.score) }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to: to + DAY_MS - 1 }),
    ...(visitorId && { visitorId }),
  };
}

/**
 * A search page may name a conversation already shown (its older matches came later): its
 * matches join the row already there instead of a second row.
 */
export function mergePages(shown: HistoryItem[], next: HistoryItem[]): HistoryItem[] {
  const rows = new Map(shown.map((item) => [item.conversation.id as string, item]));
  for (const item of next) {
    const held = rows.get(item.conversation.id);
    if (!held) {
      rows.set(item.conversation.id, item);
      continue;
    }
    const known = new Set(held.matches.map((m) => m.messageId));
    rows.set(item.conversation.id, { ...held, matches: [...held.matches, ...item.matches.filter((m) => !known.has(m.messageId))] });
  }
  return [...rows.values()];
}
