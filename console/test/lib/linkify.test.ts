// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from '../../src/lib/linkify.js';

describe('linkify', () => {
  it('links http(s) URLs only, leaving trailing punctuation outside', () => {
    expect(linkify('See https://shop.test/a?b=1. Or javascript:alert(1) or data:text/html,x')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://shop.test/a?b=1', href: 'https://shop.test/a?b=1' },
      { kind: 'text', text: '. Or javascript:alert(1) or data:text/html,x' },
    ]);
  });

  it('keeps markup as text', () => {
    expect(linkify('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('accepts only http(s) hrefs', () => {
    expect(safeHref('https://a.test/')).toBe('https://a.test/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
