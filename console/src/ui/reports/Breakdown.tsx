/** Conversations by tag or by topic: a ranked list with a bar for each against the largest. */
import { reportsText } from '../../i18n/reports.js';
import { number } from './report-format.js';

export function Breakdown({ title, items }: { title: string; items: { key: string; count: number }[] }) {
  const t = reportsText();
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <section class="report-section report-breakdown" aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p class="muted">{t.noneYet}</p>
      ) : (
        <ol>
          {items.map((i) => (
            <li key={i.key}>
              <span class="report-key">{i.key}</span>
              <span class="report-bar" aria-hidden="true">
                <span style={{ width: `${(100 * i.count) / max}%` }} />
              </span>
              <span class="report-count">{number(i.count)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
