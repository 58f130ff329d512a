/** The NPS question's strings (issue 15 leftovers): they load with the ended card's lazy chunk. */
import type { Strings } from './catalogue';

export const NPS = {
  ask: ['How likely are you to recommend us?', '您向朋友推荐我们的可能性有多大?'],
  low: ['Not at all likely', '完全不可能'],
  high: ['Extremely likely', '非常可能'],
  score: ['{n} of 10', '{n} 分（满分 10 分）'],
  thanks: ['Thank you!', '谢谢！'],
  failed: ['Could not send it. Try again.', '发送失败，请重试。'],
} satisfies Strings;
