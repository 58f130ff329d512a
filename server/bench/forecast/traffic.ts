/**
 * A small deterministic traffic generator for the forecast benchmark: weeks of shopper
 * arrivals with a daily and weekly rhythm, Poisson noise, and a sale day whose evening
 * launch brings 6x the usual traffic. Seeded, so every run sees the same history.
 */
import { random } from '../../src/demo/traffic.js';
import { HOUR_MS } from '../../src/domain/supervisor/forecast.js';

export const DAY_MS = 24 * HOUR_MS;

/** The demo data's seeded generator: the same history on every machine. */
export { random };

function poisson(mean: number, rnd: () => number): number {
  // Knuth's method; means here stay small (per minute).
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
}

/** Arrivals per hour by hour of day: quiet nights, a late-morning hump, the evening peak. */
const DAILY = [8, 5, 3, 2, 2, 3, 6, 12, 22, 34, 42, 44, 38, 36, 38, 40, 40, 42, 48, 60, 72, 76, 60, 30];
/** Monday first: weekends are busier. */
const WEEKLY = [0.9, 0.92, 0.95, 0.95, 1.0, 1.2, 1.15];

export interface Scenario {
  /** Midnight (UTC) of the first day; a Monday. */
  start: number;
  days: number;
  /** Index of the sale day (0-based), or null. */
  saleDay: number | null;
  /** The sale's launch hour and how many times the usual traffic it brings at its height. */
  launchHour: number;
  spike: number;
  /** Traffic on the sale day before the launch, as a multiple of the usual. */
  saleWarmup: number;
}

export const SCENARIO: Scenario = {
  start: Date.UTC(2026, 9, 5), // a Monday
  days: 36,
  saleDay: 35,
  launchHour: 20,
  spike: 6,
  saleWarmup: 1.6,
};

/** The expected arrivals per hour at time t (before noise). */
export function rateAt(s: Scenario, t: number): number {
  const day = Math.floor((t - s.start) / DAY_MS);
  const hourOfDay = ((t - s.start) % DAY_MS) / HOUR_MS;
  const usual = DAILY[Math.floor(hourOfDay)]! * WEEKLY[day % 7]!;
  if (day !== s.saleDay) return usual;
  const sinceLaunch = hourOfDay - s.launchHour;
  if (sinceLaunch < 0) return usual * (hourOfDay >= 8 ? s.saleWarmup : 1);
  // The launch: up to `spike` over half an hour, held two hours, then easing off.
  const ramp = Math.min(1, sinceLaunch / 0.5);
  const ease = sinceLaunch > 2.5 ? Math.max(0, 1 - (sinceLaunch - 2.5)) : 1;
  return usual * (s.saleWarmup + (s.spike - s.saleWarmup) * ramp * ease);
}

/** Every arrival's time, sorted. */
export function arrivals(s: Scenario, seed = 15): number[] {
  const rnd = random(seed);
  const out: number[] = [];
  for (let t = s.start; t < s.start + s.days * DAY_MS; t += 60_000) {
    const n = poisson(rateAt(s, t) / 60, rnd);
    for (let i = 0; i < n; i++) out.push(t + Math.floor(rnd() * 60_000));
  }
  return out.sort((a, b) => a - b);
}

/** The store's count query over an in-memory history: arrivals in [from, to). */
export function counter(times: readonly number[]) {
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    count: (from: number, to: number) => Promise.resolve(lowerBound(to) - lowerBound(from)),
    /** Arrivals up to `now` only: the replay must not see the future. */
    until: (now: number) => (from: number, to: number) => Promise.resolve(lowerBound(Math.min(to, now)) - lowerBound(Math.min(from, now))),
  };
}
