/**
 * Two changes to how nedb maintains its indexes, which were most of the embedded store's CPU
 * per chat message (profiled with `pnpm bench --cpu-prof`):
 *
 * 1. Compound indexes and _id become hash maps. nedb keeps every index in an AVL tree and
 *    compares compound keys with its generic object comparison, which sorts both objects' keys
 *    on every comparison. But nedb only ever looks a compound index up by exact key (a query
 *    naming every field with a plain value; ranges and sorts never use one), and our queries
 *    look _id up by value or $in only, so a map from the encoded key answers the same lookups
 *    in O(1), with the same unique constraint and error. (Unsorted, unindexed queries then
 *    list documents in insertion order rather than _id order, as MongoDB's natural order.)
 *
 * 2. Updates that leave a key unchanged. nedb removes every updated document from every index
 *    and inserts the new version, even when the indexed fields did not change: a new chat
 *    message changes a conversation's counters, none of its nine index keys. Such an index only
 *    needs its entry to point at the new version of the document, which is swapped in place.
 *    Updates that do move a key go through nedb unchanged (with its unique checks and rollback).
 *
 * Both rely on nedb 4 internals (Index and its tree), pinned by the lockfile, and are covered
 * by the store contract suite and embedded-indexes-stay-consistent.test.ts.
 */
import { model, type IndexTree, type Key, type NedbIndex, type Pair, type RawDoc as Doc } from './nedb-internals.js';

const tuned = new WeakSet<NedbIndex>();

/**
 * One string per key, equal exactly when nedb's comparison says the keys are equal: a type
 * tag and the value, length-prefixed so that no two keys run into each other.
 */
function encodeValue(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  switch (typeof value) {
    case 'number':
      return `d${value === 0 ? 0 : value}`; // 0 and -0 compare equal
    case 'string':
      return `s${value.length}:${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
  }
  if (value instanceof Date) return `t${value.getTime()}`;
  if (Array.isArray(value)) return `a${value.length}[${value.map(encodeValue).join('')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .map((k) => `${k.length}:${k}${encodeValue((value as Record<string, unknown>)[k])}`);
  return `o${entries.length}{${entries.join('')}}`;
}

function encodeKey(fields: string[], key: Key): string {
  if (fields.length === 1) return encodeValue(key);
  const k = key as Record<string, unknown>;
  let out = '';
  for (const field of fields) out += encodeValue(k[field]);
  return out;
}

function uniqueViolation(key: Key): Error {
  // The same error nedb's trees throw, which the collection turns into DuplicateKeyError.
  return Object.assign(new Error(`Can't insert key ${JSON.stringify(key)}, it violates the unique constraint`), {
    key,
    errorType: 'uniqueViolated',
  });
}

/** A compound index as a map from encoded key to the documents holding it. */
class HashTree implements IndexTree {
  private readonly entries = new Map<string, Doc[]>();

  constructor(
    private readonly fields: string[],
    private readonly unique: boolean,
  ) {}

  insert(key: Key, doc: Doc): void {
    const k = encodeKey(this.fields, key);
    const docs = this.entries.get(k);
    if (!docs) this.entries.set(k, [doc]);
    else if (this.unique) throw uniqueViolation(key);
    else docs.push(doc);
  }

  delete(key: Key, doc?: Doc): void {
    const k = encodeKey(this.fields, key);
    const docs = this.entries.get(k);
    if (!docs) return;
    // As nedb's tree: the last document under a key takes the key with it.
    if (doc === undefined || docs.length === 1) {
      this.entries.delete(k);
      return;
    }
    const at = docs.indexOf(doc);
    if (at >= 0) docs.splice(at, 1);
  }

  search(key: Key): Doc[] {
    return this.entries.get(encodeKey(this.fields, key)) ?? [];
  }

  getNumberOfKeys(): number {
    return this.entries.size;
  }

  executeOnEveryNode(fn: (node: { data: Doc[] }) => void): void {
    for (const data of this.entries.values()) fn({ data });
  }

  /** Never used by nedb on a compound index nor by our queries on _id; correct, if slow. */
  betweenBounds(query: Record<string, unknown>): Doc[] {
    const out: Doc[] = [];
    for (const docs of this.entries.values()) {
      for (const doc of docs) {
        const key = this.fields.length === 1 ? doc[this.fields[0]!] : keyOfFields(this.fields, doc);
        if (withinBounds(key, query)) out.push(doc);
      }
    }
    return out;
  }
}

function keyOfFields(fields: string[], doc: Doc): Key {
  const key: Record<string, unknown> = {};
  for (const field of fields) key[field] = model.getDotValue(doc, field);
  return key;
}

function withinBounds(key: Key, query: Record<string, unknown>): boolean {
  const c = (bound: string) => model.compareThings(key, query[bound]);
  return (
    (!('$gt' in query) || c('$gt') > 0) &&
    (!('$gte' in query) || c('$gte') >= 0) &&
    (!('$lt' in query) || c('$lt') < 0) &&
    (!('$lte' in query) || c('$lte') <= 0)
  );
}

function keyOf(index: NedbIndex, doc: Doc): Key {
  const fields = index._fields;
  return fields.length === 1 ? model.getDotValue(doc, fields[0]!) : keyOfFields(fields, doc);
}

/** Indexes looked up by exact key only: compound ones (see above) and _id. */
const hashed = (index: NedbIndex) => index._fields.length > 1 || index._fields[0] === '_id';

/**
 * The pair's key, if the update leaves it unchanged and it is a single entry in the index
 * (nedb indexes the elements of an array value one by one: those go through nedb).
 */
function unchangedKey(index: NedbIndex, { oldDoc, newDoc }: Pair): { key: Key } | null {
  const before = keyOf(index, oldDoc);
  const after = keyOf(index, newDoc);
  if (hashed(index)) {
    return encodeKey(index._fields, before) === encodeKey(index._fields, after) ? { key: before } : null;
  }
  if (Array.isArray(before) || Array.isArray(after)) return null;
  return index.treeOptions.compareKeys(before, after) === 0 ? { key: before } : null;
}

/** Points the index entry of the old version at the new one; false if it is not there. */
function swapInPlace(index: NedbIndex, key: Key, { oldDoc, newDoc }: Pair): boolean {
  if (key === undefined && index.sparse) return true; // indexed neither before nor after
  const entries = index.tree.search(key);
  const at = entries.indexOf(oldDoc);
  if (at < 0) return false;
  entries[at] = newDoc;
  return true;
}

/** Applies both changes to one of a datastore's indexes (once; later calls do nothing). */
export function tuneIndex(index: NedbIndex, docs: Doc[]): void {
  if (tuned.has(index)) return;
  tuned.add(index);
  if (hashed(index)) {
    const fields = index._fields;
    index.reset = (data?: Doc | Doc[]) => {
      index.tree = new HashTree(fields, index.unique);
      if (data) index.insert(data);
    };
    index.reset(docs);
  }
  const update = index.update.bind(index);
  index.update = (oldDoc: Doc | Pair[], newDoc?: Doc) => {
    const pairs = Array.isArray(oldDoc) ? oldDoc : [{ oldDoc, newDoc: newDoc! }];
    // Moved keys first: if nedb refuses one (a unique key taken) it rolls its own changes
    // back and throws before anything was swapped here.
    const kept: { key: Key; pair: Pair }[] = [];
    const moved: Pair[] = [];
    for (const pair of pairs) {
      const unchanged = unchangedKey(index, pair);
      if (unchanged) kept.push({ key: unchanged.key, pair });
      else moved.push(pair);
    }
    if (moved.length) update(moved);
    for (const { key, pair } of kept) if (!swapInPlace(index, key, pair)) update([pair]);
  };
}
