/**
 * The Reports page's date range as the server's query: presets and custom days are local
 * midnights (the "to" day counts whole, so the end is the next midnight, exclusive).
 */
import type { ReportQuery } from '@counter/shared';

export type RangePreset = 'today' | '7d' | '30d' | 'custom';

export interface RangeForm {
  preset: RangePreset;
  /** yyyy-mm-dd from <input type=date>, used when preset is custom. */
  from: string;
  to: string;
  siteId: string;
}

const DAYS: Record<Exclude<RangePreset, 'custom'>, number> = { today: 1, '7d': 7, '30d': 30 };

const midnight = (at: Date, addDays = 0) => new Date(at.getFullYear(), at.getMonth(), at.getDate() + addDays).getTime();

/** yyyy-mm-dd of a local day, for the date inputs. */
export function dayInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function initialRange(now: number): RangeForm {
  return { preset: '7d', from: dayInput(now - 6 * 86_400_000), to: dayInput(now), siteId: '' };
}

/** The browser's IANA zone: the heatmap and the daily trend follow the person reading them. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** null when a custom range is incomplete, reversed or longer than the server allows (a year). */
export function toReportQuery(form: RangeForm, now: number, tz = browserTimeZone()): ReportQuery | null {
  let from: number;
  let to: number;
  if (form.preset === 'custom') {
    const start = parseDay(form.from);
    const end = parseDay(form.to);
    if (!start || !end) return null;
    from = midnight(start);
    to = midnight(end, 1);
  } else {
    const today = new Date(now);
    from = midnight(today, 1 - DAYS[form.preset]);
    to = midnight(today, 1);
  }
  if (to <= from || to - from > 366 * 86_400_000) return null;
  return { from, to, tz, ...(form.siteId && { siteId: form.siteId }) };
}
