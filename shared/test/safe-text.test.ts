/** The sanitiser's rules, one case each; the wire test (server/test/wire/unicode-text-is-cleaned) checks every schema uses it. */
import { describe, expect, it } from 'vitest';
import { cleanText, hasVisibleText } from '../src/schemas/safe-text.js';

describe('cleanText', () => {
  it.each([
    ['bidi override', 'Refund approved \u202Egnp.exe', 'Refund approved gnp.exe'],
    ['bidi isolates and embeddings', '\u2066a\u2069\u202Ab\u202C\u202Bc\u202D', 'abc'],
    ['NUL, ESC, DEL and C1', 'a\u0000b\u001Bc\u007Fd\u0085e\u009Bf', 'abcdef'],
    ['lone surrogates, pairs kept', '\uD800x\uDC00\uD83D\uDE00', 'x\uD83D\uDE00'],
    ['CRLF, CR and U+2028 become LF', 'a\r\nb\rc\u2028d', 'a\nb\nc\nd'],
    ['NFC', 'Cafe\u0301', 'Caf\u00E9'],
    ['implicit marks stay (right-to-left writers need them)', 'a\u200Fb\u200Ec', 'a\u200Fb\u200Ec'],
    ['ZWJ emoji and ZWNJ stay', '\u{1F469}\u200D\u{1F4BB} \u0645\u06CC\u200C\u0631\u0648\u0645', '\u{1F469}\u200D\u{1F4BB} \u0645\u06CC\u200C\u0631\u0648\u0645'],
  ])('%s', (_what, input, expected) => {
    expect(cleanText(input, true)).toBe(expected);
  });

  it('keeps tabs and newlines in multi-line text, turns them into spaces in a label', () => {
    expect(cleanText('a\tb\nc', true)).toBe('a\tb\nc');
    expect(cleanText('a\tb\r\nc', false)).toBe('a b c');
  });

  it('caps combining marks in a row at four', () => {
    const capped = cleanText(`e${'\u0300'.repeat(3)}${'\u0316'.repeat(30)}`, true);
    expect([...capped.matchAll(/\p{M}/gu)]).toHaveLength(4);
    // NFC composed the first mark into the letter; four more remain, in canonical order.
    expect(capped.startsWith('\u00E8')).toBe(true);
  });
});

describe('hasVisibleText', () => {
  it.each(['a', '中', '\u{1F600}', '\uE000', ' x '])('sees %j', (text) => expect(hasVisibleText(text)).toBe(true));
  it.each(['', ' \t\n', '\u200B\u200C\u200D\u2060\uFEFF', '\u0301\u0302', '\u3164\u115F\uFFA0', '\u2800', '\u00AD', '\uFE0F'])(
    'sees nothing in %j',
    (text) => expect(hasVisibleText(text)).toBe(false),
  );
});
