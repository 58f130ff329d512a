import type { SiteId } from '@counter/shared';
import type { Database, DocCollection } from '../collection.js';
import type { SiteDoc } from '../documents.js';

export type SitePatch = Partial<Omit<SiteDoc, '_id' | 'createdAt'>>;

export interface SiteRepository {
  create(site: SiteDoc): Promise<void>;
  byId(id: SiteId): Promise<SiteDoc | null>;
  list(): Promise<SiteDoc[]>;
  update(id: SiteId, patch: SitePatch): Promise<SiteDoc | null>;
}

export async function siteRepository(db: Database): Promise<SiteRepository> {
  const sites: DocCollection<SiteDoc> = await db.collection<SiteDoc>('sites', []);
  return {
    create: (site) => sites.insertOne(site),
    byId: (id) => sites.findOne({ _id: id }),
    list: () => sites.find({}, { sort: { createdAt: 1 } }),
    update: (id, patch) => sites.findOneAndUpdate({ _id: id }, { $set: patch }),
  };
}
