/**
 * Supervisors' and admins' queue of actions above an agent's limits: the conversation, the
 * order, who asked and why, and one click to approve (it runs once) or reject. Loaded as a
 * lazy route; follows order-action:updated live.
 */
import type { OrderActionView } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { afterSalesText } from '../../i18n/after-sales.js';
import { orderDate, orderMoney } from '../../lib/order-text.js';
import { useStore } from '../../lib/use-store.js';
import { routeHref } from '../../stores/route-store.js';

export function ApprovalsPage() {
  const app = useApp();
  const t = afterSalesText();
  const [items, setItems] = useState<OrderActionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const live = useStore(app.stores.actions, (s) => s.byKey);

  useEffect(() => {
    void app.afterSales.approvals().then((r) => (r.ok ? setItems(r.data.actions) : setError(r.error.message)));
  }, []);

  // Live: new requests appear, decided ones leave (whoever decided them).
  const known = new Map((items ?? []).map((a) => [a.idempotencyKey, live[a.idempotencyKey] ?? a]));
  for (const a of Object.values(live)) if (a.state === 'pending_approval') known.set(a.idempotencyKey, a);
  const waiting = [...known.values()].filter((a) => a.state === 'pending_approval').sort((a, b) => a.createdAt - b.createdAt);

  async function decide(a: OrderActionView, decision: 'approve' | 'reject') {
    setBusy(a.idempotencyKey);
    const r = await app.afterSales.decide(a.idempotencyKey, decision);
    setBusy(null);
    if (r.ok) app.stores.actions.getState().updated(r.data.action);
    else setError(r.error.message);
  }

  return (
    <section class="page approvals">
      <h1>{t.approvals}</h1>
      <p class="muted">{t.approvalsIntro}</p>
      {error && <p class="error" role="alert">{error}</p>}
      {items && waiting.length === 0 && <p class="muted">{t.approvalsEmpty}</p>}
      <ul class="approval-list">
        {waiting.map((a) => (
          <li class="card approval" key={a.idempotencyKey}>
            <p>
              <strong>{t.kind[a.kind]}</strong>
              {a.amount !== null && <> · <strong>{orderMoney(a.amount, a.currency)}</strong></>}
              {' · '}
              {t.order(a.orderNumber)} ({orderMoney(a.orderTotal, a.currency)})
            </p>
            <p class="muted small">
              {t.requestedBy(a.requestedBy.name)} · {orderDate(a.createdAt)} · {t.why(a.approvalReason ?? '')}
            </p>
            <p>“{a.reason}”</p>
            <p class="form-actions">
              <button type="button" class="btn btn-primary btn-small" disabled={busy === a.idempotencyKey} onClick={() => decide(a, 'approve')}>
                {t.approve}
              </button>
              <button type="button" class="btn btn-small" disabled={busy === a.idempotencyKey} onClick={() => decide(a, 'reject')}>
                {t.reject}
              </button>
              <a href={routeHref({ name: 'conversation', id: a.conversationId })}>{t.openConversation}</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
