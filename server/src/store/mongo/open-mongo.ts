import { MongoClient, MongoError, MongoServerError, type Collection, type MongoClientOptions } from 'mongodb';
import type { Database, Doc, DocCollection, IndexSpec } from '../collection.js';
import { StoreUnavailableError } from '../errors.js';
import { gridfsBlobs } from './gridfs-blobs.js';
import { clientWatchdog, type WatchdogLog } from './client-watchdog.js';
import type { ReportAccess } from '../repositories/reports.js';
import { MongoDocCollection, translateError, type CollectionSource } from './mongo-collection.js';

export interface MongoOptions {
  /** How long an operation waits for a reachable server before failing (ms). */
  serverSelectionTimeoutMS?: number;
  /** Replace the client after this long of nothing but unavailability while a new client gets through (ms); 0: never. */
  watchdogMs?: number;
  log?: WatchdogLog;
  /** Told of every client connected (the first and any replacement): for tests. */
  onClient?: (client: MongoClient) => void;
}

const silent: WatchdogLog = { warn() {}, error() {} };

async function connectClient(url: string, options: MongoClientOptions): Promise<MongoClient> {
  const client = new MongoClient(url, options);
  try {
    await client.connect();
    await client.db().command({ ping: 1 });
    return client;
  } catch (err) {
    await client.close().catch(() => {}); // never connected: nothing to release that matters
    throw new StoreUnavailableError(err);
  }
}

/**
 * MongoDB through the official driver. Every collection is opened with w: "majority", so a
 * write is acknowledged (and then acked to a client) only once a majority has it.
 * While the server is unreachable, operations fail within serverSelectionTimeoutMS with
 * StoreUnavailableError; the driver reconnects by itself when the server returns, and a
 * client that does not is replaced (client-watchdog.ts).
 */
export async function openMongo(url: string, options: MongoOptions = {}): Promise<Database & ReportAccess> {
  const timeout = options.serverSelectionTimeoutMS ?? 3000;
  const clientOptions: MongoClientOptions = {
    serverSelectionTimeoutMS: timeout,
    connectTimeoutMS: timeout,
    socketTimeoutMS: 30_000,
    maxPoolSize: 50,
    appName: 'counter-chat',
  };
  const connect = async () => {
    const client = await connectClient(url, clientOptions);
    options.onClient?.(client);
    return client;
  };
  const watchdog = clientWatchdog(await connect(), {
    afterMs: options.watchdogMs ?? 30_000,
    connect,
    log: options.log ?? silent,
  });
  // Driver collections of the current client; rebuilt when the watchdog replaced it.
  let cache = { client: watchdog.client, collections: new Map<string, Collection<Doc>>() };
  const source: CollectionSource = {
    collection<T extends Doc>(name: string): Collection<T> {
      if (cache.client !== watchdog.client) cache = { client: watchdog.client, collections: new Map() };
      let coll = cache.collections.get(name);
      if (!coll) {
        coll = cache.client.db().collection<Doc>(name, { writeConcern: { w: 'majority' } }) as unknown as Collection<Doc>;
        cache.collections.set(name, coll);
      }
      return coll as unknown as Collection<T>;
    },
    succeeded: () => watchdog.succeeded(),
    unavailable: () => watchdog.failed(),
  };

  return {
    kind: 'mongodb',
    // Reports (issue 15): aggregation pipelines on the current client's database.
    reportMongo: () => watchdog.client.db(),
    async collection<T extends Doc>(name: string, indexes: IndexSpec[]): Promise<DocCollection<T>> {
      const coll = source.collection<T>(name);
      try {
        for (const index of indexes) {
          // A multikey index needs nothing more here: MongoDB makes one for an array field by itself.
          await coll.createIndex(index.keys, { name: index.name, unique: index.unique ?? false });
        }
      } catch (err) {
        throw translateError(name, err);
      }
      return new MongoDocCollection<T>(name, source);
    },
    blobs: async (bucket) => gridfsBlobs(() => watchdog.client.db(), bucket),
    async ping() {
      try {
        await watchdog.client.db().command({ ping: 1 });
        source.succeeded();
      } catch (err) {
        if (err instanceof MongoError && !(err instanceof MongoServerError)) {
          source.unavailable();
          throw new StoreUnavailableError(err);
        }
        throw err;
      }
    },
    close: () => watchdog.close(),
  };
}
