/** The topic choice's words (issue 14 item 2): loaded with its chunk, never in the first render. */
import type { Strings } from './catalogue';

export const TOPICS = {
  ask: ['What can we help with?', '请选择咨询类型'],
  skip: ['Skip, just type', '跳过，直接输入'],
} satisfies Strings;
