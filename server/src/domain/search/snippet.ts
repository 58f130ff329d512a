/**
 * The line of a message that matched a search, and where to highlight it. Matching happened
 * on folded tokens (NFKC, lower case: tokenize.ts), so offsets are found in a folded copy and
 * mapped back to the original text, one code point at a time: the shown text is never the
 * folded one (a full-width Ａ stays as the shopper wrote it, highlighted).
 */

/** Longest snippet shown; a longer line is cut around its first match. */
const SNIPPET_MAX = 160;
/** Context kept before the first match when a line is cut. */
const LEAD = 50;

export interface Snippet {
  snippet: string;
  highlights: [number, number][];
}

/** The text folded per code point, with each folded unit's source range in the original. */
function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    for (let i = 0; i < f.length; i++) {
      from.push(offset);
      to.push(offset + ch.length);
    }
    folded += f;
    offset += ch.length;
  }
  return { folded, from, to };
}

/** Every occurrence of every key in `text`, as sorted, merged [start, end) ranges. */
export function matchRanges(text: string, keys: readonly string[]): [number, number][] {
  const { folded, from, to } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const key of keys) {
    if (!key) continue;
    for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
      ranges.push([from[at]!, to[at + key.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The first line holding a match (or the first line), cut to SNIPPET_MAX around it. */
export function snippetOf(text: string, keys: readonly string[]): Snippet {
  const lines = text.split('\n');
  let line = lines[0] ?? '';
  let ranges: [number, number][] = [];
  for (const candidate of lines) {
    const found = matchRanges(candidate, keys);
    if (found.length) {
      line = candidate;
      ranges = found;
      break;
    }
  }
  if (line.length <= SNIPPET_MAX) return { snippet: line, highlights: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - LEAD, line.length - SNIPPET_MAX));
  // Never cut a surrogate pair in two.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(line[start]!)) start--;
  let end = Math.min(line.length, start + SNIPPET_MAX);
  if (end < line.length && /[\uDC00-\uDFFF]/.test(line[end]!)) end++;
  const prefix = start > 0 ? '…' : '';
  const shift = prefix.length - start;
  return {
    snippet: `${prefix}${line.slice(start, end)}${end < line.length ? '…' : ''}`,
    highlights: ranges
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): [number, number] => [s + shift, e + shift]),
  };
}
