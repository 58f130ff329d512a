import { describe, expect, it } from 'vitest';
import { queryKeys, searchKeys, tokenize } from '../../src/domain/search/tokenize.js';

describe('search tokenizer', () => {
  it('splits English into folded words and drops punctuation', () => {
    expect(tokenize('Where is my ORDER? It’s late!')).toEqual(['where', 'is', 'my', 'order', 'it’s', 'late']);
  });

  it('gives Chinese dictionary words plus every bigram of the run', () => {
    const tokens = tokenize('我的快递到哪了');
    expect(tokens).toContain('快递');
    for (const bigram of ['我的', '的快', '快递', '递到', '到哪', '哪了']) expect(tokens).toContain(bigram);
  });

  it('finds a document by any query whose keys are a subset of the document keys', () => {
    const doc = new Set(searchKeys('您好，退款已经在处理了，请留意 Alipay 通知'));
    for (const q of ['退款', '款已', 'alipay', '处理']) {
      const keys = queryKeys(q);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((k) => doc.has(k))).toBe(true);
    }
    expect(queryKeys('快递').every((k) => doc.has(k))).toBe(false);
  });

  it('keeps a lone CJK character so a one-character query still has a key', () => {
    expect(queryKeys('退')).toEqual(['退']);
    expect(searchKeys('退 货')).toEqual(expect.arrayContaining(['退', '货']));
  });

  it('folds full-width letters and digits (NFKC)', () => {
    expect(tokenize('ＯＲＤＥＲ １２３')).toEqual(['order', '123']);
  });

  it('drops pasted blobs longer than a word', () => {
    expect(tokenize('x'.repeat(41) + ' ok')).toEqual(['ok']);
  });
});
