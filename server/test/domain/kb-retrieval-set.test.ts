import { describe, expect, it } from 'vitest';
import { measureRecall, TARGET_AT3 } from '../../bench/kb/measure.js';
import { ARTICLES } from '../../bench/kb/articles.js';
import { QUESTIONS } from '../../bench/kb/questions.js';

/** Issue 13, item 8: lexical recall@3 on the retrieval set stays at or above its target in CI. */
describe('knowledge-base retrieval set', () => {
  it('has 30 articles and at least 60 questions, half Chinese and half English', () => {
    expect(ARTICLES).toHaveLength(30);
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
    expect(QUESTIONS.filter((q) => q.lang === 'zh').length).toBe(QUESTIONS.filter((q) => q.lang === 'en').length);
  });

  it(`finds the expected article in the top 3 for at least ${TARGET_AT3} of the questions in each language`, () => {
    for (const row of measureRecall()) expect({ lang: row.lang, at3: row.at3 >= TARGET_AT3, misses: row.misses }).toMatchObject({ lang: row.lang, at3: true });
  });
});
