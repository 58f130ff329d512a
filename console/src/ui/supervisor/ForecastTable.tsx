/** The next hour's forecast and the last hours' forecast against what came. */
import type { PeakForecast } from '@counter/shared';
import { supervisorText } from '../../i18n/supervisor.js';

export function ForecastTable({ forecast }: { forecast: PeakForecast }) {
  const t = supervisorText();
  const hour = (at: number) => new Date(at).toTimeString().slice(0, 5);
  return (
    <section class="sv-forecast" aria-label={t.forecast}>
      <h2>{t.forecast}</h2>
      <dl class="sv-figures">
        <div>
          <dt>{t.nextHour}</dt>
          <dd>{Math.round(forecast.nextHour)}</dd>
        </div>
        <div>
          <dt>{t.baseline}</dt>
          <dd>{forecast.baseline === null ? t.noHistory : Math.round(forecast.baseline)}</dd>
        </div>
        <div>
          <dt>{t.trend}</dt>
          <dd>×{forecast.trend.toFixed(2)}</dd>
        </div>
        <div>
          <dt>{t.target}</dt>
          <dd>{t.seconds(forecast.targetSeconds)}</dd>
        </div>
      </dl>
      <table class="sv-table">
        <thead>
          <tr>
            <th scope="col">{t.hour}</th>
            <th scope="col">{t.forecastCol}</th>
            <th scope="col">{t.actual}</th>
          </tr>
        </thead>
        <tbody>
          {forecast.recentHours.map((h) => (
            <tr key={h.at}>
              <td>{hour(h.at)}</td>
              <td>{Math.round(h.forecast)}</td>
              <td>{h.actual}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
