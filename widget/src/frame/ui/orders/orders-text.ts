/**
 * The order views' words (i18n/orders.ts, loaded with this chunk) and formats: money arrives
 * in minor units and is shown per locale and currency; dates per locale.
 */
import type { FulfilmentStatus, Locale, OrderStatus } from '@counter/shared';
import { ORDERS, type OrdersKey } from '../../../i18n/orders';
import { fill } from '../../../i18n/text';

const TAG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

export function ordersText(locale: Locale) {
  const t = (key: OrdersKey, n?: string | number) => fill(ORDERS, locale, key, { n: n ?? '' });
  return {
    t,
    status: (s: OrderStatus) => t(s),
    track: (s: FulfilmentStatus) => t(s === 'failed' ? 'deliveryFailed' : s),
    money(minor: number, currency: string) {
      const format = new Intl.NumberFormat(TAG[locale], { style: 'currency', currency });
      return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
    },
    date: (at: number) => new Date(at).toLocaleDateString(TAG[locale], { year: 'numeric', month: 'short', day: 'numeric' }),
    time: (at: number) => new Date(at).toLocaleString(TAG[locale], { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
  };
}

export type OrdersText = ReturnType<typeof ordersText>;
