/** Time to breach of a wait's response target (issue 15 leftovers): a flag once it is missed. */
import { atRiskText } from '../../i18n/at-risk.js';
import { shortDuration } from '../../lib/time-format.js';

export function DueBadge({ dueAt, now }: { dueAt: number; now: number }) {
  const t = atRiskText();
  const left = dueAt - now;
  return left > 0 ? (
    <span class="sv-due"> · {t.dueIn(shortDuration(left))}</span>
  ) : (
    <span class="sv-due sv-due-late"> · {t.late(shortDuration(-left))}</span>
  );
}
