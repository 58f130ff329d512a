/**
 * Words of the History page (issue 16), in English and Chinese, shaped like lib/order-text.ts
 * so the console's catalogue can take them over as they are.
 */
import type { ConversationStatus } from '@counter/shared';
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  title: 'History',
  shopperTitle: 'All conversations with this customer',
  search: 'Search messages',
  searchPlaceholder: 'Words in Chinese or English, e.g. 快递 or refund',
  searchButton: 'Search',
  status: 'Status',
  site: 'Site',
  agent: 'Agent',
  tag: 'Tag',
  rating: 'Rating',
  from: 'From',
  to: 'To',
  any: 'Any',
  clear: 'Clear filters',
  statusName: { waiting: 'Waiting', assigned: 'Open', resolved: 'Resolved' } satisfies Record<ConversationStatus, string>,
  stars: (n: number) => `${n} ★`,
  loading: 'Loading…',
  empty: 'No conversations match.',
  more: 'Load more',
  failed: 'Could not load the history. Try again.',
  retry: 'Retry',
  note: 'Note',
  shopper: 'Shopper',
  staff: 'Staff',
  system: 'System',
  anonymous: 'Anonymous shopper',
  results: (n: number) => (n === 1 ? '1 conversation' : `${n} conversations`),
  readOnly: 'Read-only transcript',
  openInInbox: 'Open in the inbox',
  close: 'Close',
  transcriptFailed: 'Could not load this conversation.',
  noMessages: 'No messages.',
  earlierOmitted: 'Earlier messages are not shown.',
};

const zh: typeof en = {
  title: '历史记录',
  shopperTitle: '与该顾客的全部对话',
  search: '搜索消息',
  searchPlaceholder: '中文或英文词语，例如 快递 或 refund',
  searchButton: '搜索',
  status: '状态',
  site: '店铺',
  agent: '客服',
  tag: '标签',
  rating: '评分',
  from: '开始日期',
  to: '结束日期',
  any: '全部',
  clear: '清除筛选',
  statusName: { waiting: '等待中', assigned: '进行中', resolved: '已解决' },
  stars: (n: number) => `${n} 星`,
  loading: '加载中…',
  empty: '没有符合条件的对话。',
  more: '加载更多',
  failed: '无法加载历史记录，请重试。',
  retry: '重试',
  note: '内部备注',
  shopper: '顾客',
  staff: '客服',
  system: '系统',
  anonymous: '匿名顾客',
  results: (n: number) => `${n} 个对话`,
  readOnly: '只读对话记录',
  openInInbox: '在收件箱中打开',
  close: '关闭',
  transcriptFailed: '无法加载此对话。',
  noMessages: '没有消息。',
  earlierOmitted: '更早的消息未显示。',
};

export type HistoryText = typeof en;

export const historyText = (locale: ConsoleLocale = consoleLocale()): HistoryText => (locale === 'zh' ? zh : en);
