/** The forecast benchmark's two measurements: next-hour MAPE and the sale-day replay. */
import { forecastArrivals, HOUR_MS } from '../../src/domain/supervisor/forecast.js';
import { predictWait } from '../../src/domain/supervisor/predicted-wait.js';
import { arrivals, counter, DAY_MS, random, SCENARIO, type Scenario } from './traffic.js';

export const MAPE_BUDGET = 0.25;
export const LEAD_BUDGET_MS = 15 * 60_000;
/** Hours quieter than this are left out of MAPE (a percentage of 2 arrivals says nothing). */
export const MAPE_MIN_ARRIVALS = 10;

/**
 * Next-hour forecasts made at the top of every hour of the last 14 normal days (each from
 * the arrivals before it only), against what came.
 */
export async function measureMape(s: Scenario = SCENARIO) {
  const times = arrivals(s);
  const { count, until } = counter(times);
  let sumApe = 0;
  let n = 0;
  let absErr = 0;
  let total = 0;
  const lastDay = s.saleDay ?? s.days;
  for (let t = s.start + (lastDay - 14) * DAY_MS; t < s.start + lastDay * DAY_MS; t += HOUR_MS) {
    const f = await forecastArrivals(until(t), t, s.start);
    const actual = await count(t, t + HOUR_MS);
    absErr += Math.abs(f.nextHour - actual);
    total += actual;
    if (actual < MAPE_MIN_ARRIVALS) continue;
    sumApe += Math.abs(f.nextHour - actual) / actual;
    n++;
  }
  return { mape: sumApe / n, hours: n, wape: absErr / total };
}

export interface ReplayOptions {
  agents: number;
  capacity: number;
  handleSeconds: number;
  targetSeconds: number;
}

export const REPLAY: ReplayOptions = { agents: 5, capacity: 4, handleSeconds: 600, targetSeconds: 180 };

/**
 * Minute by minute over one day: chats arrive as generated, FIFO into `agents × capacity`
 * slots, each held chat ends with probability 1/handle per second (exponential handling).
 * At every minute the supervisor view's forecast and predicted wait are computed from what
 * is known then. Returns when the warning first fired, when the predicted wait for a
 * newcomer first exceeded the target, and when a shopper actually first waited longer.
 */
export async function replayDay(day: number, s: Scenario = SCENARIO, o: ReplayOptions = REPLAY) {
  const times = arrivals(s);
  const { until } = counter(times);
  const rnd = random(99 + day);
  const dayStart = s.start + day * DAY_MS;
  const slots = o.agents * o.capacity;
  const queue: number[] = [];
  let held = 0;
  let next = times.findIndex((t) => t >= dayStart);
  let warnedAt: number | null = null;
  let predictedOverAt: number | null = null;
  let actualOverAt: number | null = null;
  let warnings = 0;
  const endProbability = 1 - Math.exp(-60 / o.handleSeconds);
  for (let now = dayStart; now < dayStart + DAY_MS; now += 60_000) {
    while (next < times.length && times[next]! < now) queue.push(times[next++]!);
    let ended = 0;
    for (let i = 0; i < held; i++) if (rnd() < endProbability) ended++;
    held -= ended;
    while (held < slots && queue.length) {
      queue.shift();
      held++;
    }
    if (actualOverAt === null && queue.length && now - queue[0]! > o.targetSeconds * 1000) actualOverAt = now;
    const f = await forecastArrivals(until(now), now, s.start);
    const wait = predictWait(
      { queued: queue.length, slots, freeSlots: slots - held, handleSeconds: o.handleSeconds, arrivals: f.slices, sliceMs: f.sliceMs },
      o.targetSeconds,
    );
    if (wait.breachInMs !== null) {
      warnings++;
      warnedAt ??= now;
    }
    if (predictedOverAt === null && (wait.nowSeconds ?? Infinity) > o.targetSeconds) predictedOverAt = now;
  }
  return { warnedAt, predictedOverAt, actualOverAt, warningMinutes: warnings };
}
