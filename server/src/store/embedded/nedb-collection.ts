import type Datastore from '@seald-io/nedb';
import type { Doc, DocCollection, Filter, FindOneAndUpdateOptions, FindOptions, IndexSpec, Update } from '../collection.js';
import { DuplicateKeyError } from '../errors.js';
import { tuneIndex } from './fast-indexes.js';
import type { Journal } from './journal.js';
import { indexesOf, model, type RawDoc } from './nedb-internals.js';

/** How many times findOneAndUpdate retries when a concurrent write took the candidate. */
const MAX_CLAIM_ATTEMPTS = 20;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { errorType?: string }).errorType === 'uniqueViolated';
}

const onlyId = (filter: Filter): boolean => Object.keys(filter).length === 1 && typeof filter._id === 'string';

/** The top-level fields an update can change: `$inc: { "a.b": 1 }` changes `a`. */
function touchedFields(update: Update): string[] {
  const fields = new Set<string>();
  for (const operands of Object.values(update) as (Record<string, unknown> | undefined)[]) {
    for (const path of Object.keys(operands ?? {})) fields.add(path.split('.')[0]!);
  }
  fields.delete('_id');
  return [...fields];
}

/**
 * The filter with a plain `_id` moved to the end. nedb answers a query from the index of the
 * *last* plain-valued indexed field it names, and looks inside no `$and`: `{ _id, status }`
 * would read every document with that status, and a claim's `{ $and: [filter, { _id }] }`
 * every document, each matched in turn (profiled: most of the CPU of routing 2,000
 * conversations). With `_id` last, one candidate.
 */
function idLast(filter: Filter): Filter {
  if (typeof filter._id !== 'string') return filter;
  const { _id, ...rest } = filter;
  return { ...rest, _id };
}

/**
 * A DocCollection over one in-memory nedb datastore (queries, indexes, unique keys) whose
 * every change is then written to the journal; the promise resolves once it is on disk.
 * nedb runs each datastore's operations one at a time, so an update with a condition in its
 * filter is atomic, which is all findOneAndUpdate needs.
 */
export class NedbCollection<T extends Doc> implements DocCollection<T> {
  /**
   * nedb operations that change memory, issued and not yet applied. While there are none, a
   * read by _id can skip nedb's operation queue (and its cursor) and look at the _id index
   * directly: it sees exactly what a queued read would. Otherwise it queues behind them.
   */
  private writesInFlight = 0;

  constructor(
    readonly name: string,
    private readonly ds: Datastore<T>,
    private readonly journal: Journal,
  ) {
    this.tuneIndexes();
  }

  private tuneIndexes(): void {
    const docs = this.ds.getAllData() as unknown as RawDoc[];
    for (const index of Object.values(indexesOf(this.ds))) tuneIndex(index, docs);
  }

  private async write<R>(operation: () => Promise<R>): Promise<R> {
    this.writesInFlight++;
    try {
      return await operation();
    } finally {
      this.writesInFlight--;
    }
  }

  private put(docs: T[]): Promise<void> {
    return this.journal.append(docs.map((doc) => ({ c: this.name, put: doc })));
  }

  /** Journals updated documents as the top-level fields the update touched (see journal.ts). */
  private patch(docs: T[], update: Update): Promise<void> {
    const fields = touchedFields(update);
    return this.journal.append(
      docs.map((doc) => {
        const values = doc as unknown as Record<string, unknown>;
        const set: Record<string, unknown> = { _id: doc._id };
        const unset: string[] = [];
        for (const field of fields) {
          if (values[field] === undefined) unset.push(field);
          else set[field] = values[field];
        }
        return { c: this.name, set: set as unknown as Doc, ...(unset.length ? { unset } : {}) };
      }),
    );
  }

  async insertOne(doc: T): Promise<void> {
    try {
      await this.write(() => this.ds.insertAsync(doc));
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(this.name, err);
      throw err;
    }
    await this.put([doc]);
  }

  async findOne(filter: Filter, options: FindOptions = {}): Promise<T | null> {
    const [doc] = await this.find(filter, { ...options, limit: 1 });
    return doc ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    if (onlyId(filter) && !options.projection && !options.skip && this.writesInFlight === 0) {
      // Every message reads its visitor and conversation by id: this is that path, made cheap.
      const found = indexesOf(this.ds)._id!.getMatching(filter._id);
      return found.map((doc) => model.deepCopy(doc) as unknown as T);
    }
    let cursor = this.ds.findAsync(idLast(filter), options.projection ?? {});
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor) as T[];
  }

  count(filter: Filter): Promise<number> {
    return this.ds.countAsync(idLast(filter)) as unknown as Promise<number>;
  }

  updateOne(filter: Filter, update: Update): Promise<number> {
    return this.update(filter, update, false).then((docs) => docs.length);
  }

  updateMany(filter: Filter, update: Update): Promise<number> {
    return this.update(filter, update, true).then((docs) => docs.length);
  }

  private async update(filter: Filter, update: Update, multi: boolean): Promise<T[]> {
    let result;
    try {
      result = await this.write(() => this.ds.updateAsync(idLast(filter), update as never, { multi, returnUpdatedDocs: true }));
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(this.name, err);
      throw err;
    }
    const raw = result.affectedDocuments as unknown;
    const docs = (Array.isArray(raw) ? raw : raw ? [raw] : []) as T[];
    await this.patch(docs, update);
    return docs;
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    // By id alone there is one candidate: update it directly (the common case).
    if (onlyId(filter) && options.returnDocument !== 'before') {
      const [doc] = await this.update(filter, update, false);
      return doc ?? null;
    }
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      const candidate = await this.findOne(filter, options.sort ? { sort: options.sort } : {});
      if (!candidate) return null;
      // The filter again (the candidate may have changed since it was read), pinned to its id.
      const [updated] = await this.update({ ...filter, _id: candidate._id }, update, false);
      if (updated) return options.returnDocument === 'before' ? candidate : updated;
    }
    return null;
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.delete(filter, false);
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.delete(filter, true);
  }

  private async delete(filter: Filter, multi: boolean): Promise<number> {
    const found = await this.find(filter, { projection: { _id: 1 }, ...(multi ? {} : { limit: 1 }) });
    if (!found.length) return 0;
    const ids = found.map((d) => d._id);
    const removed = await this.write(() => this.ds.removeAsync({ _id: { $in: ids } }, { multi: true }));
    await this.journal.append(ids.map((id) => ({ c: this.name, del: id })));
    return removed;
  }

  async ensureIndexes(indexes: IndexSpec[]): Promise<void> {
    for (const index of indexes) {
      const fields = Object.keys(index.keys);
      await this.write(() =>
        this.ds.ensureIndexAsync({ fieldName: fields.length === 1 ? fields[0]! : fields, unique: index.unique ?? false }),
      );
      // MongoDB answers a query on a compound index's first field from that index; nedb
      // only uses a compound index when every field is in the query. Index the prefix too.
      if (fields.length > 1) await this.write(() => this.ds.ensureIndexAsync({ fieldName: fields[0]! }));
    }
    this.tuneIndexes();
  }

  /** Every live document, for compaction. */
  all(): T[] {
    return this.ds.getAllData();
  }
}
