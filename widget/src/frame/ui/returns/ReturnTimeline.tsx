/**
 * One return's progress as the server reports it (requested, approved, label/received,
 * refunded), and for a quality problem the reply the shop owes by its due time.
 */
import type { ReturnRequestView, ReturnStage } from '@counter/shared';
import type { ReturnsText } from './returns-text';

/** The way a return normally goes; reached steps carry their time. */
const PATH: ReturnStage[] = ['requested', 'approved', 'received', 'refunded'];

export function ReturnTimeline({ request: r, x }: { request: ReturnRequestView; x: ReturnsText }) {
  const at = new Map(r.steps.map((s) => [s.stage, s.at]));
  const ended = r.stage === 'rejected';
  const shown: ReturnStage[] = ended ? [...r.steps.map((s) => s.stage)] : [...PATH.slice(0, 1), ...(at.has('pending_approval') && !at.has('approved') ? (['pending_approval'] as const) : []), ...PATH.slice(1)];
  const open = r.dueAt !== null && !ended && r.stage !== 'refunded';
  return (
    <div class="return-card" role="group" aria-label={`${x.t('yourReturns')} #${r.orderNumber}`}>
      <strong>
        #{r.orderNumber} · {r.lines.map((l) => `${l.quantity}× ${l.title}`).join(', ')}
      </strong>
      <span class="muted">{x.reason(r.reason.label)}</span>
      {open && <span class="due">{x.t('replyBy', x.when(r.dueAt!))}</span>}
      <ol class="return-steps">
        {shown.map((stage) => {
          const when = at.get(stage);
          const name = stage === 'received' && when === undefined ? x.t('label') + ' / ' + x.t('received') : x.t(stage);
          return (
            <li key={stage} class={when === undefined ? 'todo' : stage === 'rejected' ? 'stop' : ''}>
              <span>{name}</span>
              {when !== undefined && <span class="muted">{x.when(when)}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
