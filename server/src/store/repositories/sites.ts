import type { SiteId } from '@counter/shared';
import type { Database, DocCollection } from '../collection.js';
import type { SiteDoc } from '../documents.js';

export type SitePatch = Partial<Omit<SiteDoc, '_id' | 'createdAt'>>;

export interface SiteRepository {
  create(site: SiteDoc): Promise<void>;
  byId(id: SiteId): Promise<SiteDoc | null>;
  list(): Promise<SiteDoc[]>;
  /** `ifSecret`: only while the identity secret is still this one (a rotation read it). */
  update(id: SiteId, patch: SitePatch, ifSecret?: string): Promise<SiteDoc | null>;
  /** Records the first time the widget started a session; a later call changes nothing (null). */
  widgetSeen(id: SiteId, at: number): Promise<SiteDoc | null>;
}

export async function siteRepository(db: Database): Promise<SiteRepository> {
  const sites: DocCollection<SiteDoc> = await db.collection<SiteDoc>('sites', []);
  return {
    create: (site) => sites.insertOne(site),
    byId: (id) => sites.findOne({ _id: id }),
    list: () => sites.find({}, { sort: { createdAt: 1 } }),
    update: (id, patch, ifSecret) =>
      sites.findOneAndUpdate(ifSecret === undefined ? { _id: id } : { _id: id, identitySecret: ifSecret }, { $set: patch }),
    // null matches a missing field on both adapters: only the first sighting writes.
    widgetSeen: (id, at) => sites.findOneAndUpdate({ _id: id, widgetSeenAt: null }, { $set: { widgetSeenAt: at } }),
  };
}
