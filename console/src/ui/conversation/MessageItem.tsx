/**
 * One message. Shopper text, agent replies, internal notes (never shown to the shopper,
 * and unmistakably marked as such) and system events each look different.
 */
import type { Message, OrderActionEvent } from '@counter/shared';
import { eventText } from '../../lib/event-text.js';
import { conversationText } from '../../i18n/conversation.js';
import { clockTime, fullDate } from '../../lib/time-format.js';
import { RichText } from '../common/RichText.js';
import { OrderCardMessage } from '../orders/OrderCardMessage.js';
import { LazyOrderDetail } from '../orders/lazy-order-detail.js';
import { ProductCard } from '../shopper/ProductCard.js';
import { useNow } from '../hooks/use-now.js';
import { AttachmentMessage } from './AttachmentMessage.js';

export function MessageItem({ message: m, mine, seen, last }: { message: Message; mine: boolean; seen: boolean; last: boolean }) {
  const now = useNow();
  const t = conversationText();
  const time = (
    <time class="msg-time" dateTime={new Date(m.createdAt).toISOString()} title={fullDate(m.createdAt)}>
      {clockTime(m.createdAt, now)}
    </time>
  );

  if (m.kind === 'event') {
    return (
      <div class="msg msg-event" data-seq={m.seq}>
        <span>{eventText(m.event)}</span> {time}
        {/* Only a shopper's new return request carries its id (issue 12 item 4). */}
        {(m.event as OrderActionEvent | null)?.returnRequestId && <LazyOrderDetail conversationId={m.conversationId} requestId={(m.event as OrderActionEvent).returnRequestId!} />}
      </div>
    );
  }
  if (m.kind === 'note') {
    return (
      <div class={`msg msg-note${m.whisperTo ? ' whisper' : ''}`} data-seq={m.seq}>
        <div class="msg-meta">
          <span class="note-label">{t.internalNote}{m.whisperTo && ` → ${t.you}`}</span> · {mine ? t.you : (m.authorName ?? t.agent)} · {time}
        </div>
        <div class="msg-text">
          <RichText text={m.text} />
        </div>
      </div>
    );
  }
  if (m.kind === 'order' && m.card) return <OrderCardMessage message={m} time={time} />;
  if (m.kind === 'product' && m.product) {
    return (
      <div class="msg msg-in" data-seq={m.seq}>
        <div class="bubble product-message">
          <ProductCard product={m.product} conversationId={m.conversationId} />
        </div>
        <div class="msg-meta">{time}</div>
      </div>
    );
  }
  const fromShopper = m.author === 'visitor';
  return (
    <div class={`msg ${fromShopper ? 'msg-in' : 'msg-out'}`} data-seq={m.seq}>
      <div class="bubble">
        <div class="msg-text">{m.attachment ? <AttachmentMessage attachment={m.attachment} /> : <RichText text={m.text} />}</div>
      </div>
      <div class="msg-meta">
        {!fromShopper && <span>{mine ? t.you : (m.authorName ?? t.agent)} · </span>}
        {time}
        {!fromShopper && (
          <span class={`receipt${seen ? ' seen' : ''}`} title={seen ? t.seenTitle : t.delivered}>
            {' '}
            {seen ? '✓✓' : '✓'}
            {last && <span class="receipt-text">{seen ? t.seen : t.sent}</span>}
          </span>
        )}
      </div>
    </div>
  );
}
