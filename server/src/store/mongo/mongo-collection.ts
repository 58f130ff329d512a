import { MongoError, MongoServerError, type Collection, type Filter as MFilter, type UpdateFilter } from 'mongodb';
import type { Doc, DocCollection, Filter, FindOneAndUpdateOptions, FindOptions, Update } from '../collection.js';
import { DuplicateKeyError, StoreUnavailableError } from '../errors.js';

/** Server error codes that mean "not reachable or not writable right now", not a bug. */
const UNAVAILABLE_CODES = new Set([6, 7, 89, 91, 189, 10107, 11600, 11602, 13435, 13436, 64]);

/**
 * FerretDB v1 answers an update (not an insert) that breaks a unique index with
 * InternalError (code 1) carrying SQLite's message, not 11000; nothing was written.
 */
const ferretdbUniqueViolation = (err: MongoServerError) => err.code === 1 && err.message.includes('UNIQUE constraint failed');

/** Map driver errors to the store's: duplicate key, unavailable, or (a bug) as is. */
export function translateError(collection: string, err: unknown): unknown {
  if (err instanceof MongoServerError) {
    if (err.code === 11000 || ferretdbUniqueViolation(err)) return new DuplicateKeyError(collection, err);
    if (typeof err.code === 'number' && UNAVAILABLE_CODES.has(err.code)) return new StoreUnavailableError(err);
    return err;
  }
  // Network, server selection, pool cleared, topology closed, write concern timeouts...
  if (err instanceof MongoError) return new StoreUnavailableError(err);
  return err;
}

/** Where a collection gets its driver collection (the client may be replaced) and reports outcomes. */
export interface CollectionSource {
  collection<T extends Doc>(name: string): Collection<T>;
  succeeded(): void;
  unavailable(): void;
}

export class MongoDocCollection<T extends Doc> implements DocCollection<T> {
  constructor(
    readonly name: string,
    private readonly source: CollectionSource,
  ) {}

  private get coll(): Collection<T> {
    return this.source.collection<T>(this.name);
  }

  private async run<R>(op: () => Promise<R>): Promise<R> {
    let result: R;
    try {
      result = await op();
    } catch (err) {
      const translated = translateError(this.name, err);
      // Only a failure that says nothing about the data counts towards a stuck client.
      if (translated instanceof StoreUnavailableError) this.source.unavailable();
      else this.source.succeeded();
      throw translated;
    }
    this.source.succeeded();
    return result;
  }

  insertOne(doc: T): Promise<void> {
    return this.run(async () => {
      await this.coll.insertOne(doc as never);
    });
  }

  findOne(filter: Filter, options: FindOptions = {}): Promise<T | null> {
    return this.run(async () => (await this.coll.findOne(filter as MFilter<T>, options)) as T | null);
  }

  find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.run(async () => (await this.coll.find(filter as MFilter<T>, options).toArray()) as T[]);
  }

  count(filter: Filter): Promise<number> {
    return this.run(() => this.coll.countDocuments(filter as MFilter<T>));
  }

  updateOne(filter: Filter, update: Update): Promise<number> {
    return this.run(async () => (await this.coll.updateOne(filter as MFilter<T>, update as UpdateFilter<T>)).matchedCount);
  }

  updateMany(filter: Filter, update: Update): Promise<number> {
    return this.run(async () => (await this.coll.updateMany(filter as MFilter<T>, update as UpdateFilter<T>)).matchedCount);
  }

  findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    return this.run(
      async () =>
        (await this.coll.findOneAndUpdate(filter as MFilter<T>, update as UpdateFilter<T>, {
          ...(options.sort ? { sort: options.sort } : {}),
          returnDocument: options.returnDocument ?? 'after',
        })) as T | null,
    );
  }

  deleteOne(filter: Filter): Promise<number> {
    return this.run(async () => (await this.coll.deleteOne(filter as MFilter<T>)).deletedCount);
  }

  deleteMany(filter: Filter): Promise<number> {
    return this.run(async () => (await this.coll.deleteMany(filter as MFilter<T>)).deletedCount);
  }
}
