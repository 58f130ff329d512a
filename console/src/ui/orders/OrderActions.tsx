/**
 * The after-sales actions an agent may take on this order, with their limits beside them
 * ("up to $200.00 without approval"). Each opened form has one idempotency key: a double
 * click or a retry after a lost answer sends the same key, and the server acts once.
 */
import type { ActionAllowance, ActionKind, AgentOrder, ConversationId, OrderActionView } from '@counter/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { afterSalesText } from '../../i18n/after-sales.js';
import { orderMoney } from '../../lib/order-text.js';
import { useStore } from '../../lib/use-store.js';
import { ActionForm } from './ActionForm.js';

const FORMS: ActionKind[] = ['refund', 'cancel', 'return_request', 'return_update', 'voucher'];

export function OrderActions({ conversationId, order }: { conversationId: ConversationId; order: AgentOrder }) {
  const app = useApp();
  const t = afterSalesText();
  const siteId = useStore(app.stores.threads, (s) => s.threads[conversationId]?.conversation?.siteId ?? null);
  const [allowance, setAllowance] = useState<ActionAllowance | null>(null);
  const [open, setOpen] = useState<ActionKind | null>(null);
  const [last, setLast] = useState<OrderActionView | null>(null);
  const live = useStore(app.stores.actions, (s) => (last ? s.byKey[last.idempotencyKey] : undefined));
  const shown = live ?? last;

  useEffect(() => {
    if (!siteId) return;
    void app.afterSales.limits(siteId).then((r) => r.ok && setAllowance(r.data.allowance));
  }, [siteId, shown?.state]);

  if (!allowance) return null;
  const limits = allowance.limits;
  const allowed = FORMS.filter((k) => !limits || limits.allowed.includes(k));
  if (allowed.length === 0) return <p class="muted small">{t.notAllowed}</p>;
  const money = (n: number) => orderMoney(n, order.currency);

  const limitOf = (k: ActionKind): string | null => {
    if (!limits) return t.noLimit;
    if (k === 'refund' || k === 'cancel') {
      const parts = [limits.maxRefund !== null ? t.upTo(money(limits.maxRefund)) : t.noLimit];
      if (limits.maxRefundPercent !== null) parts.push(t.upToPercent(limits.maxRefundPercent));
      if (allowance.dailyLeft !== null) parts.push(t.dailyLeft(money(allowance.dailyLeft)));
      return parts.join(' · ');
    }
    if (k === 'voucher') return limits.maxVoucher !== null ? t.upTo(money(limits.maxVoucher)) : t.noLimit;
    return null;
  };

  return (
    <section class="order-actions" aria-label={t.actions}>
      <h3>{t.actions}</h3>
      <ul class="action-list">
        {allowed.map((k) => (
          <li key={k}>
            <button type="button" class="btn btn-small" aria-expanded={open === k} onClick={() => setOpen(open === k ? null : k)}>
              {t.kind[k]}
            </button>
            {limitOf(k) && <span class="muted small action-limit"> {limitOf(k)}</span>}
          </li>
        ))}
      </ul>
      {open && (
        <ActionForm
          key={open}
          kind={open}
          order={order}
          conversationId={conversationId}
          onClose={() => setOpen(null)}
          onDone={(a) => {
            setLast(a);
            setOpen(null);
          }}
        />
      )}
      {shown && <ActionOutcome action={shown} />}
    </section>
  );
}

function ActionOutcome({ action }: { action: OrderActionView }) {
  const t = afterSalesText();
  const text =
    action.state === 'pending_approval' ? t.askedApproval(action.approvalReason ?? '') : action.state === 'done' ? t.ran : t.state[action.state];
  return (
    <p class={action.state === 'failed' || action.state === 'rejected' ? 'error' : 'ok small'} role="status">
      {t.kind[action.kind]}: {text}
      {action.reference && <> · <code>{action.reference}</code></>}
      {action.message && action.state === 'failed' && <> · {action.message}</>}
    </p>
  );
}

/** One key per opened form (see the file comment). */
export function useIdempotencyKey(): string {
  return useMemo(() => crypto.randomUUID(), []);
}
