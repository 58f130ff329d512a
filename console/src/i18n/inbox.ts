/** The working screen's lists: my conversations and the queue. */
import { consoleLocale, type ConsoleLocale } from './locale.js';

export const en = {
  listPane: 'Conversations',
  mine: 'Mine',
  queue: 'Queue',
  loading: 'Loading…',
  noConversations: 'No conversations yet.',
  goOnlineBefore: ' Go ',
  online: 'Online',
  goOnlineAfter: ' to receive new ones.',
  myConversations: 'My conversations',
  resolved: 'Resolved',
  waitingForYou: 'Waiting for your reply',
  unread: (n: number) => `${n} unread`,
  nobodyWaiting: 'Nobody is waiting.',
  waitingList: 'Waiting conversations',
  moreWaiting: (n: number) => `…and ${n} more waiting.`,
  lookFirst: 'Look before taking',
  position: (n: number) => `position ${n}`,
  waitingSince: 'Waiting since',
  take: 'Take',
  pick: 'Pick a conversation on the left.',
  moveBetween: ' move between conversations · ',
  showsShortcuts: ' shows every shortcut',
};

export const zh: typeof en = {
  listPane: '会话',
  mine: '我的',
  queue: '排队',
  loading: '加载中…',
  noConversations: '暂无会话。',
  goOnlineBefore: ' 切换为',
  online: '在线',
  goOnlineAfter: '即可接收新会话。',
  myConversations: '我的会话',
  resolved: '已解决',
  waitingForYou: '等待你回复',
  unread: (n) => `${n} 条未读`,
  nobodyWaiting: '没有顾客在排队。',
  waitingList: '排队中的会话',
  moreWaiting: (n) => `…还有 ${n} 位在排队。`,
  lookFirst: '先查看再接入',
  position: (n) => `第 ${n} 位`,
  waitingSince: '开始等待时间',
  take: '接入',
  pick: '从左侧选择一个会话。',
  moveBetween: ' 切换会话 · ',
  showsShortcuts: ' 查看全部快捷键',
};

export const inboxText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
