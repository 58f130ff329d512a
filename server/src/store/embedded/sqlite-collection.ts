/**
 * A DocCollection over one SQLite document table. Reads run on the connection directly
 * (they see committed data only: a write transaction is opened and committed within one
 * synchronous step, never across an await); writes go through the group commit.
 */
import type { Doc, DocCollection, Filter, FindOneAndUpdateOptions, FindOptions, IndexSpec, Update } from '../collection.js';
import { StoreUnavailableError } from '../errors.js';
import type { GroupCommit } from './group-commit.js';
import { NewestFirst } from './newest-first.js';
import { isUnavailable, type SqliteEngine } from './sqlite-engine.js';
import { orderBy, tableName, whereClause, type SqlValue } from './sql-query.js';

function project<T>(doc: Record<string, unknown>, projection: Record<string, 0 | 1>): T {
  const fields = Object.entries(projection);
  if (fields.some(([f]) => f.includes('.'))) throw new Error('projection on nested fields is not supported');
  if (fields.every(([, v]) => v === 0)) {
    for (const [field] of fields) delete doc[field];
    return doc as T;
  }
  const out: Record<string, unknown> = { _id: doc._id };
  for (const [field, keep] of fields) {
    if (keep) out[field] = doc[field];
    else delete out[field];
  }
  for (const field of Object.keys(out)) if (out[field] === undefined) delete out[field];
  return out as T;
}

export class SqliteCollection<T extends Doc> implements DocCollection<T> {
  private readonly table: string;
  private readonly newestFirst: NewestFirst;

  constructor(
    readonly name: string,
    private readonly engine: SqliteEngine,
    private readonly writer: GroupCommit,
  ) {
    this.table = tableName(name);
    this.newestFirst = new NewestFirst(name, engine);
  }

  /** The indexes made for it: a common-key search may walk the one matching its sort. */
  addIndex(index: IndexSpec): void {
    this.newestFirst.addIndex(index);
  }

  /** A read that failed for the store's sake is logged once here and becomes unavailable. */
  private read<R>(what: string, run: () => R): Promise<R> {
    try {
      return Promise.resolve(run());
    } catch (err) {
      if (!isUnavailable(err)) return Promise.reject(err);
      this.engine.log.error({ err, file: this.engine.file, collection: this.name, op: what }, 'embedded store: read failed');
      return Promise.reject(new StoreUnavailableError(err));
    }
  }

  async insertOne(doc: T): Promise<void> {
    await this.writer.submit({ kind: 'insert', collection: this.name, id: doc._id, doc: JSON.stringify(doc) });
  }

  async findOne(filter: Filter, options: FindOptions = {}): Promise<T | null> {
    const [doc] = await this.find(filter, { ...options, limit: 1 });
    return doc ?? null;
  }

  find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.read('find', () => {
      const rows = this.newestFirst.find(filter, options) ?? this.findRows(filter, options);
      const { projection } = options;
      return rows.map((json) => {
        const doc = JSON.parse(json) as Record<string, unknown>;
        return projection ? project<T>(doc, projection) : (doc as unknown as T);
      });
    });
  }

  private findRows(filter: Filter, options: FindOptions): string[] {
    const params: SqlValue[] = [];
    let sql = `SELECT doc FROM ${this.table} WHERE ${whereClause(filter, params, this.name)}${orderBy(options.sort)}`;
    if (options.limit || options.skip) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(options.limit || -1, options.skip ?? 0);
    }
    return this.engine.all<string>(sql, params, true);
  }

  count(filter: Filter): Promise<number> {
    return this.read('count', () => {
      const params: SqlValue[] = [];
      return this.engine.get<number>(`SELECT count(*) FROM ${this.table} WHERE ${whereClause(filter, params, this.name)}`, params, true)!;
    });
  }

  async updateOne(filter: Filter, update: Update): Promise<number> {
    return (await this.writer.submit({ kind: 'update', collection: this.name, filter, update, multi: false })) as number;
  }

  async updateMany(filter: Filter, update: Update): Promise<number> {
    return (await this.writer.submit({ kind: 'update', collection: this.name, filter, update, multi: true })) as number;
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const json = await this.writer.submit({
      kind: 'findOneAndUpdate',
      collection: this.name,
      filter,
      update,
      ...(options.sort ? { sort: options.sort } : {}),
      returnDocument: options.returnDocument ?? 'after',
    });
    return typeof json === 'string' ? (JSON.parse(json) as T) : null;
  }

  async deleteOne(filter: Filter): Promise<number> {
    return (await this.writer.submit({ kind: 'delete', collection: this.name, filter, multi: false })) as number;
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.writer.submit({ kind: 'delete', collection: this.name, filter, multi: true })) as number;
  }
}
