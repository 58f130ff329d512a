/**
 * The form for one action; amounts are typed in major units and sent in minor units. Refunds
 * by amount or by line and quantity, cancellations of the whole order or of chosen lines,
 * returns of several lines, and a return's next step (approve, reject, received, refund).
 */
import type { ActionKind, AgentOrder, ConversationId, OrderActionView } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { afterSalesText } from '../../i18n/after-sales.js';
import { currencyDigits } from '../../lib/order-text.js';
import { returnsText } from '../../i18n/returns.js';
import { LineQuantities, pickedLines, type Picked } from './LineQuantities.js';
import { useIdempotencyKey } from './OrderActions.js';

const STEPS = ['approve', 'reject', 'received', 'refund'] as const;

const toMinor = (major: string, currency: string) => Math.round(Number(major) * 10 ** currencyDigits(currency));

export function ActionForm(props: {
  kind: ActionKind;
  order: AgentOrder;
  conversationId: ConversationId;
  onClose: () => void;
  onDone: (action: OrderActionView) => void;
}) {
  const { kind, order } = props;
  const app = useApp();
  const t = afterSalesText();
  const key = useIdempotencyKey();
  const [amount, setAmount] = useState('');
  const [voucherType, setVoucherType] = useState<'fixed' | 'percent'>('fixed');
  const [days, setDays] = useState('30');
  const rt = returnsText();
  const [picked, setPicked] = useState<Picked>({});
  const [returnId, setReturnId] = useState('');
  const [step, setStep] = useState<(typeof STEPS)[number]>('approve');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function action() {
    switch (kind) {
      case 'refund': {
        // Lines picked: refunded at their price; else the amount typed; else what is left.
        const lines = pickedLines(picked);
        return lines.length ? { kind, lines } : amount ? { kind, amount: toMinor(amount, order.currency) } : { kind };
      }
      case 'cancel': {
        const lineIds = pickedLines(picked).map((l) => l.lineId);
        return lineIds.length ? { kind, lineIds } : { kind };
      }
      case 'return_request':
        return { kind, lines: pickedLines(picked), attachmentIds: [] };
      case 'return_update':
        return { kind, returnId: returnId.trim(), step, ...(step === 'refund' && amount ? { amount: toMinor(amount, order.currency) } : {}) };
      default:
        return {
          kind: 'voucher' as const,
          value: voucherType === 'fixed' ? { type: 'fixed' as const, amount: toMinor(amount, order.currency) } : { type: 'percent' as const, percent: Number(amount) },
          expiresInDays: Number(days),
        };
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    // Disabled while sending, and the key stays: a second submit is the same action.
    setBusy(true);
    setError(null);
    const r = await app.afterSales.act({ conversationId: props.conversationId, orderId: order.id, idempotencyKey: key, reason, action: action() as never });
    setBusy(false);
    if (r.ok) props.onDone(r.data.action);
    else setError(r.error.message);
  }

  return (
    <form class="action-form" onSubmit={submit} aria-label={t.kind[kind]}>
      {(kind === 'refund' || kind === 'voucher') && (
        <div class="row">
          {kind === 'voucher' && (
            <select aria-label={t.fixed} value={voucherType} onChange={(e) => setVoucherType(e.currentTarget.value as 'fixed' | 'percent')}>
              <option value="fixed">{t.fixed}</option>
              <option value="percent">{t.percent}</option>
            </select>
          )}
          <label class="field field-narrow">
            <span>{kind === 'voucher' && voucherType === 'percent' ? t.percent : `${t.amount} (${order.currency})`}</span>
            <input name="amount" inputMode="decimal" required={kind === 'voucher'} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
          </label>
          {kind === 'voucher' && (
            <label class="field field-narrow">
              <span>{t.days}</span>
              <input name="days" type="number" min={1} max={365} value={days} onInput={(e) => setDays(e.currentTarget.value)} />
            </label>
          )}
        </div>
      )}
      {(kind === 'refund' || kind === 'return_request' || kind === 'cancel') && (
        <LineQuantities order={order} picked={picked} onChange={setPicked} checkboxes={kind === 'cancel'} />
      )}
      {kind === 'return_update' && (
        <div class="row">
          <label class="field">
            <span>{rt.returnId}</span>
            <input name="returnId" required maxLength={128} value={returnId} onInput={(e) => setReturnId(e.currentTarget.value)} />
          </label>
          <label class="field field-narrow">
            <span>{rt.step}</span>
            <select value={step} onChange={(e) => setStep(e.currentTarget.value as (typeof STEPS)[number])}>
              {STEPS.map((s) => (
                <option key={s} value={s}>
                  {rt.steps[s]}
                </option>
              ))}
            </select>
          </label>
          {step === 'refund' && (
            <label class="field field-narrow">
              <span>{`${t.amount} (${order.currency})`}</span>
              <input name="amount" inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
            </label>
          )}
        </div>
      )}
      <label class="field">
        <span>{t.reason}</span>
        <input name="reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary btn-small" disabled={busy}>
          {t.submit}
        </button>
        <button type="button" class="btn btn-small" onClick={props.onClose}>
          {t.cancelForm}
        </button>
      </div>
    </form>
  );
}
