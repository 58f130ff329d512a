/** One after-sales outcome in the conversation ("Refund of ¥50.00 issued"), in the shopper's language. */
import type { Locale, OrderActionEvent as ActionEvent } from '@counter/shared';
import { ORDER_ACTIONS } from '../../i18n/order-actions';
import { fill } from '../../i18n/text';
import { lazy } from './lazy';

// A shopper's return request carries its id: its timeline draws under the event.
const ReturnEventCard = lazy(() => import('./returns/Returns').then((m) => m.ReturnEventCard));

const TAG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

function money(locale: Locale, minor: number, currency: string): string {
  const format = new Intl.NumberFormat(TAG[locale], { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

function keyOf(e: ActionEvent): keyof typeof ORDER_ACTIONS {
  if (e.status === 'pending_approval') return 'review';
  if (e.status === 'rejected') return 'declined';
  if (e.status === 'failed') return 'failed';
  if (e.action === 'refund' || (e.action === 'return_update' && e.step === 'refund')) return e.status === 'pending' ? 'refundPending' : 'refund';
  if (e.action === 'cancel') return 'cancel';
  if (e.action === 'voucher') return 'voucher';
  if (e.action === 'return_request') return 'returnRequested';
  return e.step === 'approve' || e.step === 'reject' || e.step === 'received' ? e.step : 'returnRequested';
}

export function OrderActionEvent({ event, locale }: { event: ActionEvent; locale: Locale }) {
  const amount =
    event.percent !== null ? `${event.percent}%` : event.amount !== null && event.currency ? money(locale, event.amount, event.currency) : '';
  const line = fill(ORDER_ACTIONS, locale, keyOf(event), { amount, n: event.orderNumber, code: event.reference ?? '' });
  if (!event.returnRequestId) return <li class="event">{line}</li>;
  return (
    <li class="event">
      {line}
      <ReturnEventCard id={event.returnRequestId} />
    </li>
  );
}
