/**
 * One order, as the agent opens it from the shopper panel or from a card in the thread:
 * lines, totals, payment, each shipment's tracking timeline, and the address with street and
 * phone masked until the agent reveals them (the server records each reveal).
 */
import { ReturnRequestCard } from './ReturnRequestCard.js';
import type { AgentOrder, Address, ConversationId } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { cacheAge, orderDate, orderMoney, orderText } from '../../lib/order-text.js';
import { Dialog } from '../common/Dialog.js';
import { OrderActions } from './OrderActions.js';

type Loaded = { order: AgentOrder; cacheAgeMs: number } | { error: string } | null;

export function OrderDetail({ conversationId, orderId, onClose }: { conversationId: ConversationId; orderId: string; onClose: () => void }) {
  const app = useApp();
  const t = orderText();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [revealed, setRevealed] = useState<Address | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void app.orders.get(conversationId, orderId).then((r) => live && setLoaded(r.ok ? r.data : { error: r.error.message }));
    return () => {
      live = false;
    };
  }, [conversationId, orderId]);

  async function reveal() {
    const r = await app.orders.reveal(conversationId, orderId);
    if (r.ok) setRevealed(r.data.address);
    else setRevealError(r.error.message);
  }

  const title = loaded && 'order' in loaded ? t.order(loaded.order.number) : t.orders;
  return (
    <Dialog title={title} onClose={onClose} wide>
      {!loaded && <p class="muted">{t.loading}</p>}
      {loaded && 'error' in loaded && <p class="error" role="alert">{t.failed} {loaded.error}</p>}
      {loaded && 'order' in loaded && <Body {...loaded} revealed={revealed} onReveal={reveal} revealError={revealError} />}
      {loaded && 'order' in loaded && <OrderActions conversationId={conversationId} order={loaded.order} />}
    </Dialog>
  );
}

function Body({ order: o, cacheAgeMs, revealed, onReveal, revealError }: { order: AgentOrder; cacheAgeMs: number; revealed: Address | null; onReveal: () => void; revealError: string | null }) {
  const t = orderText();
  const money = (n: number) => orderMoney(n, o.currency);
  const address = revealed ?? o.shippingAddress;
  return (
    <div class="order-detail">
      <p class="muted small">
        {orderDate(o.placedAt)} · {t.status[o.status]} · {t.payment}: {t.paymentState[o.paymentState]} ·{' '}
        {cacheAge(cacheAgeMs, t)}
      </p>
      <table class="order-lines">
        <tbody>
          {o.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.title}
                {l.variant && <span class="muted"> · {l.variant}</span>}
              </td>
              <td class="num">{l.quantity}×</td>
              <td class="num">{money(l.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><td colSpan={2}>{t.subtotal}</td><td class="num">{money(o.totals.subtotal)}</td></tr>
          {o.totals.shipping > 0 && <tr><td colSpan={2}>{t.shipping}</td><td class="num">{money(o.totals.shipping)}</td></tr>}
          {o.totals.tax > 0 && <tr><td colSpan={2}>{t.tax}</td><td class="num">{money(o.totals.tax)}</td></tr>}
          {o.totals.discount > 0 && <tr><td colSpan={2}>{t.discount}</td><td class="num">−{money(o.totals.discount)}</td></tr>}
          <tr class="strong"><td colSpan={2}>{t.total}</td><td class="num">{money(o.totals.total)}</td></tr>
        </tfoot>
      </table>

      <h3>{t.tracking}</h3>
      {o.fulfilments.length === 0 && <p class="muted">{t.noShipment}</p>}
      {o.fulfilments.map((f) => (
        <div class="fulfilment" key={f.id}>
          <p>
            <strong>{t.fulfilment[f.status]}</strong>
            {f.carrier && ` · ${f.carrier}`}
            {f.trackingCode && <> · <code>{f.trackingCode}</code></>}
          </p>
          <ol class="timeline">
            {[...f.events].reverse().map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time class="muted small">{orderDate(e.at)}</time> {e.description}
                {e.location && <span class="muted"> · {e.location}</span>}
              </li>
            ))}
          </ol>
        </div>
      ))}

      {address && (
        <>
          <h3>{t.shipTo}</h3>
          <address class="order-address">
            {[address.name, address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country, address.phone]
              .filter(Boolean)
              .map((line, i) => (
                <div key={i}>{line}</div>
              ))}
          </address>
          {revealed ? (
            <p class="ok small" role="status">{t.revealed}</p>
          ) : (
            <>
              <p class="muted small">{t.masked}</p>
              <button type="button" class="btn btn-small" onClick={onReveal}>{t.reveal}</button>
              {revealError && <p class="error" role="alert">{revealError}</p>}
            </>
          )}
        </>
      )}

      {o.nextActions.length > 0 && (
        <p class="muted small">
          {t.next}: {o.nextActions.map((a) => t.action[a] ?? a).join(' · ')}
        </p>
      )}
    </div>
  );
}

/** The order's detail, or with a requestId a shopper's return request card (issue 12 item 4), from one lazy chunk. */
export function OrderPart(props: { conversationId: ConversationId; orderId?: string; onClose?: () => void; requestId?: string }) {
  return props.requestId ? (
    <ReturnRequestCard conversationId={props.conversationId} requestId={props.requestId} />
  ) : (
    <OrderDetail conversationId={props.conversationId} orderId={props.orderId!} onClose={props.onClose!} />
  );
}
