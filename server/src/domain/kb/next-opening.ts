import type { BusinessHours } from '@counter/shared';
import { isOpen } from '../business-hours.js';

const STEP_MS = 15 * 60_000;
const WEEK_MS = 7 * 24 * 3600_000;

/**
 * When the site next opens after `at` (to the quarter hour), or null when it never does.
 * A scan of a week's quarter hours through isOpen (672 checks): the one definition of "open"
 * stays in business-hours.ts, time zones and daylight saving included.
 */
export function nextOpening(hours: BusinessHours | null, at: number): number | null {
  if (!hours) return null;
  const start = Math.ceil(at / STEP_MS) * STEP_MS;
  for (let t = start; t <= at + WEEK_MS; t += STEP_MS) if (isOpen(hours, t)) return t;
  return null;
}

/** "Mon 09:00" in the site's time zone and the shopper's language. */
export function formatOpening(at: number, hours: BusinessHours, locale: 'en' | 'zh'): string {
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: hours.timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
