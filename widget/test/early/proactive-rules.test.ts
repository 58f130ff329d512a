/** When a proactive rule is due (widget/src/early/rules.ts): the clock, pages, URL, cart and the cap. */
import type { ProactiveRule } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { countPage, dueRule, readHelp, urlMatches, VISIT_GAP_MS, writeHelp, type Moment } from '../../src/early/rules';

const message = { en: 'Need help?', zh: '需要帮助吗？' };
const rule = (r: Partial<ProactiveRule>): ProactiveRule => ({ id: 'r1', seconds: 0, message, ...r });
const fresh = readHelp('');
/** Real clock values: the cap counts from 0 for a shopper never shown a bubble. */
const T = 1_700_000_000_000;
const at = (m: Partial<Moment>): Moment => ({ now: T, pageAt: T, activeAt: T, path: '/', cartTotal: undefined, ...m });

describe('proactive rules', () => {
  it('wait for the time on the page', () => {
    const rules = [rule({ seconds: 30 })];
    expect(dueRule(rules, fresh, at({ now: T + 29_999 }), 24)).toBeNull();
    expect(dueRule(rules, fresh, at({ now: T + 30_000 }), 24)?.id).toBe('r1');
  });

  it('count the pages of a visit, starting again after half an hour away', () => {
    let m = countPage(fresh, 1_000);
    m = countPage(m, 2_000);
    expect(m.pages).toBe(2);
    expect(dueRule([rule({ pages: 3 })], m, at({}), 24)).toBeNull();
    expect(dueRule([rule({ pages: 2 })], m, at({}), 24)?.id).toBe('r1');
    expect(countPage(m, 2_000 + VISIT_GAP_MS + 1).pages).toBe(1);
  });

  it('match a URL prefix, or a glob over the whole path', () => {
    expect(urlMatches('/sale', '/sale/shoes?c=1')).toBe(true);
    expect(urlMatches('/sale', '/shoes')).toBe(false);
    expect(urlMatches('/p/*-shoes', '/p/trail-shoes')).toBe(true);
    expect(urlMatches('/p/*-shoes', '/p/trail-shoes/reviews')).toBe(false);
    // Regex characters in a pattern are literal.
    expect(urlMatches('/a.b*', '/axb')).toBe(false);
    expect(urlMatches('/a.b*', '/a.b/c')).toBe(true);
  });

  it('want a cart of the value and a shopper idle for the time', () => {
    const rules = [rule({ cart: { min: 50, idle: 20 } })];
    expect(dueRule(rules, fresh, at({ cartTotal: undefined, activeAt: T - 60_000 }), 24)).toBeNull();
    expect(dueRule(rules, fresh, at({ cartTotal: 49, activeAt: T - 20_000 }), 24)).toBeNull();
    expect(dueRule(rules, fresh, at({ cartTotal: 80, activeAt: T - 10_000 }), 24)).toBeNull();
    expect(dueRule(rules, fresh, at({ cartTotal: 80, activeAt: T - 20_000 }), 24)?.id).toBe('r1');
  });

  it('hold back within the cap and never show a dismissed rule again', () => {
    const shown = { ...fresh, shownAt: T - 3_600_000 };
    expect(dueRule([rule({})], shown, at({}), 2)).toBeNull();
    expect(dueRule([rule({})], shown, at({}), 1)?.id).toBe('r1');
    expect(dueRule([rule({}), rule({ id: 'r2' })], { ...fresh, dismissed: ['r1'] }, at({}), 1)?.id).toBe('r2');
  });

  it('keep their memory as URL-encoded pairs', () => {
    const m = { pages: 3, lastPageAt: 5, shownAt: 7, dismissed: ['a', 'b'] };
    expect(readHelp(writeHelp(m))).toEqual(m);
  });
});
