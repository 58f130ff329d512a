/**
 * A shopper's return request in the thread (issue 12 item 4, a lazy part): lines, reason,
 * photos, where it stands, the reply countdown of a quality problem (its due time is the
 * server's), and Approve / Reject. It follows the request live (return:updated). Approving goes through the after-sales limits: within them
 * it is filed and approved at once; above them a supervisor sees it under Approvals.
 */
import type { ConversationId, ReturnRequestView } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { returnsText } from '../../i18n/returns.js';
import { consoleLocale, orderMoney } from '../../lib/order-text.js';
import { useNow } from '../hooks/use-now.js';

const MINUTE = 60_000;

/** "5h 12m" / "3m": what is left (or how late), to the minute. */
export function span(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
  const h = Math.floor(minutes / 60);
  return h ? `${h}h ${minutes % 60}m` : `${minutes}m`;
}

export function ReturnRequestCard({ conversationId, requestId }: { conversationId: ConversationId; requestId: string }) {
  const app = useApp();
  const t = returnsText();
  const now = useNow();
  const [request, setRequest] = useState<ReturnRequestView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // The socket itself (app.live, as the supervisor page does): no new command wrapper in the
    // main chunk. Read on mount and after every reconnect (an update may have been missed), then
    // follow return:updated: any agent's decision, a supervisor's approval, the shop's steps.
    const transport = app.live();
    if (!transport) return;
    let live = true;
    const read = () =>
      void transport.command('returns:list', { conversationId }).then((r) => {
        if (live && r.ok) setRequest(r.data.requests.find((x) => x.id === requestId) ?? null);
      });
    const offUpdated = transport.on('return:updated', (e) => live && e.request.id === requestId && setRequest(e.request));
    const offConnection = transport.onConnection((e) => void (e.type === 'connected' && read()));
    read();
    return () => {
      live = false;
      offUpdated();
      offConnection();
    };
  }, [conversationId, requestId]);
  if (!request) return null;

  async function decide(decision: 'approve' | 'reject') {
    setBusy(true);
    const r = await app.live()?.command('return:decide', { requestId, decision });
    setBusy(false);
    if (r?.ok) setRequest(r.data.request);
    else setError(r?.error.message ?? null);
  }

  const open = request.stage !== 'rejected' && request.stage !== 'refunded';
  const left = request.dueAt !== null && open ? request.dueAt - now : null;
  const worth = request.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  const reason = (consoleLocale() === 'zh' && request.reason.label.zh) || request.reason.label.en;
  return (
    <div class="bubble return-request" role="group" aria-label={t.returnRequest}>
      <div class="strong">
        {t.returnRequest} · #{request.orderNumber} · {orderMoney(worth, request.currency)}
      </div>
      <ul class="small">
        {request.lines.map((l) => (
          <li key={l.lineId}>
            {l.quantity}× {l.title}
          </li>
        ))}
      </ul>
      <div class="small">
        {t.reasonLabel}: {reason}
        {request.reason.quality && <span class="badge"> {t.quality}</span>}
        {request.note && <> · “{request.note}”</>}
        {request.attachmentIds.length > 0 && <> · {t.photos(request.attachmentIds.length)}</>}
      </div>
      {left !== null && (
        <div class={left < 0 ? 'error small' : 'strong small'} role="timer">
          {left >= 0 ? t.dueIn(span(left)) : t.overdue(span(left))}
        </div>
      )}
      <div class="muted small">{request.steps.map((s) => t.state[s.stage] ?? s.stage).join(' → ')}</div>
      {error && <p class="error small">{error}</p>}
      {request.stage === 'requested' && (
        <div class="form-actions">
          <button type="button" class="btn btn-small btn-primary" disabled={busy} onClick={() => void decide('approve')}>
            {t.approveReturn}
          </button>
          <button type="button" class="btn btn-small" disabled={busy} onClick={() => void decide('reject')}>
            {t.rejectReturn}
          </button>
        </div>
      )}
    </div>
  );
}
