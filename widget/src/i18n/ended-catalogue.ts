/**
 * The end-of-conversation card's strings (ui/Ended.tsx, a lazy chunk). A module of their own
 * because a bundler keeps a module whole in one chunk: in catalogue.ts they would weigh on
 * the first render, which must not grow. Same shape as catalogue.ts: [English, Chinese].
 */
import type { Locale } from '@counter/shared';
import { fill, type Vars } from './text';

const ENDED = {
  ended: ['This conversation has ended.', '本次会话已结束。'],
  rate: ['How was our service?', '您对本次服务满意吗？'],
  stars: ['{n} of 5', '{n} 星（满分 5 星）'],
  comment: ['Comment (optional)', '评价（选填）'],
  rateSend: ['Send rating', '提交评价'],
  rated: ['Thanks for your feedback!', '感谢您的评价！'],
  newChat: ['Start a new conversation', '开始新的会话'],
} satisfies Record<string, [string, string]>;

export type EndedKey = keyof typeof ENDED;

export const endedText = (locale: Locale, key: EndedKey, vars?: Vars): string => fill(ENDED[key][locale === 'zh' ? 1 : 0], vars);
