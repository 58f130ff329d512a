/**
 * System messages (kind "event") carry a structured payload; this is the one place that
 * turns them into words, so a translation only touches this file.
 */
import type { ConversationEvent, OrderActionEvent } from '@counter/shared';
import { afterSalesText } from '../i18n/after-sales.js';
import { orderMoney } from './order-text.js';

export function eventText(event: ConversationEvent | null): string {
  if (!event) return 'Something changed';
  switch (event.type) {
    case 'queued':
      return 'Waiting in the queue';
    case 'assigned':
      return `Assigned to ${event.agentName}`;
    case 'transferred':
      return event.agentName ? `Transferred to ${event.agentName}` : 'Transferred back to the queue';
    case 'reassigned':
      return event.agentName ? `Reassigned to ${event.agentName}` : 'Reassigned: back to the queue';
    case 'resolved':
      return 'Resolved';
    case 'reopened':
      return 'Reopened';
    case 'rated':
      return `Shopper rated ${event.score}/5`;
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
