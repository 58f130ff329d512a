/** The emoji picker's strings: they load with its lazy chunk (see catalogue.ts). */
import type { Strings } from './catalogue';

export const EMOJI = {
  smileys: ['Smileys', '笑脸'],
  gestures: ['Gestures', '手势'],
  symbols: ['Hearts and symbols', '爱心与符号'],
  shopping: ['Shopping and delivery', '购物与配送'],
  things: ['Other', '其他'],
} satisfies Strings;
