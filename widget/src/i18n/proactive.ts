/** The proactive bubble's own words (the message itself is the merchant's, per language). */
import type { Locale } from '@counter/shared';

export const proactiveText: Record<Locale, { dismiss: string }> = {
  en: { dismiss: 'Dismiss' },
  zh: { dismiss: '关闭提示' },
};
