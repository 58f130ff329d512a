/** The editor's form, and the ways into it: a new article, an existing one, a question to answer. */
import type { Article, ArticleCandidate, ArticleId, Locale, UnansweredQuestion } from '@counter/shared';
import type { ArticleInput } from '../../api/kb-admin-api.js';

export interface ArticleDraft {
  /** Absent: a new article. */
  id?: ArticleId;
  title: string;
  body: string;
  locale: Locale;
  tags: string;
  questions: string;
}

/** The article's language is the question's: Chinese characters in it, or English (the two the KB knows). */
const localeOf = (text: string): Locale => (/[\u3400-\u9fff]/.test(text) ? 'zh' : 'en');

export const emptyDraft = (locale: Locale): ArticleDraft => ({ title: '', body: '', locale, tags: '', questions: '' });

export const draftOf = (a: Article): ArticleDraft => ({ id: a.id, title: a.title, body: a.body, locale: a.locale, tags: a.tags.join(', '), questions: a.questions.join('\n') });

/** The question becomes the title and an alternative question: saving it takes it off the list. */
export const draftFromQuestion = (q: UnansweredQuestion): ArticleDraft => ({ ...emptyDraft(localeOf(q.text)), title: q.text, questions: q.text });

export const draftFromCandidate = (c: ArticleCandidate): ArticleDraft => ({
  ...emptyDraft(localeOf(c.question)),
  title: c.question,
  body: c.answer,
  questions: [c.question, ...c.alternatives].join('\n'),
});

const list = (text: string, separator: RegExp) => text.split(separator).map((s) => s.trim()).filter(Boolean);

export const inputOf = (d: ArticleDraft): ArticleInput => ({
  title: d.title.trim(),
  body: d.body,
  locale: d.locale,
  tags: list(d.tags, /[,，]/),
  questions: list(d.questions, /\n/),
});
