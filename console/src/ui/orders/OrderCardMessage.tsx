/** An order the shopper sent into the conversation: what they mean, one click from the detail. */
import type { Message } from '@counter/shared';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { orderDate, orderMoney, orderText } from '../../lib/order-text.js';
import { LazyOrderDetail } from './lazy-order-detail.js';

export function OrderCardMessage({ message: m, time }: { message: Message; time: ComponentChildren }) {
  const t = orderText();
  const [open, setOpen] = useState(false);
  const card = m.card;
  if (!card) return null;
  return (
    <div class="msg msg-in" data-seq={m.seq}>
      <div class="bubble order-card">
        <div class="strong">{t.order(card.number)}</div>
        <div>{t.status[card.status]} · {orderMoney(card.total, card.currency)}</div>
        <div class="muted small">
          {card.preview ?? ''} · {t.items(card.itemCount)} · {orderDate(card.placedAt)}
        </div>
        <button type="button" class="btn btn-small" onClick={() => setOpen(true)}>
          {t.open}
        </button>
      </div>
      <div class="msg-meta">{time}</div>
      {open && <LazyOrderDetail conversationId={m.conversationId} orderId={card.orderId} onClose={() => setOpen(false)} />}
    </div>
  );
}
