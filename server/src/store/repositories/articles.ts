import type { ArticleId, SiteId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { ArticleDoc } from '../documents.js';

export type ArticleFields = Pick<ArticleDoc, 'title' | 'body' | 'locale' | 'tags' | 'questions' | 'updatedAt'>;

export interface ArticleRepository {
  create(article: ArticleDoc): Promise<void>;
  get(siteId: SiteId, id: ArticleId): Promise<ArticleDoc | null>;
  /** Every article of a site, by title: the admin list and the site's search index. */
  listBySite(siteId: SiteId): Promise<ArticleDoc[]>;
  /** Every article of every site: the search indexes at start-up. */
  all(): Promise<ArticleDoc[]>;
  update(siteId: SiteId, id: ArticleId, fields: ArticleFields): Promise<ArticleDoc | null>;
  delete(siteId: SiteId, id: ArticleId): Promise<boolean>;
  /** The most-read articles of a site in a language. */
  top(siteId: SiteId, locale: ArticleDoc['locale'], limit: number): Promise<ArticleDoc[]>;
  countView(siteId: SiteId, id: ArticleId): Promise<void>;
  /** Takes back what a failed import stored. */
  deleteImport(siteId: SiteId, importId: string): Promise<number>;
}

export async function articleRepository(db: Database): Promise<ArticleRepository> {
  const articles = await db.collection<ArticleDoc>('articles', [
    { name: 'site_title', keys: { siteId: 1, title: 1 } },
    { name: 'site_import', keys: { siteId: 1, importId: 1 } },
    { name: 'site_views', keys: { siteId: 1, locale: 1, views: -1 } },
  ]);
  return {
    create: (article) => articles.insertOne(article),
    // The site is part of every filter: an id from another site finds nothing.
    get: (siteId, id) => articles.findOne({ _id: id, siteId }),
    listBySite: (siteId) => articles.find({ siteId }, { sort: { title: 1 } }),
    all: () => articles.find({}, { sort: { siteId: 1 } }),
    update: (siteId, id, fields) => articles.findOneAndUpdate({ _id: id, siteId }, { $set: fields }),
    delete: async (siteId, id) => (await articles.deleteOne({ _id: id, siteId })) === 1,
    top: (siteId, locale, limit) => articles.find({ siteId, locale }, { sort: { views: -1, title: 1 }, limit }),
    countView: async (siteId, id) => {
      await articles.updateOne({ _id: id, siteId }, { $inc: { views: 1 } });
    },
    deleteImport: (siteId, importId) => articles.deleteMany({ siteId, importId }),
  };
}
