/** The limits editor's currency choice (issue 12): its own table, so the Sites page does not share a chunk with the returns card. */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = { limitsCurrency: 'Currency of the amounts' };
const zh: typeof en = { limitsCurrency: '金额币种' };

export const limitsCurrencyText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
