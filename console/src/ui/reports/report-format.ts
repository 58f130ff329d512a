/**
 * Figures as a person reads them, in the console's language through Intl: durations in the
 * largest unit that keeps them short, shares as percents, "—" where there was nothing to divide.
 */
import { consoleLocale, intlLocale, type ConsoleLocale } from '../../i18n/locale.js';

const NONE = '—';

const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day', locale: ConsoleLocale) =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);

export function duration(ms: number | null | undefined, locale: ConsoleLocale = consoleLocale()): string {
  if (ms === null || ms === undefined) return NONE;
  const s = ms / 1000;
  if (s < 60) return unit(s, 'second', locale);
  if (s < 3600) return unit(s / 60, 'minute', locale);
  if (s < 48 * 3600) return unit(s / 3600, 'hour', locale);
  return unit(s / 86_400, 'day', locale);
}

export function percent(share: number | null | undefined, locale: ConsoleLocale = consoleLocale()): string {
  if (share === null || share === undefined) return NONE;
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function number(n: number | null | undefined, locale: ConsoleLocale = consoleLocale(), digits = 0): string {
  if (n === null || n === undefined) return NONE;
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(n);
}

/** NPS runs from -100 to 100: the sign is part of the figure. */
export function score(n: number | null | undefined, locale: ConsoleLocale = consoleLocale()): string {
  if (n === null || n === undefined) return NONE;
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(n);
}

export function dateTime(at: number | null | undefined, locale: ConsoleLocale = consoleLocale()): string {
  if (at === null || at === undefined) return NONE;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** Weekday names Monday first (the heatmap's rows), in the console's language. */
export function weekdays(locale: ConsoleLocale = consoleLocale()): string[] {
  const fmt = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short', timeZone: 'UTC' });
  // 1 Jan 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(Date.UTC(2024, 0, 1 + i)));
}

/** "14:00–15:00" for an hour of the day. */
export function hourSpan(hour: number): string {
  const pad = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${pad(hour)}–${pad(hour + 1)}`;
}
