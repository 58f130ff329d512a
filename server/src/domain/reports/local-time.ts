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

export function localCalendar(tz: string, from: number, to: number): LocalCalendar {
  const offsets = new Map<number, number>();
  const offsetOfHour = (hour: number) => {
    let o = offsets.get(hour);
    if (o === undefined) {
      o = offsetAt(tz, hour * HOUR);
      offsets.set(hour, o);
    }
    return o;
  };
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
