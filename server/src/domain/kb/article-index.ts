/**
 * The knowledge base's search: one MiniSearch index per site, in memory, built from the
 * store at start and kept current on every edit (on every node: see plugins/kb-sync.ts).
 * MiniSearch ranks with BM25; our tokenizer (search/tokenize.ts) gives it Chinese words and
 * bigrams, and English words get prefix (while typing) and fuzzy (typos) matching.
 */
import type { ArticleHit, ArticleId, Locale, SiteId } from '@counter/shared';
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { ArticleDoc } from '../../store/documents.js';
import { tokenize } from '../search/tokenize.js';
import { parseArticleBody, plainText } from './markdown.js';

interface IndexedArticle {
  id: ArticleId;
  title: string;
  questions: string;
  tags: string;
  body: string;
  locale: Locale;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Typos: one edit from 4 letters, two from 8. CJK tokens are exact (a bigram one edit away
 * is another word entirely).
 */
function fuzziness(term: string): number | false {
  if (CJK.test(term) || term.length < 4) return false;
  return term.length >= 8 ? 2 : 1;
}

const SEARCH: SearchOptions = {
  boost: { title: 2, questions: 2, tags: 1.5, body: 1 },
  fuzzy: (term) => fuzziness(term),
  // The last word of a half-typed message is usually unfinished.
  prefix: (term, i, terms) => i === terms.length - 1 && !CJK.test(term) && term.length >= 3,
  weights: { fuzzy: 0.5, prefix: 0.6 },
  combineWith: 'OR',
};

function indexed(doc: ArticleDoc): IndexedArticle {
  return {
    id: doc._id,
    title: doc.title,
    questions: doc.questions.join('\n'),
    tags: doc.tags.join('\n'),
    body: plainText(parseArticleBody(doc.body)),
    locale: doc.locale,
  };
}

function newIndex(): MiniSearch<IndexedArticle> {
  return new MiniSearch<IndexedArticle>({
    fields: ['title', 'questions', 'tags', 'body'],
    storeFields: ['title', 'locale'],
    // Already lower-cased and NFKC-folded by tokenize.
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
    searchOptions: SEARCH,
  });
}

export class ArticleIndex {
  private readonly sites = new Map<SiteId, MiniSearch<IndexedArticle>>();

  private of(siteId: SiteId): MiniSearch<IndexedArticle> {
    let index = this.sites.get(siteId);
    if (!index) {
      index = newIndex();
      this.sites.set(siteId, index);
    }
    return index;
  }

  /** Replaces every site's index with these articles (start-up). */
  load(docs: ArticleDoc[]): void {
    this.sites.clear();
    for (const doc of docs) this.of(doc.siteId).add(indexed(doc));
  }

  put(doc: ArticleDoc): void {
    const index = this.of(doc.siteId);
    if (index.has(doc._id)) index.replace(indexed(doc));
    else index.add(indexed(doc));
  }

  remove(siteId: SiteId, id: ArticleId): void {
    const index = this.sites.get(siteId);
    if (index?.has(id)) index.discard(id);
  }

  size(siteId: SiteId): number {
    return this.sites.get(siteId)?.documentCount ?? 0;
  }

  /** Title and language of an indexed article (a semantic-only hit is shown by them). */
  stored(siteId: SiteId, id: ArticleId): { title: string; locale: Locale } | null {
    const fields = this.sites.get(siteId)?.getStoredFields(id);
    return fields ? { title: fields.title as string, locale: fields.locale as Locale } : null;
  }

  search(siteId: SiteId, query: string, limit: number): ArticleHit[] {
    const index = this.sites.get(siteId);
    if (!index || !query.trim()) return [];
    return index
      .search(query)
      .slice(0, limit)
      .map((r) => ({ id: r.id as ArticleId, title: r.title as string, locale: r.locale as Locale, score: r.score }));
  }
}
