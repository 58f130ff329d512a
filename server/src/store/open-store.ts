import { openEmbedded } from './embedded/open-embedded.js';
import type { StoreLog } from './embedded/sqlite-engine.js';
import { openMongo } from './mongo/open-mongo.js';
import { createStore, type Store } from './store.js';

export type StoreConfig =
  | { mongodbUrl: string; serverSelectionTimeoutMS?: number; watchdogMs?: number; log?: StoreLog }
  | { dataDir: string; fsync?: boolean; log?: StoreLog };

/** MongoDB when a URL is configured, else the embedded store in the data folder. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const db =
    'mongodbUrl' in config
      ? await openMongo(config.mongodbUrl, config)
      : await openEmbedded(config.dataDir, { fsync: config.fsync ?? true, ...(config.log ? { log: config.log } : {}) });
  return createStore(db);
}
