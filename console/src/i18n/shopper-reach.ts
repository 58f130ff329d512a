/** What the console tells an agent about a shopper who is not in the chat (issue 17). */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  onReturn: 'Shopper left — they will see this when they return.',
  willEmail: 'Shopper left — your replies will be emailed to them.',
};

const zh: typeof en = {
  onReturn: '顾客已离开——他们回来时会看到您的回复。',
  willEmail: '顾客已离开——您的回复将通过邮件发送给他们。',
};

export function shopperReachText(locale: ConsoleLocale = consoleLocale()): typeof en {
  return locale === 'zh' ? zh : en;
}
