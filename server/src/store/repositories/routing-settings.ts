import type { SiteId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { RoutingSettingsDoc } from '../documents.js';
import { saveById } from './save-by-id.js';

/** One document per site (issue 14): an admin saves the whole settings at once. */
export interface RoutingSettingsRepository {
  get(siteId: SiteId): Promise<RoutingSettingsDoc | null>;
  getMany(siteIds: readonly SiteId[]): Promise<RoutingSettingsDoc[]>;
  save(doc: RoutingSettingsDoc): Promise<void>;
}

export async function routingSettingsRepository(db: Database): Promise<RoutingSettingsRepository> {
  const settings = await db.collection<RoutingSettingsDoc>('routing_settings', []);
  return {
    get: (siteId) => settings.findOne({ _id: siteId }),
    getMany: (siteIds) => (siteIds.length ? settings.find({ _id: { $in: [...siteIds] } }) : Promise.resolve([])),
    save: (doc) => saveById(settings, doc),
  };
}
