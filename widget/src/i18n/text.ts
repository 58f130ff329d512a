/** Fills a catalogue string and formats times and waits for the shopper's locale. */
import type { Locale } from '@counter/shared';
import { CHAT, type ChatKey, type Strings } from './catalogue';

export type Vars = Record<string, string | number>;

/** A string of any of the catalogue's tables, in the locale, with `{name}` filled from vars. */
export function fill<K extends string>(table: Record<K, Strings[string]>, locale: Locale, key: K, vars?: Vars): string {
  const template = table[key][locale === 'zh' ? 1 : 0];
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : template;
}

export const text = (locale: Locale, key: ChatKey, vars?: Vars): string => fill(CHAT, locale, key, vars);

const BCP47: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withDate: boolean): Intl.DateTimeFormat {
  const key = locale + withDate;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(BCP47[locale], {
      hour: 'numeric',
      minute: '2-digit',
      ...(withDate && { month: 'short', day: 'numeric' }),
    });
    formats.set(key, f);
  }
  return f;
}

/** "3:05 PM" today, "Mar 2, 3:05 PM" before ("15:05", "3月2日 15:05" in Chinese). */
export function formatTime(locale: Locale, at: number, now = Date.now()): string {
  return formatter(locale, new Date(at).toDateString() !== new Date(now).toDateString()).format(at);
}

/** A wait or reply time in whole minutes ("3 min"), "under a minute" below 45 s. */
export function formatWait(locale: Locale, seconds: number): string {
  return seconds < 45 ? text(locale, 'underMin') : text(locale, 'min', { n: Math.round(seconds / 60) });
}
