/** The console's emoji picker strings (issue 17, item 6). */
import type { EmojiGroupId } from '@counter/shared';
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  emoji: 'Emoji',
  groups: { smileys: 'Smileys', gestures: 'Gestures', symbols: 'Hearts and symbols', shopping: 'Shopping and delivery', things: 'Other' } as Record<EmojiGroupId, string>,
};

const zh: typeof en = {
  emoji: '表情',
  groups: { smileys: '笑脸', gestures: '手势', symbols: '爱心与符号', shopping: '购物与配送', things: '其他' },
};

export function emojiText(locale: ConsoleLocale = consoleLocale()): typeof en {
  return locale === 'zh' ? zh : en;
}
