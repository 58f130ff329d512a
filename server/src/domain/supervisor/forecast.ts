/**
 * Next hour's arrivals for one site, from the site's own history (issue 15 item 5).
 *
 * baseline(window) = mean of the same window 1..k weeks earlier (same hour of the week);
 * trend = arrivals of the last `trendMs` / their baseline, clamped; forecast = baseline of the
 * next hour × trend. Windows roll with the clock (no hour buckets): a spike that starts at
 * :40 moves the forecast at :45, not at the next full hour.
 *
 * Plain functions over a count function and an explicit `now`: deterministic, no store, no clock.
 */
export const HOUR_MS = 3_600_000;
export const WEEK_MS = 7 * 24 * HOUR_MS;

/** Conversations created in [from, to): the store answers with one indexed count. */
export type CountArrivals = (from: number, to: number) => Promise<number>;

export interface ForecastOptions {
  /** Weeks of the baseline. */
  weeks: number;
  /** The recent window whose actual/baseline ratio corrects the baseline. */
  trendMs: number;
  /** The trend's range: one odd hour never multiplies the forecast beyond these. */
  minTrend: number;
  maxTrend: number;
  /** The horizon, in slices: the evening peak two hours ahead shows in its own slice. */
  sliceMs: number;
  slices: number;
}

export const FORECAST_DEFAULTS: ForecastOptions = {
  weeks: 4,
  trendMs: 90 * 60_000,
  minTrend: 0.5,
  maxTrend: 8,
  sliceMs: 15 * 60_000,
  slices: 8,
};

export interface ArrivalForecast {
  /** Expected arrivals in [now, now + 1 h). */
  nextHour: number;
  /** Expected arrivals per slice of the horizon, from now on. */
  slices: number[];
  sliceMs: number;
  /** Mean of the same hour in the weeks used; null without any week of history. */
  baseline: number | null;
  /** The correction applied (1 without history to compare with). */
  trend: number;
  /** Arrivals in the trend window (what actually happened). */
  recent: number;
  weeksUsed: number;
}

export async function forecastArrivals(
  count: CountArrivals,
  now: number,
  /** When the site's history starts: weeks before it would count as zero traffic. */
  historyStart: number,
  options: ForecastOptions = FORECAST_DEFAULTS,
): Promise<ArrivalForecast> {
  const { weeks, trendMs, minTrend, maxTrend, sliceMs, slices } = options;
  const starts = Array.from({ length: slices }, (_, i) => now + i * sliceMs);
  const shifts: number[] = [];
  for (let w = 1; w <= weeks; w++) if (now - trendMs - w * WEEK_MS >= historyStart) shifts.push(w * WEEK_MS);
  const recent = await count(now - trendMs, now);
  if (!shifts.length) {
    // No history yet: the recent rate, carried over the hour.
    const perSlice = (recent * sliceMs) / trendMs;
    return { nextHour: (recent * HOUR_MS) / trendMs, slices: starts.map(() => perSlice), sliceMs, baseline: null, trend: 1, recent, weeksUsed: 0 };
  }
  const mean = async (from: number, to: number) =>
    (await Promise.all(shifts.map((s) => count(from - s, to - s)))).reduce((a, b) => a + b, 0) / shifts.length;
  const [baseline, recentBaseline, ...sliceBaselines] = await Promise.all([
    mean(now, now + HOUR_MS),
    mean(now - trendMs, now),
    ...starts.map((t) => mean(t, t + sliceMs)),
  ]);
  const trend = trendOf(recent, recentBaseline!, minTrend, maxTrend);
  return {
    nextHour: baseline! * trend,
    slices: sliceBaselines.map((b) => b * trend),
    sliceMs,
    baseline: baseline!,
    trend,
    recent,
    weeksUsed: shifts.length,
  };
}

/**
 * actual / expected, clamped. Half an arrival is added to both so a quiet hour (1 instead of
 * an expected 0.25) reads as "a little busier", not "four times busier".
 */
export function trendOf(actual: number, expected: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, (actual + 0.5) / (expected + 0.5)));
}
