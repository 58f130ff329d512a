// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { expandTemplate, insertCanned, matchCanned, slashTokenAt } from '../../src/lib/canned-template.js';
import { canned } from '../support/fixtures.js';

const ctx = (name: string | null) => ({ visitor: { name, email: null }, agent: { name: 'Ann' }, product: null });

describe('canned reply templates', () => {
  it('fills in the shopper and the agent', () => {
    expect(expandTemplate('Hi {{visitor.name}}, {{ agent.name }} here.', ctx('Mei'))).toBe('Hi Mei, Ann here.');
  });

  it('falls back to a neutral word, or the template’s own fallback, when unknown', () => {
    expect(expandTemplate('Hi {{visitor.name}}!', ctx(null))).toBe('Hi there!');
    expect(expandTemplate('Hi {{visitor.name|friend}}!', ctx('  '))).toBe('Hi friend!');
    expect(expandTemplate('About {{product.title}}', ctx(null))).toBe('About this product');
  });

  it('leaves unknown variables visible', () => {
    expect(expandTemplate('Order {{order.id}}', ctx('Mei'))).toBe('Order {{order.id}}');
  });

  it('finds the /word at the caret, only at a word start', () => {
    expect(slashTokenAt('/ship', 5)).toEqual({ query: 'ship', start: 0, end: 5 });
    expect(slashTokenAt('ok /Ret', 7)).toEqual({ query: 'ret', start: 3, end: 7 });
    expect(slashTokenAt('see a/b', 7)).toBeNull();
    expect(slashTokenAt('https://x', 9)).toBeNull();
  });

  it('matches shortcuts by prefix first, then titles', () => {
    const replies = [
      canned({ shortcut: 'returns', title: 'Return policy' }),
      canned({ shortcut: 'refund', title: 'Refund timing' }),
      canned({ shortcut: 'ship', title: 'Shipping for returns' }),
    ];
    expect(matchCanned(replies, 're').map((r) => r.shortcut)).toEqual(['refund', 'returns', 'ship']);
    expect(matchCanned(replies, 'return').map((r) => r.shortcut)).toEqual(['returns', 'ship']);
  });

  it('replaces the token and puts the caret after the insertion', () => {
    expect(insertCanned('Sure. /thx later', { query: 'thx', start: 6, end: 10 }, 'Thanks!')).toEqual({
      text: 'Sure. Thanks! later',
      caret: 13,
    });
  });
});
