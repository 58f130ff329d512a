/** Words shown while a lazy part of the console (a page, a dialog, a picker) is fetched. */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  loading: 'Loading…',
  failed: 'This part of the console could not be loaded. Check the connection and try again.',
  retry: 'Retry',
};

const zh: typeof en = {
  loading: '加载中…',
  failed: '无法加载控制台的这一部分。请检查网络连接后重试。',
  retry: '重试',
};

export type LazyPartText = typeof en;

export const lazyPartText = (locale: ConsoleLocale = consoleLocale()): LazyPartText => (locale === 'zh' ? zh : en);
