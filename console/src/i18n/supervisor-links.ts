/**
 * The supervisor view's word shown outside its page (the top bar): a table of its own so
 * the inbox's first load does not carry the page's table.
 */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = { nav: 'Live' };

const zh: typeof en = { nav: '实时' };

export const supervisorLinksText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
