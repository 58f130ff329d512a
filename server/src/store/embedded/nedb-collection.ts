import type Datastore from '@seald-io/nedb';
import type { Doc, DocCollection, Filter, FindOneAndUpdateOptions, FindOptions, Update } from '../collection.js';
import { DuplicateKeyError } from '../errors.js';

/** How many times findOneAndUpdate retries when a concurrent write took the candidate. */
const MAX_CLAIM_ATTEMPTS = 20;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { errorType?: string }).errorType === 'uniqueViolated';
}

/**
 * A DocCollection over one nedb datastore. nedb runs every operation of a datastore through
 * one queue, so an update with a condition in its filter is atomic, which is all that
 * findOneAndUpdate needs: find a candidate, then update it only if it still matches.
 */
export class NedbCollection<T extends Doc> implements DocCollection<T> {
  constructor(
    readonly name: string,
    private readonly ds: Datastore<T>,
  ) {}

  async insertOne(doc: T): Promise<void> {
    try {
      await this.ds.insertAsync(doc);
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(this.name, err);
      throw err;
    }
  }

  async findOne(filter: Filter, options: FindOptions = {}): Promise<T | null> {
    const [doc] = await this.find(filter, { ...options, limit: 1 });
    return doc ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let cursor = this.ds.findAsync(filter, options.projection ?? {});
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor) as T[];
  }

  count(filter: Filter): Promise<number> {
    return this.ds.countAsync(filter) as unknown as Promise<number>;
  }

  async updateOne(filter: Filter, update: Update): Promise<number> {
    return this.update(filter, update, false);
  }

  async updateMany(filter: Filter, update: Update): Promise<number> {
    return this.update(filter, update, true);
  }

  private async update(filter: Filter, update: Update, multi: boolean): Promise<number> {
    try {
      const { numAffected } = await this.ds.updateAsync(filter, update as never, { multi });
      return numAffected;
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(this.name, err);
      throw err;
    }
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      const candidate = await this.findOne(filter, options.sort ? { sort: options.sort } : {});
      if (!candidate) return null;
      const { numAffected, affectedDocuments } = await this.ds.updateAsync(
        { $and: [filter, { _id: candidate._id }] },
        update as never,
        { returnUpdatedDocs: true },
      );
      if (numAffected === 1) return options.returnDocument === 'before' ? candidate : (affectedDocuments as unknown as T);
    }
    return null;
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.ds.removeAsync(filter, { multi: false });
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.ds.removeAsync(filter, { multi: true });
  }
}
