/**
 * The one Reports word shown outside the Reports page (the top bar): a table of its own so the
 * inbox's first load does not carry the Reports page's whole table (issue 15, like history-links).
 */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = { nav: 'Reports' };
const zh: typeof en = { nav: '报表' };

export const reportsLinksText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
