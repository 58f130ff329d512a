/**
 * The console's language: the signed-in person's choice (kept on the server in their prefs),
 * else the browser's (the sign-in page, or before they chose). Text tables read it through
 * `consoleLocale()` while rendering; the App subscribes to `localeStore`, so a change
 * re-renders the whole console in the new language without losing what is on screen.
 */
import type { Locale } from '@counter/shared';
import { createStore } from 'zustand/vanilla';

export type ConsoleLocale = Locale;

export const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages ?? []);

/** Chinese for any zh-* browser, else English. */
export function browserLocale(languages: readonly string[] = browserLanguages()): ConsoleLocale {
  return languages[0]?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** null: nobody chose (signed out, or a person who never picked): follow the browser. */
export const localeStore = createStore<{ chosen: ConsoleLocale | null }>(() => ({ chosen: null }));

/** Given languages: what a browser with them would get (tests); else the console's language now. */
export function consoleLocale(languages?: readonly string[]): ConsoleLocale {
  if (languages) return browserLocale(languages);
  return localeStore.getState().chosen ?? browserLocale();
}

export function chooseLocale(chosen: ConsoleLocale | null): void {
  if (localeStore.getState().chosen !== chosen) localeStore.setState({ chosen });
  // Screen readers and CJK font selection follow the document's language.
  if (typeof document !== 'undefined') document.documentElement.lang = consoleLocale() === 'zh' ? 'zh-CN' : 'en';
}

/** The BCP 47 tag for Intl formatting of dates, times, numbers and money. */
export const intlLocale = (locale: ConsoleLocale = consoleLocale()): string => (locale === 'zh' ? 'zh-CN' : 'en');
