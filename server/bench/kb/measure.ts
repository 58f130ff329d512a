/**
 * The knowledge-base retrieval measurements (issue 13, item 8), shared by the benchmark
 * (recall.ts, prints and fails under target) and the test that keeps recall in CI
 * (server/test/domain/kb-retrieval-set.test.ts).
 */
import type { AgentId, ArticleId, SiteId } from '@counter/shared';
import { performance } from 'node:perf_hooks';
import { ArticleIndex } from '../../src/domain/kb/article-index.js';
import type { ArticleDoc } from '../../src/store/documents.js';
import { ARTICLES, type SampleArticle } from './articles.js';
import { QUESTIONS } from './questions.js';

export const TARGET_AT3 = 0.85;
export const TARGET_P99_MS = 50;
export const BENCH_SITE = 'bench-site' as SiteId;
const site = BENCH_SITE;

const doc = (a: Omit<SampleArticle, 'topic'>, id: string): ArticleDoc => ({
  _id: id as ArticleId,
  siteId: site,
  title: a.title,
  body: a.body,
  locale: a.locale,
  tags: a.tags,
  questions: a.questions,
  importId: null,
  createdBy: 'bench' as AgentId,
  updatedAt: 0,
  views: 0,
});

export const idOf = (topic: string, locale: string) => `${topic}.${locale}`;

export interface RecallRow {
  lang: 'zh' | 'en';
  questions: number;
  at1: number;
  at3: number;
  misses: string[];
}

/** The server's own index over the sample knowledge base. */
export function lexicalIndex(): ArticleIndex {
  const index = new ArticleIndex();
  index.load(ARTICLES.map((a) => doc(a, idOf(a.topic, a.locale))));
  return index;
}

export function measureRecall(): RecallRow[] {
  const index = lexicalIndex();
  const rows: RecallRow[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const qs = QUESTIONS.filter((q) => q.lang === lang);
    let at1 = 0;
    let at3 = 0;
    const misses: string[] = [];
    for (const q of qs) {
      const hits = index.search(site, q.q, 3).map((h) => h.id as string);
      const want = idOf(q.topic, lang);
      if (hits[0] === want) at1++;
      if (hits.includes(want)) at3++;
      else misses.push(`${q.q} -> ${hits.join(', ') || '(nothing)'} (want ${want})`);
    }
    rows.push({ lang, questions: qs.length, at1: at1 / qs.length, at3: at3 / qs.length, misses });
  }
  return rows;
}

/** 1,000 articles: the 30 sample ones plus variants mixing their sentences and titles. */
function largeIndex(): ArticleIndex {
  const index = new ArticleIndex();
  const docs: ArticleDoc[] = ARTICLES.map((a) => doc(a, idOf(a.topic, a.locale)));
  for (let i = docs.length; i < 1000; i++) {
    const a = ARTICLES[i % ARTICLES.length]!;
    const b = ARTICLES[(i * 7 + 3) % ARTICLES.length]!;
    docs.push(doc({ ...a, title: `${a.title} (${b.title}) #${i}`, body: `${a.body}\n\n${b.body}`, questions: [...a.questions, ...b.questions] }, `variant-${i}`));
  }
  index.load(docs);
  return index;
}

export function measureLatency(): { p50: number; p99: number; count: number } {
  const index = largeIndex();
  // What a shopper's typing sends: every prefix of every question (debounced clients send fewer).
  const queries = QUESTIONS.flatMap(({ q }) => [...q].map((_, i) => q.slice(0, i + 1)).filter((p) => p.trim().length >= 2));
  for (const q of queries.slice(0, 200)) index.search(site, q, 5); // warm up the JIT
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    index.search(site, q, 5);
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), count: times.length };
}

