/**
 * Local days and hours of a time range in an IANA time zone, from UTC offsets sampled once per
 * hour (zones change offset on a UTC hour boundary; the rare half-hour shift is off by one
 * slot for that night). The store groups by 15-minute slot (`createdQuarter`), and every
 * offset is a whole number of quarters, so a slot lies in exactly one local hour and day.
 */
const QUARTER = 900_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(tz, f);
  }
  return f;
}

/** Whether the runtime knows the zone (checked before a query uses it). */
export function isTimeZone(tz: string): boolean {
  try {
    format(tz);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock time minus UTC at `at`, ms. */
export function offsetAt(tz: string, at: number): number {
  const p = Object.fromEntries(format(tz).formatToParts(at).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return local - Math.floor(at / 60_000) * 60_000;
}

export interface LocalCalendar {
  /** The slot each local day starts at (ascending); day i covers [quarters[i], quarters[i+1]). */
  dayQuarters: number[];
  /** 'YYYY-MM-DD' of each day. */
  days: string[];
  /** Weekday (0 = Monday) and hour of a slot. */
  slot(quarter: number): { weekday: number; hour: number };
}

/**
 * The offset of every hour of [from, to): sampled once a day, and where two samples differ
 * (a DST change) the changing hour is found by bisection. A year costs ~400 Intl calls, not 8,784.
 */
function hourlyOffsets(tz: string, from: number, to: number): (hour: number) => number {
  const first = Math.floor(from / HOUR);
  const last = Math.ceil(to / HOUR);
  const changes: { hour: number; offset: number }[] = [{ hour: first, offset: offsetAt(tz, first * HOUR) }];
  for (let h = first + 24; h < last + 24; h += 24) {
    const prev = changes[changes.length - 1]!;
    const end = Math.min(h, last);
    const offset = offsetAt(tz, end * HOUR);
    if (offset === prev.offset) continue;
    let lo = Math.max(prev.hour, end - 24);
    let hi = end;
    // Invariant: offset at lo is prev.offset, at hi the new one.
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (offsetAt(tz, mid * HOUR) === prev.offset) lo = mid;
      else hi = mid;
    }
    changes.push({ hour: hi, offset });
  }
  return (hour) => {
    let o = changes[0]!.offset;
    for (const c of changes) if (c.hour <= hour) o = c.offset;
    return o;
  };
}

export function localCalendar(tz: string, from: number, to: number): LocalCalendar {
  const offsetOfHour = hourlyOffsets(tz, from, to);
  const localDay = (at: number) => Math.floor((at + offsetOfHour(Math.floor(at / HOUR))) / DAY);
  const dayQuarters: number[] = [];
  const days: string[] = [];
  let last: number | null = null;
  for (let q = Math.floor(from / QUARTER); q * QUARTER < to; q++) {
    const day = localDay(Math.max(q * QUARTER, from));
    if (day !== last) {
      dayQuarters.push(q);
      days.push(new Date(day * DAY).toISOString().slice(0, 10));
      last = day;
    }
  }
  return {
    dayQuarters,
    days,
    slot(quarter) {
      const at = quarter * QUARTER;
      const local = at + offsetOfHour(Math.floor(at / HOUR));
      const day = Math.floor(local / DAY);
      return { weekday: (((day + 3) % 7) + 7) % 7, hour: Math.floor((local - day * DAY) / HOUR) };
    },
  };
}
