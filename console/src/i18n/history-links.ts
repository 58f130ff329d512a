/**
 * The two History words shown outside the History page (top bar, shopper panel): a table of
 * their own so the inbox's first load does not carry the History page's whole table (issue 16).
 */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  nav: 'History',
  allConversations: 'All conversations with this customer',
};

const zh: typeof en = {
  nav: '历史记录',
  allConversations: '与该顾客的全部对话',
};

export type HistoryLinksText = typeof en;

export const historyLinksText = (locale: ConsoleLocale = consoleLocale()): HistoryLinksText => (locale === 'zh' ? zh : en);
