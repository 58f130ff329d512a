/** Response targets (issue 14, item 4): the badge, the escalation notices and the site editor, in English and Chinese. */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  left: (time: string) => `${time} left to reply`,
  late: (time: string) => `Reply target missed ${time} ago`,
  kind: { first: 'first reply', next: 'next reply', async: 'follow-up' } as Record<string, string>,
  escalated: 'About to miss a reply target',
  escalatedBody: (who: string, kind: string, action: string) => `${who}: ${kind}. ${action}`,
  action: { notify: 'Nobody was moved.', offer: 'Offered to free agents.', move: 'Moved to a free agent.' } as Record<string, string>,
  offered: 'A conversation is offered to you',
  offeredBody: (kind: string) => `Its ${kind} is almost late. Take it?`,
  take: 'Take it',
  dismiss: 'Dismiss',
  takeFailed: 'Someone else took it.',
  open: 'Open',
  // The editor on the site page.
  title: 'Response targets',
  intro: 'How long a shopper may wait for a reply. Before a target is missed the conversation escalates; every miss is recorded for the reports.',
  vip: 'VIP shoppers (verified)',
  standard: 'Everyone else',
  firstSeconds: 'First reply (seconds)',
  nextSeconds: 'Next reply (seconds)',
  asyncSeconds: 'Left messages (seconds)',
  escalation: 'Before a miss',
  atPercent: 'Escalate at (% of the target)',
  actionNotify: 'Tell the supervisors',
  actionOffer: 'Offer it to free agents (and tell the supervisors)',
  actionMove: 'Move it to the least-busy free agent (and tell the supervisors)',
  save: 'Save targets',
  saved: 'Saved.',
  loading: 'Loading…',
};

const zh: typeof en = {
  left: (time) => `剩余 ${time} 回复`,
  late: (time) => `已超出回复时限 ${time}`,
  kind: { first: '首次回复', next: '后续回复', async: '留言跟进' },
  escalated: '即将超出回复时限',
  escalatedBody: (who, kind, action) => `${who}：${kind}。${action}`,
  action: { notify: '未转移。', offer: '已推送给空闲客服。', move: '已转给空闲客服。' },
  offered: '有一个会话推送给你',
  offeredBody: (kind) => `它的${kind}即将超时。要接手吗？`,
  take: '接手',
  dismiss: '忽略',
  takeFailed: '已被其他人接手。',
  open: '打开',
  title: '响应时限',
  intro: '顾客等待回复的最长时间。超时之前会话会升级处理；每次超时都会记录，用于报表。',
  vip: 'VIP 顾客（已验证）',
  standard: '其他顾客',
  firstSeconds: '首次回复（秒）',
  nextSeconds: '后续回复（秒）',
  asyncSeconds: '留言（秒）',
  escalation: '超时之前',
  atPercent: '升级时间点（时限的百分比）',
  actionNotify: '通知主管',
  actionOffer: '推送给空闲客服（并通知主管）',
  actionMove: '转给最空闲的客服（并通知主管）',
  save: '保存时限',
  saved: '已保存。',
  loading: '加载中…',
};

export type TargetsText = typeof en;

export const targetsText = (locale: ConsoleLocale = consoleLocale()): TargetsText => (locale === 'zh' ? zh : en);
