import { MongoClient, MongoError, MongoServerError, type Collection, type Db } from 'mongodb';
import type { Database, Doc, DocCollection, IndexSpec } from '../collection.js';
import { StoreUnavailableError } from '../errors.js';
import { MongoDocCollection, translateError } from './mongo-collection.js';

export interface MongoOptions {
  /** How long an operation waits for a reachable server before failing (ms). */
  serverSelectionTimeoutMS?: number;
}

/**
 * MongoDB through the official driver. Every collection is opened with w: "majority", so a
 * write is acknowledged (and then acked to a client) only once a majority has it.
 * While the server is unreachable, operations fail within serverSelectionTimeoutMS with
 * StoreUnavailableError; the driver reconnects by itself when the server returns.
 */
export async function openMongo(url: string, options: MongoOptions = {}): Promise<Database> {
  const timeout = options.serverSelectionTimeoutMS ?? 3000;
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: timeout,
    connectTimeoutMS: timeout,
    socketTimeoutMS: 30_000,
    maxPoolSize: 50,
    appName: 'counter-chat',
  });
  try {
    await client.connect();
  } catch (err) {
    await client.close().catch(() => {});
    throw new StoreUnavailableError(err);
  }
  const db: Db = client.db();

  return {
    kind: 'mongodb',
    async collection<T extends Doc>(name: string, indexes: IndexSpec[]): Promise<DocCollection<T>> {
      const coll = db.collection<T>(name, { writeConcern: { w: 'majority' } }) as unknown as Collection<T>;
      try {
        for (const index of indexes) {
          await coll.createIndex(index.keys, { name: index.name, unique: index.unique ?? false });
        }
      } catch (err) {
        throw translateError(name, err);
      }
      return new MongoDocCollection<T>(name, coll);
    },
    async ping() {
      try {
        await db.command({ ping: 1 });
      } catch (err) {
        throw err instanceof MongoError && !(err instanceof MongoServerError) ? new StoreUnavailableError(err) : err;
      }
    },
    close: () => client.close(),
  };
}
