/**
 * The forecast part of the supervisor view: next hour's arrivals, the predicted wait over
 * the horizon against the site's target, and the last hours' forecast against what came.
 * Cached per site: the live view refreshes on every queue change, the forecast moves slowly.
 */
import type { ForecastHour, PeakForecast, SiteId } from '@counter/shared';
import type { Store } from '../../store/store.js';
import type { Clock } from '../clock.js';
import { forecastArrivals, HOUR_MS, type ForecastOptions, FORECAST_DEFAULTS } from './forecast.js';
import { predictWait, type WaitInputs } from './predicted-wait.js';

const FORECAST_TTL_MS = 60_000;
const RECENT_HOURS = 6;

export class PeakWatch {
  private readonly forecasts = new Map<SiteId, { at: number; value: Promise<Awaited<ReturnType<typeof forecastArrivals>>> }>();
  /** Past hours never change: one forecast-and-count per site and hour. */
  private readonly hours = new Map<string, Promise<ForecastHour>>();

  constructor(private readonly deps: { store: Store; clock: Clock; options?: ForecastOptions }) {}

  async forecast(siteId: SiteId, load: Omit<WaitInputs, 'arrivals' | 'sliceMs'>, targetSeconds: number): Promise<PeakForecast> {
    const now = this.deps.clock.now();
    const f = await this.arrivals(siteId, now);
    const wait = predictWait({ ...load, arrivals: f.slices, sliceMs: f.sliceMs }, targetSeconds);
    return {
      nextHour: Math.round(f.nextHour * 10) / 10,
      baseline: f.baseline === null ? null : Math.round(f.baseline * 10) / 10,
      trend: Math.round(f.trend * 100) / 100,
      waitNowSeconds: wait.nowSeconds,
      peakWaitSeconds: wait.peakSeconds,
      breachInMinutes: wait.breachInMs === null ? null : Math.round(wait.breachInMs / 60_000),
      targetSeconds,
      recentHours: await this.recentHours(siteId, now),
    };
  }

  private arrivals(siteId: SiteId, now: number) {
    const cached = this.forecasts.get(siteId);
    if (cached && now - cached.at < FORECAST_TTL_MS) return cached.value;
    const value = this.compute(siteId, now);
    this.forecasts.set(siteId, { at: now, value });
    // A failed read is not cached: the next refresh asks again.
    value.catch(() => this.forecasts.delete(siteId));
    return value;
  }

  private async compute(siteId: SiteId, at: number) {
    const { store, options = FORECAST_DEFAULTS } = this.deps;
    const start = (await store.arrivals.first(siteId)) ?? at;
    return forecastArrivals((from, to) => store.arrivals.count(siteId, from, to), at, start, options);
  }

  private recentHours(siteId: SiteId, now: number): Promise<ForecastHour[]> {
    const current = Math.floor(now / HOUR_MS) * HOUR_MS;
    const starts = Array.from({ length: RECENT_HOURS }, (_, i) => current - (RECENT_HOURS - i) * HOUR_MS);
    for (const key of this.hours.keys()) if (Number(key.split('|')[1]) < starts[0]!) this.hours.delete(key);
    return Promise.all(
      starts.map((at) => {
        const key = `${siteId}|${at}`;
        let hour = this.hours.get(key);
        if (!hour) {
          hour = this.pastHour(siteId, at);
          this.hours.set(key, hour);
          hour.catch(() => this.hours.delete(key));
        }
        return hour;
      }),
    );
  }

  private async pastHour(siteId: SiteId, at: number): Promise<ForecastHour> {
    const [f, actual] = await Promise.all([this.compute(siteId, at), this.deps.store.arrivals.count(siteId, at, at + HOUR_MS)]);
    return { at, forecast: Math.round(f.nextHour * 10) / 10, actual };
  }
}
