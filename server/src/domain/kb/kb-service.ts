/**
 * The knowledge base: articles per site, edited by the site's supervisors and admins, read by
 * all its staff, searched by its shoppers (only through search and open, never listed).
 * Every write updates this node's index and publishes `kb.changed` so the other nodes reload
 * the same articles from the store.
 */
import type { Article, ArticleBlock, ArticleHit, ArticleId, ImportProblem, Locale, SiteId } from '@counter/shared';
import { articleBody, importBody, type z } from '@counter/shared/schemas';
import type { ArticleDoc } from '../../store/documents.js';
import { inSite, supervises, type Actor } from '../access.js';
import { newId } from '../crypto.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { DomainDeps } from '../deps.js';
import type { ArticleIndex } from './article-index.js';
import { fuseRanks } from './hybrid-rank.js';
import type { SemanticSearch } from './semantic-search.js';
import { parseCsv, parseMarkdown, type Candidate } from './import-files.js';
import { parseArticleBody } from './markdown.js';
import { unansweredKey } from './unanswered-key.js';

export type ArticleInput = z.output<typeof articleBody>;

export function articleView(doc: ArticleDoc): Article {
  const { _id, importId: _importId, createdBy: _createdBy, views: _views, ...rest } = doc;
  return { id: _id, ...rest, blocks: parseArticleBody(doc.body) };
}

/** Most rejected rows reported at once: enough to fix a file, not a wall of text. */
const MAX_PROBLEMS = 50;
/** Candidates each ranking offers before fusing (what the benchmark measured with). */
const DEPTH = 10;

type KbDeps = Pick<DomainDeps, 'store' | 'clock' | 'events' | 'onError'> & {
  index: ArticleIndex;
  /** Semantic search (issue 13, item 2): absent without EMBEDDINGS_URL. */
  semantic?: SemanticSearch | null;
};

export class KbService {
  /** Embedding that runs after its save or the start returned, one run after another. */
  private background: Promise<void> = Promise.resolve();

  constructor(private readonly deps: KbDeps) {}

  /** Rebuilds every site's index from the store (start-up). */
  async loadAll(): Promise<void> {
    const docs = await this.deps.store.articles.all();
    this.deps.index.load(docs);
    const { semantic } = this.deps;
    if (!semantic) return;
    // Articles never embedded (or changed while no endpoint answered): in the background, so
    // the chat starts at once and ranks them lexically meanwhile.
    const missing = await semantic.load(docs);
    if (missing.length > 0) this.embedLater(missing);
  }

  /** Resolves when no embedding started here is still running (tests). */
  idle(): Promise<void> {
    return this.background;
  }

  /** Shutdown: a long embedding run stops at its next request. */
  async close(): Promise<void> {
    this.deps.semantic?.close();
    await this.background;
  }

  private embedLater(docs: ArticleDoc[]): void {
    const semantic = this.deps.semantic!;
    this.background = this.background
      .then(() => semantic.embed(docs))
      .then((done) => {
        // The other nodes load the new vectors by the same path as an edit.
        for (const siteId of new Set(done.map((d) => d.siteId))) {
          this.deps.events.publish({ type: 'kb.changed', siteId, articleIds: done.filter((d) => d.siteId === siteId).map((d) => d._id) });
        }
      })
      .catch(this.deps.onError);
  }

  /** Another node changed these articles: read them again (gone: drop them). */
  async refresh(siteId: SiteId, ids: readonly ArticleId[]): Promise<void> {
    for (const id of ids) {
      const doc = await this.deps.store.articles.get(siteId, id);
      if (doc) this.deps.index.put(doc);
      else this.deps.index.remove(siteId, id);
      // The writing node tells again once it stored the vector: load it, or drop a stale one.
      if (doc) await this.deps.semantic?.load([doc]);
      else this.deps.semantic?.remove(siteId, id);
    }
  }

  private async readable(actor: Actor, siteId: SiteId): Promise<void> {
    if (!inSite(actor, siteId)) throw forbidden();
    if (!(await this.deps.store.sites.byId(siteId))) throw new AppError('site_not_found');
  }

  private async editable(actor: Actor, siteId: SiteId): Promise<void> {
    await this.readable(actor, siteId);
    if (!supervises(actor, siteId)) throw forbidden();
  }

  private async changed(siteId: SiteId, docs: ArticleDoc[], removed: ArticleId[] = []): Promise<void> {
    // The questions these articles answer leave the bot's unanswered list (after the write: a
    // failure here only leaves a stale line, so it is logged rather than failing the save).
    const answered = docs.flatMap((d) => [d.title, ...d.questions].map((q) => unansweredKey(siteId, q)));
    for (const doc of docs) this.deps.index.put(doc);
    for (const id of removed) this.deps.index.remove(siteId, id);
    for (const id of removed) this.deps.semantic?.remove(siteId, id);
    this.deps.events.publish({ type: 'kb.changed', siteId, articleIds: [...docs.map((d) => d._id), ...removed] });
    // The vectors after the save returns: an endpoint that hangs must not hold up an editor.
    // Until then (and for good if it fails, logged) the articles are found lexically.
    if (this.deps.semantic && docs.length > 0) this.embedLater(docs);
    await this.deps.store.bot.dropUnanswered(answered).catch(this.deps.onError);
    await this.deps.store.kbCandidates.dropAnswered(answered).catch(this.deps.onError);
  }

  async list(actor: Actor, siteId: SiteId): Promise<Article[]> {
    await this.readable(actor, siteId);
    return (await this.deps.store.articles.listBySite(siteId)).map(articleView);
  }

  async get(actor: Actor, siteId: SiteId, id: ArticleId): Promise<Article> {
    await this.readable(actor, siteId);
    return this.open(siteId, id);
  }

  /** An article by id within a site (a shopper opening a suggestion). */
  async open(siteId: SiteId, id: ArticleId): Promise<Article> {
    const doc = await this.deps.store.articles.get(siteId, id);
    if (!doc) throw notFound();
    return articleView(doc);
  }

  private newDoc(actor: Actor, siteId: SiteId, input: ArticleInput, importId: string | null): ArticleDoc {
    return { _id: newId<ArticleId>(), siteId, ...input, importId, createdBy: actor.agentId, updatedAt: this.deps.clock.now(), views: 0 };
  }

  async create(actor: Actor, siteId: SiteId, input: ArticleInput): Promise<Article> {
    await this.editable(actor, siteId);
    const doc = this.newDoc(actor, siteId, input, null);
    await this.deps.store.articles.create(doc);
    await this.changed(siteId, [doc]);
    return articleView(doc);
  }

  async update(actor: Actor, siteId: SiteId, id: ArticleId, input: ArticleInput): Promise<Article> {
    await this.editable(actor, siteId);
    const doc = await this.deps.store.articles.update(siteId, id, { ...input, updatedAt: this.deps.clock.now() });
    if (!doc) throw notFound();
    await this.changed(siteId, [doc]);
    return articleView(doc);
  }

  async remove(actor: Actor, siteId: SiteId, id: ArticleId): Promise<void> {
    await this.editable(actor, siteId);
    if (!(await this.deps.store.articles.delete(siteId, id))) throw notFound();
    await this.changed(siteId, [], [id]);
  }

  /**
   * Imports a whole file or nothing: every row is checked first, and one bad row rejects the
   * file with the list of problems. The store has no transactions (FerretDB), so if a write
   * fails halfway, the rows already written (marked with this import's id) are deleted again.
   */
  async import(actor: Actor, siteId: SiteId, input: z.output<typeof importBody>): Promise<{ imported: number }> {
    await this.editable(actor, siteId);
    const parsed = input.format === 'csv' ? parseCsv(input.text) : parseMarkdown(input.text);
    if ('fileError' in parsed) throw new AppError('validation_failed', { message: parsed.fileError });
    const { articles, problems } = this.check(parsed.candidates, input.locale);
    if (problems.length > 0) {
      throw new AppError('validation_failed', {
        message: `Nothing was imported: ${problems.length} of ${parsed.candidates.length} articles have problems.`,
        issues: problems.slice(0, MAX_PROBLEMS).map((p) => ({ path: `row ${p.row}`, message: p.message })),
      });
    }
    if (articles.length === 0) throw new AppError('validation_failed', { message: 'The file holds no article.' });
    const importId = newId();
    const docs = articles.map((a) => this.newDoc(actor, siteId, a, importId));
    try {
      for (const doc of docs) await this.deps.store.articles.create(doc);
    } catch (err) {
      await this.deps.store.articles.deleteImport(siteId, importId).catch(this.deps.onError);
      throw err;
    }
    await this.changed(siteId, docs);
    return { imported: docs.length };
  }

  private check(candidates: Candidate[], locale: Locale): { articles: ArticleInput[]; problems: ImportProblem[] } {
    const articles: ArticleInput[] = [];
    const problems: ImportProblem[] = [];
    for (const { row, fields } of candidates) {
      const result = articleBody.safeParse({ ...fields, locale: fields.locale ?? locale });
      if (result.success) articles.push(result.data);
      else {
        const message = result.error.issues.map((i) => `${i.path.join('.') || 'article'}: ${i.message}`).join('; ');
        problems.push({ row, message });
      }
    }
    return { articles, problems };
  }

  /** The editor's preview: what the body would show as, through the same parser as a save. */
  async preview(actor: Actor, siteId: SiteId, body: string): Promise<ArticleBlock[]> {
    await this.editable(actor, siteId);
    return parseArticleBody(body);
  }

  /** A shopper opens an article: counted for the popular questions. */
  async openForShopper(siteId: SiteId, id: ArticleId): Promise<Article> {
    const article = await this.open(siteId, id);
    this.deps.store.articles.countView(siteId, id).catch(this.deps.onError);
    return article;
  }

  /** The site's most-read articles in a language, as suggestions. */
  async top(siteId: SiteId, locale: Locale, limit: number): Promise<ArticleHit[]> {
    return (await this.deps.store.articles.top(siteId, locale, limit)).map((d) => ({ id: d._id, title: d.title, locale: d.locale, score: 0 }));
  }

  /** Staff search (agent assist). */
  async searchAs(actor: Actor, siteId: SiteId, query: string, limit: number): Promise<ArticleHit[]> {
    if (!inSite(actor, siteId)) throw forbidden();
    return this.find(siteId, query, limit);
  }

  /** Lexical only, at once (mining compares many questions with the knowledge base). */
  search(siteId: SiteId, query: string, limit: number): ArticleHit[] {
    return this.deps.index.search(siteId, query, limit);
  }

  /**
   * What a shopper or an agent finds: hybrid when semantic search is on and the endpoint
   * answers in time, else lexical. The site comes from the session, never the payload.
   */
  async find(siteId: SiteId, query: string, limit: number): Promise<ArticleHit[]> {
    return (await this.ranked(siteId, query, limit)).hits;
  }

  /**
   * The article the bot may answer with, or null: the best hit when the lexical score reaches
   * the site's threshold or the meaning alone is clear enough (SemanticSearch.confident).
   * Never worse than lexical: a confident lexical best is kept when the fused best is not sure.
   */
  async answerFor(siteId: SiteId, query: string, threshold: number): Promise<ArticleHit | null> {
    const { hits, lexical, semantic } = await this.ranked(siteId, query, DEPTH);
    const sure = (hit: ArticleHit | undefined) =>
      hit !== undefined &&
      ((lexical.find((h) => h.id === hit.id)?.score ?? 0) >= threshold ||
        (semantic !== null && semantic[0]?.id === hit.id && this.deps.semantic!.confident(semantic)));
    if (sure(hits[0])) return hits[0]!;
    return sure(lexical[0]) ? lexical[0]! : null;
  }

  private async ranked(siteId: SiteId, query: string, limit: number) {
    const lexical = this.deps.index.search(siteId, query, Math.max(limit, DEPTH));
    const semantic = (await this.deps.semantic?.rank(siteId, query, DEPTH)) ?? null;
    if (!semantic) return { hits: lexical.slice(0, limit), lexical, semantic };
    const hits = fuseRanks([lexical.map((h) => h.id), semantic.map((h) => h.id)], limit).flatMap((id): ArticleHit[] => {
      const known = lexical.find((h) => h.id === id);
      if (known) return [known];
      // Semantic only: no lexical score (the bot's threshold is about that score).
      const stored = this.deps.index.stored(siteId, id as ArticleId);
      return stored ? [{ id: id as ArticleId, ...stored, score: 0 }] : [];
    });
    return { hits, lexical, semantic };
  }
}
