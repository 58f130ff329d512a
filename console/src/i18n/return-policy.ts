/** The return policy editor's words (issue 12 leftovers), in English and Chinese; the locale follows consoleLocale(). */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  title: 'Return policy',
  intro: 'The reasons a shopper picks from when they start a return. A quality problem gets a reply target that the shopper and your agents see counting down.',
  reasons: 'Reasons',
  id: 'Id',
  english: 'English',
  chinese: 'Chinese',
  quality: 'Quality problem',
  remove: 'Remove',
  add: 'Add a reason',
  hours: 'Reply to a quality problem within (hours)',
  save: 'Save return policy',
  saved: 'Return policy saved.',
  /** Row n (from 1) of the reasons, for the inputs' names. */
  row: (n: number) => `Reason ${n}`,
  errors: {
    none: 'Keep at least one reason.',
    many: 'At most 20 reasons.',
    id: (n: number) => `Reason ${n}: the id is 1 to 40 small letters, digits, - or _.`,
    twice: (id: string) => `Two reasons have the id “${id}”.`,
    label: (n: number) => `Reason ${n}: the English label is required (at most 100 characters).`,
    zh: (n: number) => `Reason ${n}: the Chinese label is at most 100 characters.`,
    hours: 'The reply time is a whole number of hours from 1 to 720.',
  },
};

const zh: typeof en = {
  title: '退货政策',
  intro: '顾客申请退货时可选的原因。标为质量问题的原因有回复时限，顾客和客服都会看到倒计时。',
  reasons: '原因',
  id: '编号',
  english: '英文',
  chinese: '中文',
  quality: '质量问题',
  remove: '删除',
  add: '添加原因',
  hours: '质量问题须在多少小时内回复',
  save: '保存退货政策',
  saved: '退货政策已保存。',
  row: (n) => `原因 ${n}`,
  errors: {
    none: '至少保留一个原因。',
    many: '最多 20 个原因。',
    id: (n) => `原因 ${n}：编号为 1 到 40 个小写字母、数字、- 或 _。`,
    twice: (id) => `有两个原因的编号都是“${id}”。`,
    label: (n) => `原因 ${n}：英文名称必填（最多 100 个字符）。`,
    zh: (n) => `原因 ${n}：中文名称最多 100 个字符。`,
    hours: '回复时限为 1 到 720 之间的整数小时。',
  },
};

export const returnPolicyText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
