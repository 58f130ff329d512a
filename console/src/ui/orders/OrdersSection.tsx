/**
 * The shopper panel's orders: fetched live when the conversation opens (the server's short
 * cache answers repeats), with the answer's age; "unreachable" is its own state with a retry,
 * never an empty list.
 */
import type { ConversationId, CustomerOrders, OrdersState } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { cacheAge, orderDate, orderMoney, orderText } from '../../lib/order-text.js';
import { LazyOrderDetail } from './lazy-order-detail.js';

type Shown = OrdersState<CustomerOrders> | { state: 'loading' } | { state: 'failed'; message: string };

export function OrdersSection({ conversationId }: { conversationId: ConversationId }) {
  const app = useApp();
  const t = orderText();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const [open, setOpen] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setShown({ state: 'loading' });
    void app.orders.list(conversationId).then((r) => {
      if (live) setShown(r.ok ? r.data : { state: 'failed', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [conversationId, attempt]);

  if (shown.state === 'not_configured') return null;
  return (
    <section class="card orders" aria-label={t.orders}>
      <h3>{t.orders}</h3>
      {shown.state === 'loading' && <p class="muted">{t.loading}</p>}
      {shown.state === 'no_customer' && <p class="muted">{t.noCustomer}</p>}
      {(shown.state === 'unreachable' || shown.state === 'failed') && (
        <div class="warn" role="alert">
          <p>{t.unreachable}</p>
          <button type="button" class="btn btn-small" onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      )}
      {shown.state === 'ok' && (
        <>
          <p class="muted small">
            {shown.value.matchedBy === 'email' ? t.byEmail : t.byId} ·{' '}
            {cacheAge(shown.cacheAgeMs, t)}
          </p>
          {shown.value.orders.length === 0 && <p class="muted">{t.none}</p>}
          <ul class="order-list">
            {shown.value.orders.map((o) => (
              <li key={o.id}>
                <button type="button" class="order-row" onClick={() => setOpen(o.id)}>
                  <span class="strong">{t.order(o.number)}</span>
                  <span class="order-status">{t.status[o.status]}</span>
                  <span class="muted small">
                    {orderDate(o.placedAt)} · {t.items(o.itemCount)} · {orderMoney(o.total, o.currency)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {open && <LazyOrderDetail conversationId={conversationId} orderId={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
