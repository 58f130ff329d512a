/** The returns chunk's words and formats, in the shopper's language. */
import type { Locale } from '@counter/shared';
import { RETURNS, type ReturnsKey } from '../../../i18n/returns';
import { fill } from '../../../i18n/text';

const TAG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

export function returnsText(locale: Locale) {
  return {
    t: (key: ReturnsKey, n?: string | number) => fill(RETURNS, locale, key, { n: n ?? '' }),
    when: (at: number) => new Date(at).toLocaleString(TAG[locale], { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
    reason: (label: { en: string; zh?: string | undefined }) => (locale === 'zh' && label.zh) || label.en,
  };
}

export type ReturnsText = ReturnType<typeof returnsText>;
