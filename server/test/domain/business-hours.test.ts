import { describe, expect, it } from 'vitest';
import { isOpen } from '../../src/domain/business-hours.js';

describe('business hours', () => {
  const weekdays = { timezone: 'Asia/Shanghai', slots: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })) };

  it('is always open without hours', () => {
    expect(isOpen(null, Date.UTC(2026, 0, 1, 3))).toBe(true);
  });

  it("uses the site's time zone, not the server's", () => {
    // Monday 2026-11-23 01:30 UTC = 09:30 in Shanghai: open.
    expect(isOpen(weekdays, Date.UTC(2026, 10, 23, 1, 30))).toBe(true);
    // Monday 00:30 UTC = 08:30 in Shanghai: not yet.
    expect(isOpen(weekdays, Date.UTC(2026, 10, 23, 0, 30))).toBe(false);
    // 18:00 sharp is closed (close is exclusive).
    expect(isOpen(weekdays, Date.UTC(2026, 10, 23, 10, 0))).toBe(false);
    // Saturday 2026-11-28 03:00 UTC = 11:00 in Shanghai, but no Saturday slot.
    expect(isOpen(weekdays, Date.UTC(2026, 10, 28, 3, 0))).toBe(false);
  });
});
