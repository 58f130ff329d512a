/**
 * The countdown badge of a conversation (issue 14, item 4): time left before its response
 * target, amber once it escalates, red once missed. Part of the lazy targets chunk (entry.ts).
 */
import { dueOf, type DueInput, type QueueItem } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { targetsText } from '../i18n/targets.js';
import { onTick, targetsFor } from './site-targets.js';


export type DueSubject = DueInput & { siteId: string };
/** An inbox conversation, or a queue row (waiting since it was queued, not yet answered: a first reply). */
export type DueProps = { c: DueSubject; q?: undefined } | { q: QueueItem; c?: undefined };

export const fromQueue = (q: QueueItem): DueSubject => ({
  status: 'waiting',
  priority: q.priority,
  awaitingReplySince: q.queuedAt,
  firstResponseAt: null,
  offline: false,
  siteId: q.siteId,
});


export function DueBadge(props: DueProps) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => onTick(setNow), []);
  const c = props.q ? fromQueue(props.q) : props.c!;
  const d = dueOf(c, targetsFor(c.siteId));
  if (!d) return null;
  const t = targetsText();
  const left = d.dueAt - now;
  const state = left <= 0 ? 'late' : now >= d.escalateAt ? 'near' : 'ok';
  const time = countdown(Math.abs(left));
  return (
    <span class={`due due-${state}`} data-due={state} title={`${t.kind[d.kind]}: ${left <= 0 ? t.late(time) : t.left(time)}`}>
      {left <= 0 ? `−${time}` : time}
    </span>
  );
}

/** "2:05" under an hour (seconds matter at these targets), else "3h 20m". */
function countdown(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}
