import { describe, expect, it } from 'vitest';
import { queryKeys } from '../../src/domain/search/tokenize.js';
import { matchRanges, snippetOf } from '../../src/domain/search/snippet.js';

describe('search snippets', () => {
  it('highlights a Chinese query in the line that matched', () => {
    expect(snippetOf('你好\n我的快递到哪了', queryKeys('快递'))).toEqual({ snippet: '我的快递到哪了', highlights: [[2, 4]] });
  });

  it('maps folded matches back to the text as written (case, full-width)', () => {
    expect(matchRanges('Where is my ＯＲＤＥＲ?', queryKeys('order'))).toEqual([[12, 17]]);
    expect(matchRanges('Refund, refund', ['refund'])).toEqual([[0, 6], [8, 14]]);
  });

  it('merges overlapping bigrams into one highlight', () => {
    expect(snippetOf('快递到哪了', queryKeys('快递到')).highlights).toEqual([[0, 3]]);
  });

  it('cuts a long line around its first match, offsets following the cut', () => {
    const line = `${'a '.repeat(200)}refund ${'b '.repeat(200)}`;
    const { snippet, highlights } = snippetOf(line, ['refund']);
    expect(snippet.length).toBeLessThanOrEqual(162);
    expect(snippet.startsWith('…')).toBe(true);
    const [[s, e]] = highlights as [[number, number]];
    expect(snippet.slice(s, e)).toBe('refund');
  });
});
