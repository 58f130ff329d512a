/** The site's NPS question setting (issue 15 leftovers), in English and Chinese; the locale follows consoleLocale(). */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  title: 'Ratings',
  ask: 'After the rating, ask shoppers “How likely are you to recommend us?” (0–10)',
  hint: 'The answers make the NPS figure in Reports: promoters (9–10) minus detractors (0–6).',
  save: 'Save',
  saved: 'Saved.',
};

const zh: typeof en = {
  title: '评价',
  ask: '评价之后询问顾客“您向朋友推荐我们的可能性有多大?”（0–10 分）',
  hint: '答案计入报表中的 NPS：推荐者（9–10 分）减去贬损者（0–6 分）。',
  save: '保存',
  saved: '已保存。',
};

export const npsText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
