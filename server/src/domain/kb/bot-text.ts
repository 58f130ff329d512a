/** What the bot says, in the shopper's language (issue 13). */
import type { Locale } from '@counter/shared';

const en = {
  name: 'Assistant',
  answer: (title: string, summary: string) => `${title}\n\n${summary}\n\nDid this answer your question?`,
  noAnswer: "I couldn't find an answer to that. Would you like to talk to a person?",
  thanks: 'Glad it helped! The conversation is closed; write again any time.',
  sorry: 'Sorry about that. You can rephrase your question, or talk to a person.',
  handoff: 'A person will take over here. Please stay in the chat.',
  handoffLater: (when: string) => `Our team is away now and will answer from ${when}. We will reply here.`,
  order: (number: string, status: string) => `Your latest order ${number} is ${status}. Open it from "My orders" for tracking.`,
  note: (questions: string[], answered: string[], helped: boolean | null) =>
    `Bot handoff. Shopper asked: ${questions.map((q) => `“${q}”`).join('; ') || '(nothing)'}. ` +
    `Bot suggested: ${answered.join('; ') || '(no article)'}.` +
    (helped === false ? ' The shopper said it did not help.' : ''),
};

const zh: typeof en = {
  name: '智能助手',
  answer: (title, summary) => `${title}\n\n${summary}\n\n这个回答解决你的问题了吗？`,
  noAnswer: '抱歉，我没有找到答案。需要转人工客服吗？',
  thanks: '很高兴帮到你！本次对话已结束，有问题随时再来。',
  sorry: '抱歉没帮上忙。你可以换个说法再问，或者转人工客服。',
  handoff: '已为你转接人工客服，请稍候。',
  handoffLater: (when) => `客服现在不在线，将于 ${when} 起回复你，请留意本对话。`,
  order: (number, status) => `你最近的订单 ${number} 状态：${status}。可在"我的订单"中查看物流。`,
  note: en.note,
};

export const botText = (locale: Locale) => (locale === 'zh' ? zh : en);

const CJK = /[\p{Script=Han}]/u;
/** The language of a message: Chinese when it has Han characters, else the fallback. */
export const localeOf = (text: string, fallback: Locale): Locale => (CJK.test(text) ? 'zh' : fallback);

/**
 * Order-status questions the bot answers from the shop's orders, not from articles. Plain
 * patterns: the phrases shoppers use are few, and a miss only means an article answers.
 */
const ORDER_QUESTION = [
  /\bwhere'?s? (is )?my (order|parcel|package|delivery)\b/i,
  /\b(track|tracking)\b.*\border\b|\border\b.*\b(status|track)/i,
  /快递.*(到哪|在哪)|(订单|包裹).*(到哪|在哪|状态)|物流.*(到哪|查询)/,
];
export const isOrderQuestion = (text: string) => ORDER_QUESTION.some((p) => p.test(text));
