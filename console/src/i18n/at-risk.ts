/** The Live page's at-risk list by target due times (issue 15 leftovers), in English and Chinese; the locale follows consoleLocale(). */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  title: 'At risk of missing the response target',
  empty: 'Every shopper has an answer.',
  dueIn: (left: string) => `target in ${left}`,
  late: (over: string) => `target missed ${over} ago`,
};

const zh: typeof en = {
  title: '即将超出响应目标',
  empty: '所有顾客都已得到回复。',
  dueIn: (left) => `距目标还有 ${left}`,
  late: (over) => `已超出目标 ${over}`,
};

export const atRiskText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
