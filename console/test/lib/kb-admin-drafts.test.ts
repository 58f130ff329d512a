import type { ArticleCandidate, UnansweredQuestion } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { draftFromCandidate, draftFromQuestion, inputOf } from '../../src/ui/kb-admin/article-draft.js';

/** Issue 13: "make an article" prefills the editor so that saving takes the question off its list. */
describe('knowledge-base editor drafts', () => {
  it('an unanswered question becomes the title and an alternative question, in its own language', () => {
    const q: UnansweredQuestion = { text: '可以开发票吗', count: 3, lastAt: 1 };
    const draft = draftFromQuestion(q);
    expect(draft).toMatchObject({ title: '可以开发票吗', questions: '可以开发票吗', locale: 'zh', body: '' });
    expect(draft.id).toBeUndefined();
  });

  it('a mined candidate brings its wordings as alternative questions and the agent\'s answer as the body', () => {
    const c: ArticleCandidate = { id: 's:1', question: 'Can I change my address?', alternatives: ['change delivery address'], answer: 'Yes, until it ships.', count: 2, lastAt: 1 };
    const input = inputOf(draftFromCandidate(c));
    expect(input).toEqual({ title: 'Can I change my address?', body: 'Yes, until it ships.', locale: 'en', tags: [], questions: ['Can I change my address?', 'change delivery address'] });
  });

  it('splits tags on either comma and questions on lines, dropping blanks', () => {
    const input = inputOf({ title: ' Returns ', body: 'x', locale: 'en', tags: 'returns, 退货，refund,', questions: 'a\n\n b \n' });
    expect(input).toMatchObject({ title: 'Returns', tags: ['returns', '退货', 'refund'], questions: ['a', 'b'] });
  });
});
