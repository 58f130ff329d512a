/** The audit export: quoted cells, doubled quotes, and no formula a spreadsheet would run. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv.js';

describe('toCsv', () => {
  it('quotes every cell, doubles quotes and defuses formulas', () => {
    expect(toCsv([['at', 'reason'], ['2026-12-03', 'said "hi", then left'], ['=HYPERLINK("x")', null]])).toBe(
      '"at","reason"\r\n"2026-12-03","said ""hi"", then left"\r\n"\'=HYPERLINK(""x"")",""\r\n',
    );
  });
});
