/** Agent assist's words (issue 13), in English and Chinese; the locale follows consoleLocale(). */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  title: 'Suggested articles and replies',
  insert: 'Insert',
  hint: 'Alt+I inserts the first one',
  failed: 'Could not load the article.',
  label: (title: string) => `Insert the article “${title}” into the reply`,
  cannedLabel: (title: string) => `Insert the canned reply “${title}” into the reply`,
  /** The top bar's link to the knowledge-base admin page (its own words are in kb-admin.ts). */
  nav: 'Knowledge base',
};

const zh: typeof en = {
  title: '推荐文章和快捷回复',
  insert: '插入',
  hint: 'Alt+I 插入第一篇',
  failed: '无法加载该文章。',
  label: (title) => `将文章“${title}”插入回复`,
  cannedLabel: (title) => `将快捷回复“${title}”插入回复`,
  nav: '知识库',
};

export const kbText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
