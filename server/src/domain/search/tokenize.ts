/**
 * One segmentation for every search in the product (conversation history, knowledge base,
 * suggestions): words from `Intl.Segmenter`, lower-cased and NFKC-folded, plus overlapping
 * character bigrams for runs of CJK text.
 *
 * Why both for Chinese: the segmenter's dictionary splits 快递到哪了 into 快递 / 到 / 哪 / 了,
 * but a shopper searching 递到 or a typo'd compound must still match, and MongoDB `$text` has
 * no Chinese at all. Bigrams give recall whatever the dictionary does; words give precision.
 * Single CJK characters are kept only when a run is one character long (a query of 退 must
 * still find 退款), and dropped otherwise because they match nearly everything.
 */

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** Han, Hiragana, Katakana and Hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Longest token kept: beyond this it is a pasted blob (a URL, a hash), not a search word. */
const MAX_TOKEN = 40;

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The tokens of a text, in order of appearance, duplicates kept (ranking counts them).
 * `locale` only tunes the segmenter's dictionary; every locale gets CJK bigrams.
 */
export function tokenize(text: string, locale = 'zh'): string[] {
  const folded = fold(text);
  const out: string[] = [];
  for (const part of segmenter(locale).segment(folded)) {
    if (!part.isWordLike) continue;
    const word = part.segment;
    if (word.length > MAX_TOKEN) continue;
    if (!CJK.test(word)) {
      out.push(word);
      continue;
    }
    // A CJK word from the dictionary, plus the bigrams of every CJK run inside it; the
    // bigrams across word boundaries come from the run pass below.
    if (word.length > 1) out.push(word);
  }
  for (const run of folded.match(CJK_RUN) ?? []) {
    if (run.length === 1) {
      out.push(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Distinct tokens, for storing beside a document as its search keys. */
export function searchKeys(text: string, locale?: string): string[] {
  return [...new Set(tokenize(text, locale))];
}

/**
 * The tokens a query must match. For CJK, the bigrams alone (a dictionary word of the
 * query may be segmented differently in the document's context); for other scripts, words.
 */
export function queryKeys(query: string, locale?: string): string[] {
  const keys = new Set<string>();
  const folded = fold(query);
  for (const token of tokenize(folded, locale)) {
    if (CJK.test(token) && token.length > 2) continue;
    keys.add(token);
  }
  return [...keys];
}
