/** The conversation's topic picker (issue 14 item 2), in English and Chinese; the locale follows consoleLocale(). */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  label: 'Topic',
  none: 'No topic',
  failed: (reason: string) => `The topic was not changed: ${reason}`,
  // The Routing form's fields (Sites → a site → Routing).
  minValue: 'Min. cart value',
  anyValue: 'any',
  orderTopic: 'Bot: topic of order questions',
  keywords: 'Bot: keywords per topic (one line each, “Topic: word, word”)',
  keywordsHint: 'When the bot hands off, or answers with an article tagged with one of these words, a conversation without a topic gets it.',
};

const zh: typeof en = {
  label: '咨询类型',
  none: '未选择',
  failed: (reason) => `咨询类型未修改：${reason}`,
  minValue: '购物车最低金额',
  anyValue: '不限',
  orderTopic: '机器人：订单问题的咨询类型',
  keywords: '机器人：各咨询类型的关键词（每行一个，“类型: 词, 词”）',
  keywordsHint: '机器人转人工时，或用带有这些标签的文章回答时，尚无咨询类型的对话会被设为该类型。',
};

export const topicsText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
