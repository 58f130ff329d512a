/**
 * The few nedb internals the embedded store relies on (nedb ships no types for them): its
 * value helpers and its Index. nedb is pinned by the lockfile; the store contract suite runs
 * on every change.
 */
import { createRequire } from 'node:module';

export type Key = unknown;
export type RawDoc = Record<string, unknown>;

export interface Pair {
  oldDoc: RawDoc;
  newDoc: RawDoc;
}

/** What nedb's Index needs from its tree. */
export interface IndexTree {
  insert(key: Key, doc: RawDoc): void;
  delete(key: Key, doc?: RawDoc): void;
  search(key: Key): RawDoc[];
  getNumberOfKeys(): number;
  executeOnEveryNode(fn: (node: { data: RawDoc[] }) => void): void;
  betweenBounds(query: unknown): RawDoc[];
}

export interface NedbIndex {
  _fields: string[];
  unique: boolean;
  sparse: boolean;
  treeOptions: { compareKeys: (a: Key, b: Key) => number };
  tree: IndexTree;
  reset(docs?: RawDoc | RawDoc[]): void;
  insert(docs: RawDoc | RawDoc[]): void;
  update(oldDoc: RawDoc | Pair[], newDoc?: RawDoc): void;
  getMatching(value: Key): RawDoc[];
}

const require = createRequire(import.meta.url);

export const model = require('@seald-io/nedb/lib/model.js') as {
  getDotValue(doc: unknown, field: string): unknown;
  /** nedb's ordering of any two values (the one its indexes and sorts use). */
  compareThings(a: unknown, b: unknown): number;
  /** nedb's copy of a stored document (what its find returns). */
  deepCopy<T>(doc: T): T;
};

export function indexesOf(datastore: unknown): Record<string, NedbIndex> {
  return (datastore as { indexes: Record<string, NedbIndex> }).indexes;
}
