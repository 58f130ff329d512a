/**
 * The slice of MongoDB's collection API that repositories use. Both adapters implement it
 * with MongoDB's query and update language, so each repository is written once.
 *
 * Filters are built inside repositories from validated values only; a client payload is
 * never passed through as a filter.
 */
import type { BlobStore } from './blobs.js';

export type Filter = Record<string, unknown>;

export interface Update {
  $set?: Record<string, unknown>;
  $unset?: Record<string, true | '' | 1>;
  $inc?: Record<string, number>;
  $max?: Record<string, number>;
  $min?: Record<string, number>;
  $push?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
}

export type Sort = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
  projection?: Record<string, 0 | 1>;
}

export interface FindOneAndUpdateOptions {
  sort?: Sort;
  /** Default 'after'. */
  returnDocument?: 'before' | 'after';
}

export interface IndexSpec {
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  name: string;
}

export interface Doc {
  _id: string;
}

export interface DocCollection<T extends Doc> {
  readonly name: string;
  /** Throws DuplicateKeyError when a unique index is violated; nothing is written then. */
  insertOne(doc: T): Promise<void>;
  findOne(filter: Filter, options?: FindOptions): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** Returns how many documents matched (0 or 1). */
  updateOne(filter: Filter, update: Update): Promise<number>;
  updateMany(filter: Filter, update: Update): Promise<number>;
  /** Atomic: the filter (with any condition in it) and the update are one operation. */
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
}

/** A storage backend: named collections plus health and lifecycle. */
export interface Database {
  readonly kind: 'embedded' | 'mongodb';
  collection<T extends Doc>(name: string, indexes: IndexSpec[]): Promise<DocCollection<T>>;
  /** Files too large for documents (attachments): GridFS, or files in the data folder. */
  blobs(bucket: string): Promise<BlobStore>;
  /** Resolves when the backend answers; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
