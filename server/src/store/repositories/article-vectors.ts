/** Article embeddings by content hash (issue 13, item 2); see ArticleVectorDoc. */
import type { Database } from '../collection.js';
import type { ArticleVectorDoc } from '../documents.js';
import { saveById } from './save-by-id.js';

/** Hashes asked for at once: a whole knowledge base loads in a few queries. */
const CHUNK = 500;

export interface ArticleVectorRepository {
  byIds(ids: readonly string[]): Promise<ArticleVectorDoc[]>;
  /** Idempotent: two nodes embedding the same text store the same vector. */
  save(doc: ArticleVectorDoc): Promise<void>;
}

export async function articleVectorRepository(db: Database): Promise<ArticleVectorRepository> {
  const vectors = await db.collection<ArticleVectorDoc>('article_vectors', []);
  return {
    async byIds(ids) {
      const found: ArticleVectorDoc[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) found.push(...(await vectors.find({ _id: { $in: ids.slice(i, i + CHUNK) } })));
      return found;
    },
    save: (doc) => saveById(vectors, doc),
  };
}
