import { describe, expect, it } from 'vitest';
import { localCalendar } from '../../src/domain/reports/local-time.js';

/** Reports group by 15-minute slot; local days and hours must hold across a DST change. */
describe('report calendar in a time zone', () => {
  it('gives a 23-hour day on the spring change in Berlin and the right local hour on each side', () => {
    // Sat 28 Mar 2026 00:00 CET (UTC+1) to Tue 31 Mar 00:00 CEST (UTC+2).
    const from = Date.UTC(2026, 2, 27, 23);
    const to = Date.UTC(2026, 2, 30, 22);
    const cal = localCalendar('Europe/Berlin', from, to);
    expect(cal.days).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    const q = (utc: number) => Math.floor(utc / 900_000);
    expect(cal.dayQuarters).toEqual([q(from), q(Date.UTC(2026, 2, 28, 23)), q(Date.UTC(2026, 2, 29, 22))]);
    // Sunday 01:30 UTC = 03:30 CEST (after the change at 01:00 UTC); Saturday 12:00 UTC = 13:00 CET.
    expect(cal.slot(q(Date.UTC(2026, 2, 29, 1, 30)))).toEqual({ weekday: 6, hour: 3 });
    expect(cal.slot(q(Date.UTC(2026, 2, 28, 12)))).toEqual({ weekday: 5, hour: 13 });
  });

  it('puts 23:50 in Shanghai on its own local day, not the UTC one', () => {
    const from = Date.UTC(2026, 2, 1, 16);
    const cal = localCalendar('Asia/Shanghai', from, from + 2 * 86_400_000);
    expect(cal.days).toEqual(['2026-03-02', '2026-03-03']);
    expect(cal.slot(Math.floor((from + 23 * 3_600_000 + 50 * 60_000) / 900_000))).toEqual({ weekday: 0, hour: 23 });
  });
});
