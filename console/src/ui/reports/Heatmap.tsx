/**
 * Volume by weekday × hour as a table (so a screen reader can walk it): each cell names its
 * day, hour and count; the shade is the count against the busiest hour.
 */
import { reportsText } from '../../i18n/reports.js';
import { hourSpan, number, weekdays } from './report-format.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function Heatmap({ heatmap, tz }: { heatmap: number[][]; tz: string }) {
  const t = reportsText();
  const days = weekdays();
  const max = Math.max(1, ...heatmap.flat());
  return (
    <section class="report-section" aria-labelledby="report-heatmap">
      <h2 id="report-heatmap">{t.heatmap}</h2>
      <div class="report-heatmap-scroll">
        <table class="report-heatmap">
          <caption class="muted small">{t.heatmapCaption(tz)}</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col" abbr={hourSpan(h)}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, d) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {HOURS.map((h) => {
                  const n = heatmap[d]?.[h] ?? 0;
                  const label = t.heatCell(day, hourSpan(h), number(n));
                  return (
                    <td
                      key={h}
                      class="report-heat"
                      data-count={n}
                      aria-label={label}
                      title={label}
                      // A style object is set through the CSSOM, which the console's CSP allows.
                      style={{ '--heat': (n / max).toFixed(3) }}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
