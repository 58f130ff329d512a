/**
 * The knowledge base's semantic side (issue 13, item 2), on when EMBEDDINGS_URL is set: each
 * article's vector in memory per site, loaded from the store by content key (article-passage.ts)
 * and embedded by the node that wrote the article; a shopper's text embedded per query with a
 * short timeout. Every failure of the endpoint returns "no semantic ranking" (null) so the
 * caller ranks lexically: a slow or dead endpoint never fails a search, a bot answer or a save.
 */
import type { ArticleId, Locale, SiteId } from '@counter/shared';
import type { ArticleDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import type { Clock } from '../clock.js';
import { decodeVector, encodeVector, passageKey, passageText } from './article-passage.js';
import type { Embeddings } from './embeddings.js';
import { cosine } from './hybrid-rank.js';

export interface SemanticConfig {
  /** Embeds shoppers' questions: gives up after the query timeout (EMBEDDINGS_TIMEOUT_MS). */
  queries: Embeddings;
  /** Embeds articles on save and at start: a longer timeout, nobody is typing. */
  passages: Embeddings;
  /** Part of each vector's key: another model's vectors are never compared with this one's. */
  model: string;
  /** A semantic-only match lets the bot answer from this cosine up (multilingual-e5-small: 0.86)… */
  minSimilarity: number;
  /** …when it leads the next article in its language by this much. */
  minMargin: number;
}

export interface SemanticHit {
  id: ArticleId;
  locale: Locale;
  similarity: number;
}

interface Entry {
  key: string;
  locale: Locale;
  vector: number[];
}

/** Articles per request to the endpoint while embedding a knowledge base. */
const BATCH = 16;

export class SemanticSearch {
  private readonly sites = new Map<SiteId, Map<ArticleId, Entry>>();
  /** In a failure episode: logged once when it starts and once when it ends. */
  private failing = false;
  /** Shutting down: a long embedding run stops between requests. */
  private closed = false;

  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      config: SemanticConfig;
      warn: (context: object, message: string) => void;
    },
  ) {}

  private keyOf(doc: ArticleDoc): string {
    return passageKey(this.deps.config.model, passageText(doc));
  }

  private set(doc: ArticleDoc, key: string, vector: number[]): void {
    let site = this.sites.get(doc.siteId);
    if (!site) this.sites.set(doc.siteId, (site = new Map()));
    site.set(doc._id, { key, locale: doc.locale, vector });
  }

  close(): void {
    this.closed = true;
  }

  remove(siteId: SiteId, id: ArticleId): void {
    this.sites.get(siteId)?.delete(id);
  }

  size(siteId: SiteId): number {
    return this.sites.get(siteId)?.size ?? 0;
  }

  /**
   * Puts the stored vectors of these articles in memory; returns the articles that have none
   * stored (new, or changed since) and so must be embedded. An article whose vector is not
   * current is taken out: a stale vector would rank the old text.
   */
  async load(docs: readonly ArticleDoc[]): Promise<ArticleDoc[]> {
    const keyed = docs.map((doc) => ({ doc, key: this.keyOf(doc) }));
    const stored = await this.deps.store.articleVectors.byIds(keyed.map((k) => k.key));
    const byKey = new Map(stored.map((v) => [v._id, v.vector]));
    const missing: ArticleDoc[] = [];
    for (const { doc, key } of keyed) {
      const vector = byKey.get(key);
      if (vector) this.set(doc, key, decodeVector(vector));
      else {
        this.remove(doc.siteId, doc._id);
        missing.push(doc);
      }
    }
    return missing;
  }

  /**
   * Embeds and stores what these articles lack (this node wrote them, or found them missing at
   * start). Returns the articles that now have a vector; on a failure of the endpoint, logs
   * (once per episode) and returns what got through: they stay lexical until their next save
   * or the next start.
   */
  async embed(docs: readonly ArticleDoc[]): Promise<ArticleDoc[]> {
    const current = docs.filter((doc) => this.sites.get(doc.siteId)?.get(doc._id)?.key === this.keyOf(doc));
    const missing = await this.load(docs.filter((doc) => !current.includes(doc)));
    const done = docs.filter((doc) => !missing.includes(doc));
    for (let i = 0; i < missing.length && !this.closed; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const texts = batch.map(passageText);
      let vectors: number[][];
      try {
        vectors = await this.deps.config.passages.embed(texts, 'passage');
        this.answered();
      } catch (err) {
        this.failed(err, 'articles');
        return done;
      }
      for (const [j, doc] of batch.entries()) {
        const key = passageKey(this.deps.config.model, texts[j]!);
        await this.deps.store.articleVectors.save({ _id: key, model: this.deps.config.model, vector: encodeVector(vectors[j]!), createdAt: this.deps.clock.now() });
        this.set(doc, key, vectors[j]!);
        done.push(doc);
      }
    }
    return done;
  }

  /**
   * The site's articles by cosine with the query, best first, up to `limit`; null when there is
   * nothing to rank with (no vectors, or the endpoint failed or timed out).
   */
  async rank(siteId: SiteId, query: string, limit: number): Promise<SemanticHit[] | null> {
    const site = this.sites.get(siteId);
    if (!site?.size || !query.trim()) return null;
    let vector: number[];
    try {
      [vector] = (await this.deps.config.queries.embed([query], 'query')) as [number[]];
      this.answered();
    } catch (err) {
      this.failed(err, 'a question');
      return null;
    }
    return [...site.entries()]
      .map(([id, entry]) => ({ id, locale: entry.locale, similarity: cosine(vector, entry.vector) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
  }

  /**
   * Sure enough to answer with `hits[0]` on meaning alone: E5 cosines crowd into 0.8–0.9 even
   * for unrelated text ("hello" scores 0.82 against a refund article), so a high cosine is not
   * enough; the best must also stand clear of the next article in its language (translations
   * of one article are not rivals).
   */
  confident(hits: readonly SemanticHit[]): boolean {
    const [best] = hits;
    if (!best || best.similarity < this.deps.config.minSimilarity) return false;
    const rival = hits.find((h) => h.id !== best.id && h.locale === best.locale);
    return !rival || best.similarity - rival.similarity >= this.deps.config.minMargin;
  }

  private failed(err: unknown, what: string): void {
    if (this.failing) return;
    this.failing = true;
    this.deps.warn({ err }, `embeddings endpoint failed on ${what}: searching lexically until it answers again`);
  }

  private answered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.deps.warn({}, 'embeddings endpoint answers again: semantic search is back');
  }
}
