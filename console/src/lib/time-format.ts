/**
 * Dates, times, durations and money in the console's language (i18n/locale.ts). Each takes
 * the locale last, defaulting to the console's, so tests can pin one.
 */
import { consoleLocale, intlLocale, type ConsoleLocale } from '../i18n/locale.js';

const UNITS = {
  en: { now: 'now', s: 's', m: 'm', h: 'h', d: 'd', gap: ' ' },
  zh: { now: '刚刚', s: '秒', m: '分钟', h: '小时', d: '天', gap: '' },
} satisfies Record<ConsoleLocale, Record<string, string>>;

/** Short, calm time labels for dense lists: "now", "4m", "2h 5m", "3d" (zh: "刚刚", "4分钟", "2小时5分钟", "3天"). */
export function shortDuration(ms: number, locale: ConsoleLocale = consoleLocale()): string {
  const u = UNITS[locale];
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 45) return s < 5 ? u.now : `${s}${u.s}`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m}${u.m}`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}${u.h}${u.gap}${m % 60}${u.m}` : `${h}${u.h}`;
  return `${Math.floor(h / 24)}${u.d}`;
}

/** "14:05" today, "Mon 14:05" this week, else "12 Mar 14:05" (zh: "周一 14:05", "3月12日 14:05"). */
export function clockTime(at: number, now: number, locale: ConsoleLocale = consoleLocale()): string {
  const tag = intlLocale(locale);
  const date = new Date(at);
  const time = date.toLocaleTimeString(tag, { hour: '2-digit', minute: '2-digit' });
  const sameDay = new Date(now).toDateString() === date.toDateString();
  if (sameDay) return time;
  if (now - at < 6 * 24 * 3600_000) return `${date.toLocaleDateString(tag, { weekday: 'short' })} ${time}`;
  return `${date.toLocaleDateString(tag, { day: 'numeric', month: 'short' })} ${time}`;
}

export function fullDate(at: number, locale: ConsoleLocale = consoleLocale()): string {
  return new Date(at).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
}

export function money(amount: number | undefined, currency: string | undefined, locale: ConsoleLocale = consoleLocale()): string {
  if (amount === undefined) return '';
  if (!currency) return amount.toLocaleString(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Counts in running text ("1,234" / "1,234"), grouped the locale's way. */
export const count = (n: number, locale: ConsoleLocale = consoleLocale()): string => n.toLocaleString(intlLocale(locale));
