/**
 * System messages (kind "event") carry a structured payload; this is the one place that
 * turns them into words (in the console's language, i18n/common.ts).
 */
import type { ConversationEvent, OrderActionEvent } from '@counter/shared';
import { afterSalesText } from '../i18n/after-sales.js';
import { commonText } from '../i18n/common.js';
import { orderMoney } from './order-text.js';

export function eventText(event: ConversationEvent | null, t = commonText()): string {
  if (!event) return t.event.unknown;
  switch (event.type) {
    case 'queued':
      return t.event.queued;
    case 'assigned':
      return t.event.assigned(event.agentName);
    case 'transferred':
      return t.event.transferred(event.agentName);
    case 'reassigned':
      return t.event.reassigned(event.agentName);
    case 'resolved':
      return t.event.resolved;
    case 'reopened':
      return t.event.reopened;
    case 'rated':
      return t.event.rated(event.score);
    case 'order_action':
      return orderActionText(event);
  }
}

/** Staff read who acted and why: "Ann · Refund · Order #1042 · $50.00 · Done — damaged". */
function orderActionText(e: OrderActionEvent): string {
  const t = afterSalesText();
  const state = e.status === 'pending' ? t.state.running : t.state[e.status];
  const value = e.percent !== null ? `${e.percent}%` : e.amount !== null && e.currency ? orderMoney(e.amount, e.currency) : null;
  const what = [e.agentName, e.step ? `${t.kind[e.action]} (${e.step})` : t.kind[e.action], t.order(e.orderNumber), value, e.reference, state].filter(Boolean).join(' · ');
  return e.reason ? `${what} — ${e.reason}` : what;
}
