import type { BusinessHours } from '@counter/shared';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, f);
  }
  return f;
}

/** Whether `at` falls in one of the weekly slots, in the site's time zone. null: always open. */
export function isOpen(hours: BusinessHours | null, at: number): boolean {
  if (!hours) return true;
  const parts = Object.fromEntries(format(hours.timezone).formatToParts(at).map((p) => [p.type, p.value]));
  const day = WEEKDAYS.indexOf(parts.weekday ?? '');
  const time = `${parts.hour}:${parts.minute}`;
  return hours.slots.some((slot) => slot.day === day && slot.open <= time && time < slot.close);
}
