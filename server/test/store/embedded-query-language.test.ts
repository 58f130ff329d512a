/**
 * The embedded store's translation of MongoDB's filters and updates, on a real SQLite file:
 * the cases where SQL and MongoDB differ by default (null and missing fields, booleans,
 * $ne/$nin on missing fields, nested paths) and the atomicity of a multi-document update.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocCollection, Filter } from '../../src/store/collection.js';
import { openEmbedded, type EmbeddedDatabase } from '../../src/store/embedded/open-embedded.js';
import { DuplicateKeyError } from '../../src/store/errors.js';

interface Item {
  _id: string;
  n?: number | null;
  s?: string | null;
  flag?: boolean;
  tags?: string[];
  nested?: { a: number; b?: number };
  key?: string;
}

let dir: string;
let db: EmbeddedDatabase;
let items: DocCollection<Item>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'counter-query-'));
  db = await openEmbedded(dir);
  items = await db.collection<Item>('items', [
    { name: 'n', keys: { n: 1 } },
    { name: 'key', keys: { key: 1 }, unique: true },
  ]);
  await Promise.all([
    items.insertOne({ _id: 'a', n: 1, s: 'x', flag: true, nested: { a: 1 } }),
    items.insertOne({ _id: 'b', n: 2, s: null, flag: false }),
    items.insertOne({ _id: 'c', n: null, s: 'y' }),
    items.insertOne({ _id: 'd' }),
  ]);
});
afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

const ids = async (filter: Filter) => (await items.find(filter, { sort: { _id: 1 } })).map((d) => d._id);

describe('embedded store query language', () => {
  it('matches null and missing fields the way MongoDB does', async () => {
    expect(await ids({ n: null })).toEqual(['c', 'd']);
    expect(await ids({ n: { $ne: null } })).toEqual(['a', 'b']);
    expect(await ids({ s: { $ne: 'x' } })).toEqual(['b', 'c', 'd']);
    expect(await ids({ s: { $nin: ['x'] } })).toEqual(['b', 'c', 'd']);
    expect(await ids({ s: { $nin: ['x', null] } })).toEqual(['c']);
    expect(await ids({ s: { $in: ['y', null] } })).toEqual(['b', 'c', 'd']);
    expect(await ids({ n: { $ne: null, $lte: 1 } })).toEqual(['a']);
    expect(await ids({ n: { $gt: 0, $lt: 3 } })).toEqual(['a', 'b']);
  });

  it('compares booleans, nested paths, $and and ids', async () => {
    expect(await ids({ flag: true })).toEqual(['a']);
    expect(await ids({ flag: false })).toEqual(['b']);
    expect(await ids({ 'nested.a': 1 })).toEqual(['a']);
    expect(await ids({ $and: [{ n: { $gte: 1 } }, { _id: { $in: ['b', 'c'] } }] })).toEqual(['b']);
    expect(await ids({ _id: { $in: [] } })).toEqual([]);
    expect(await items.count({ n: { $ne: null } })).toBe(2);
  });

  it('sorts nulls first ascending, skips, limits and projects', async () => {
    expect((await items.find({}, { sort: { n: 1, _id: 1 } })).map((d) => d._id)).toEqual(['c', 'd', 'a', 'b']);
    expect((await items.find({}, { sort: { n: -1, _id: 1 }, skip: 1, limit: 2 })).map((d) => d._id)).toEqual(['a', 'c']);
    expect(await items.findOne({ _id: 'a' }, { projection: { n: 1 } })).toEqual({ _id: 'a', n: 1 });
  });

  it('refuses an operator it does not know instead of answering something else', async () => {
    await expect(items.find({ n: { $exists: true } } as Filter)).rejects.toThrow(/unsupported query operator \$exists/);
    await expect(items.find({ $nor: [] } as Filter)).rejects.toThrow(/unsupported query operator \$nor/);
    await expect(items.find({ $or: [] } as Filter)).rejects.toThrow(/\$or needs a non-empty array/);
    // $all reads a multikey index's side table: without the index it fails, never scans.
    await expect(items.find({ tags: { $all: ['x'] } } as Filter)).rejects.toThrow(/no such table/);
  });

  it('answers $or, and $all from a multikey index kept on insert, update and delete (issue 16)', async () => {
    const tagged = await db.collection<Item>('tagged', [{ name: 'tags', keys: { tags: 1 }, multikey: true }]);
    await tagged.insertOne({ _id: 'p', tags: ['red', 'big'], n: 1 });
    await tagged.insertOne({ _id: 'q', tags: ['red'], n: 2 });
    const ids = async (f: Filter) => (await tagged.find(f, { sort: { _id: 1 } })).map((i) => i._id);
    expect(await ids({ tags: { $all: ['red'] } })).toEqual(['p', 'q']);
    expect(await ids({ tags: { $all: ['red', 'big'] } })).toEqual(['p']);
    expect(await ids({ $or: [{ n: 2 }, { tags: { $all: ['big'] } }] })).toEqual(['p', 'q']);
    await tagged.updateOne({ _id: 'q' }, { $push: { tags: 'big' } });
    expect(await ids({ tags: { $all: ['red', 'big'] } })).toEqual(['p', 'q']);
    await tagged.updateOne({ _id: 'p' }, { $set: { tags: [] } });
    expect(await ids({ tags: { $all: ['red'] } })).toEqual(['q']);
    await tagged.deleteOne({ _id: 'q' });
    expect(await ids({ tags: { $all: ['red'] } })).toEqual([]);
  });

  it('applies $set, $unset, $inc, $max, $min, $push and $pull', async () => {
    await items.insertOne({ _id: 'u', n: 5, tags: ['a'], nested: { a: 1 } });
    const after = await items.findOneAndUpdate(
      { _id: 'u' },
      { $inc: { 'nested.a': 2, 'nested.b': 1 }, $push: { tags: { $each: ['b', 'c'] } }, $unset: { n: true }, $set: { s: 'z' } },
    );
    expect(after).toEqual({ _id: 'u', tags: ['a', 'b', 'c'], nested: { a: 3, b: 1 }, s: 'z' });
    await items.updateOne({ _id: 'u' }, { $pull: { tags: 'b' }, $max: { n: 3 } });
    await items.updateOne({ _id: 'u' }, { $min: { n: 1 } });
    expect(await items.findOne({ _id: 'u' })).toEqual({ _id: 'u', tags: ['a', 'c'], nested: { a: 3, b: 1 }, s: 'z', n: 1 });
    const before = await items.findOneAndUpdate({ _id: 'u' }, { $set: { n: 9 } }, { returnDocument: 'before' });
    expect(before?.n).toBe(1);
  });

  it('undoes a whole updateMany when one of its documents breaks a unique key', async () => {
    await items.insertOne({ _id: 'k1', key: 'k1', n: 100 });
    await items.insertOne({ _id: 'k2', key: 'k2', n: 100 });
    await expect(items.updateMany({ n: 100 }, { $set: { key: 'same' } })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect((await items.find({ n: 100 }, { sort: { _id: 1 } })).map((d) => d.key)).toEqual(['k1', 'k2']);
  });
});
