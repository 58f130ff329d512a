/** The knowledge-base page's one word outside it (the top bar): its own table, so the inbox's first load does not carry the page's. */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = { nav: 'Knowledge base' };
const zh: typeof en = { nav: '知识库' };

export const kbAdminLinksText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
