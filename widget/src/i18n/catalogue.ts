/**
 * Every string the shopper sees on the first render, in every language. The loader imports only
 * `launcherText` (tree-shaking leaves the rest out of its 1.5 KB); the chat reads the rest
 * through `text()` in i18n/text.ts, which fills `{name}`-style placeholders. Strings that only a
 * lazy part of the chat shows live beside it in this folder (leave-message.ts, ended.ts), so
 * they load with that part and not before.
 */
import type { Locale } from '@counter/shared';

/** The loader's few words, as tuples to keep widget.js small: [launcher, "unread"]. */
export const launcherText: Record<Locale, [string, string]> = {
  en: ['Chat with us', 'unread'],
  zh: ['在线咨询', '条未读'],
};

/** The host part's (loaded on intent): [frame title, the page's CSP blocks the chat]. */
export const hostText: Record<Locale, [string, string]> = {
  en: ['Chat', 'The chat cannot open on this page.'],
  zh: ['在线客服', '此页面无法打开在线客服。'],
};

/** The launcher's language: data-locale, else the browser's (the chat also weighs the site's default). */
export const launcherLocale = (script: HTMLScriptElement): Locale =>
  /^zh/i.test(script.dataset.locale || navigator.language) ? 'zh' : 'en';

/** Each string as [English, Simplified Chinese]: a translation sits next to its source. */
export type Strings = Record<string, readonly [en: string, zh: string]>;

export const CHAT = {
  title: ['Chat with us', '在线客服'],
  close: ['Close chat', '关闭聊天'],
  sound: ['Notification sound', '消息提示音'],
  greeting: ['Hi! How can we help you today?', '您好！请问有什么可以帮您？'],
  online: ['We are online', '客服在线'],
  replyIn: ['Typically replies in {t}', '通常在 {t} 内回复'],
  away: ['Nobody is online right now', '客服暂时不在线'],
  closed: ['We are closed right now', '现在不是营业时间'],
  queue: ['You are number {n} in line', '您排在第 {n} 位'],
  wait: ['about {t} wait', '预计等待 {t}'],
  helping: ['{name} is helping you', '{name} 正在为您服务'],
  support: ['Support', '客服'],
  you: ['You', '您'],
  min: ['{n} min', '{n} 分钟'],
  underMin: ['under a minute', '不到 1 分钟'],
  connecting: ['Connecting…', '正在连接…'],
  offline: ['You are offline. Messages will be sent when the connection is back.', '网络已断开，恢复后会自动发送消息。'],
  blocked: ['The chat is not available on this site.', '此网站无法使用在线客服。'],
  crowded: ['Open in too many tabs: close one, then reload.', '打开的标签页过多：请关闭一个后刷新。'],
  earlier: ['Show earlier messages', '查看更早的消息'],
  messages: ['Messages', '消息记录'],
  message: ['Message', '消息'],
  placeholder: ['Write a message…', '请输入消息…'],
  send: ['Send', '发送'],
  sending: ['Sending…', '发送中…'],
  sent: ['Sent', '已发送'],
  read: ['Read', '已读'],
  failed: ['Not sent', '发送失败'],
  retry: ['Retry', '重试'],
  typing: ['{name} is typing…', '{name} 正在输入…'],
  incoming: ['{name}: {text}', '{name}：{text}'],
  left: ['Thanks! We will reply to {email}.', '谢谢！我们会回复到 {email}。'],
  evAssigned: ['{name} joined the conversation', '{name} 已加入会话'],
  evTransferred: ['Transferred to {name}', '已转接给 {name}'],
  evResolved: ['The conversation was resolved', '会话已解决'],
  evReopened: ['The conversation was reopened', '会话已重新打开'],
  evRated: ['You rated {n} of 5', '您的评分：{n} 星'],
  // ---- attachments (issue 12 item 5)
  attach: ['Attach a photo or PDF', '添加照片或 PDF'],
} satisfies Strings;

export type ChatKey = keyof typeof CHAT;


/** data-locale wins; then the browser's languages; then the site's default. */
export function pickLocale(requested: string | null | undefined, languages: readonly string[], fallback: Locale): Locale {
  const all = [requested ?? '', ...languages].map((l) => l.toLowerCase());
  for (const l of all) {
    if (l.startsWith('zh')) return 'zh';
    if (l.startsWith('en')) return 'en';
  }
  return fallback;
}
