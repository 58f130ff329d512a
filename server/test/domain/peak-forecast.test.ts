import { describe, expect, it } from 'vitest';
import { forecastArrivals, HOUR_MS, trendOf, WEEK_MS } from '../../src/domain/supervisor/forecast.js';
import { predictWait } from '../../src/domain/supervisor/predicted-wait.js';

/** Arrivals at a steady `perHour` for every hour before `busyFrom`, then `busyPerHour`. */
function history(perHour: number, busyFrom = Infinity, busyPerHour = perHour) {
  return async (from: number, to: number) => {
    let n = 0;
    for (let t = from; t < to; t += HOUR_MS / perHour) n += t >= busyFrom ? busyPerHour / perHour : 1;
    return Math.round(n);
  };
}

describe('peak forecast (domain, explicit clock)', () => {
  const now = 10 * WEEK_MS;

  it('is the mean of the same hour in the last weeks when today runs as usual', async () => {
    const f = await forecastArrivals(history(40), now, 0);
    expect(f.weeksUsed).toBe(4);
    expect(f.baseline).toBe(40);
    expect(f.nextHour).toBeCloseTo(40, 0);
    expect(f.slices).toHaveLength(8);
  });

  it('follows a busier day by the recent trend, clamped', async () => {
    const busier = await forecastArrivals(history(40, now - 2 * HOUR_MS, 80), now, 0);
    expect(busier.trend).toBeCloseTo(2, 1);
    expect(busier.nextHour).toBeCloseTo(80, -1);
    const wild = await forecastArrivals(history(1, now - 2 * HOUR_MS, 1000), now, 0, {
      weeks: 4, trendMs: HOUR_MS, minTrend: 0.5, maxTrend: 3, sliceMs: HOUR_MS / 4, slices: 4,
    });
    expect(wild.trend).toBe(3);
    expect(trendOf(0, 100, 0.5, 3)).toBe(0.5);
  });

  it('uses only weeks after the site started, and the recent rate without any', async () => {
    expect((await forecastArrivals(history(40), now, now - 2 * WEEK_MS)).weeksUsed).toBe(1);
    const fresh = await forecastArrivals(history(30), now, now - HOUR_MS);
    expect(fresh.weeksUsed).toBe(0);
    expect(fresh.nextHour).toBeCloseTo(30, 0);
  });
});

describe('predicted wait (fluid model)', () => {
  const calm = { queued: 0, slots: 20, freeSlots: 10, handleSeconds: 600, sliceMs: 15 * 60_000 };

  it('is zero while arrivals fit the slots', () => {
    const w = predictWait({ ...calm, arrivals: [20, 20, 20, 20] }, 180);
    expect(w).toEqual({ nowSeconds: 0, peakSeconds: 0, breachInMs: null });
  });

  it('sees the backlog coming when arrivals outrun the slots', () => {
    // 20 slots / 600 s = 120 an hour at most; 240 an hour fills the free slots, then waits grow.
    const w = predictWait({ ...calm, arrivals: [60, 60, 60, 60] }, 180);
    expect(w.nowSeconds).toBe(0);
    expect(w.breachInMs).toBeGreaterThan(0);
    expect(w.peakSeconds).toBeGreaterThan(180);
  });

  it('counts the queue already there, and nobody online as no answer', () => {
    expect(predictWait({ ...calm, queued: 16, freeSlots: 0, arrivals: [0] }, 180).nowSeconds).toBe(480);
    expect(predictWait({ ...calm, slots: 0, freeSlots: 0, queued: 1, arrivals: [0] }, 180)).toEqual({
      nowSeconds: null, peakSeconds: null, breachInMs: 0,
    });
  });
});
