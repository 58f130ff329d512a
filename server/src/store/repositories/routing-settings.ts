import type { SiteId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { RoutingSettingsDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

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
    async save(doc) {
      const { _id, ...fields } = doc;
      if ((await settings.updateOne({ _id }, { $set: fields })) === 1) return;
      try {
        await settings.insertOne(doc);
      } catch (err) {
        // Another node's first save won the insert: ours replaces it.
        if (!(err instanceof DuplicateKeyError)) throw err;
        await settings.updateOne({ _id }, { $set: fields });
      }
    },
  };
}
