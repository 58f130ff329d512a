/**
 * The embedded store swaps updated documents into nedb's indexes in place when their keys do
 * not change, and compares compound keys field by field (store/embedded/fast-indexes.ts).
 * Every index must still answer with the latest version, and a refused update must leave
 * every index as it was.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DocCollection } from '../../src/store/collection.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { DuplicateKeyError } from '../../src/store/errors.js';

interface Row {
  _id: string;
  owner: string;
  slot: string;
  status: string;
  rank: number;
  count: number;
}

describe('embedded store indexes after updates', () => {
  let dir: string;
  let db: Database;
  let rows: DocCollection<Row>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'counter-indexes-'));
    db = await openEmbedded(dir, { fsync: false });
    rows = await db.collection<Row>('rows', [
      { name: 'slot', keys: { slot: 1 }, unique: true },
      { name: 'owner_status', keys: { owner: 1, status: 1 } },
      { name: 'status_rank', keys: { status: 1, rank: -1 } },
    ]);
    for (let i = 0; i < 50; i++) {
      await rows.insertOne({ _id: `r${i}`, owner: `o${i % 5}`, slot: `s${i}`, status: 'open', rank: i, count: 0 });
    }
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers with the new version through every index when no key changed', async () => {
    expect(await rows.updateOne({ _id: 'r7' }, { $inc: { count: 1 } })).toBe(1);
    expect((await rows.findOne({ _id: 'r7' }))?.count).toBe(1);
    expect((await rows.findOne({ slot: 's7' }))?.count).toBe(1);
    // Without _id in the filter, so that the compound index answers (an _id picks the _id index).
    expect((await rows.find({ owner: 'o2', status: 'open' })).find((r) => r._id === 'r7')?.count).toBe(1);
    expect((await rows.findOne({ status: 'open', rank: 7 }))?.count).toBe(1);
  });

  it('moves the entry when a key changes, in plain and compound indexes', async () => {
    await rows.updateOne({ _id: 'r8' }, { $set: { status: 'closed', slot: 's8b' } });
    expect(await rows.findOne({ slot: 's8' })).toBeNull();
    expect((await rows.findOne({ slot: 's8b' }))?._id).toBe('r8');
    expect((await rows.find({ owner: 'o3', status: 'closed' })).map((r) => r._id)).toEqual(['r8']);
    expect((await rows.find({ owner: 'o3', status: 'open' })).map((r) => r._id)).not.toContain('r8');
  });

  it('a refused update (unique key taken) changes no index', async () => {
    await expect(rows.updateOne({ _id: 'r9' }, { $set: { slot: 's10', count: 5 } })).rejects.toBeInstanceOf(DuplicateKeyError);
    const viaId = await rows.findOne({ _id: 'r9' });
    expect(viaId).toMatchObject({ slot: 's9', count: 0 });
    expect(await rows.findOne({ slot: 's9' })).toEqual(viaId);
    expect((await rows.find({ owner: 'o4', status: 'open' })).find((r) => r._id === 'r9')).toEqual(viaId);
    expect((await rows.findOne({ slot: 's10' }))?._id).toBe('r10');
  });

  it('updates many documents at once, some keys moving and some not', async () => {
    expect(await rows.updateMany({ owner: 'o1' }, { $inc: { count: 1 } })).toBe(10);
    await rows.updateMany({ owner: 'o1', rank: { $lt: 20 } }, { $set: { status: 'held' } });
    const held = await rows.find({ owner: 'o1', status: 'held' }, { sort: { rank: 1 } });
    expect(held.map((r) => r._id)).toEqual(['r1', 'r6', 'r11', 'r16']);
    expect(held.every((r) => r.count === 1)).toBe(true);
    const open = await rows.find({ owner: 'o1', status: 'open' }, { sort: { rank: 1 } });
    expect(open.map((r) => r.rank)).toEqual([21, 26, 31, 36, 41, 46]);
    expect(open.every((r) => r.count === 1)).toBe(true);
  });

  it('deletes what was swapped in', async () => {
    await rows.updateOne({ _id: 'r12' }, { $inc: { count: 1 } });
    expect(await rows.deleteOne({ slot: 's12' })).toBe(1);
    expect(await rows.findOne({ _id: 'r12' })).toBeNull();
    expect((await rows.find({ owner: 'o2', status: 'open' })).map((r) => r._id)).not.toContain('r12');
    await rows.insertOne({ _id: 'r12', owner: 'o2', slot: 's12', status: 'open', rank: 12, count: 9 });
    expect((await rows.findOne({ slot: 's12' }))?.count).toBe(9);
  });
});
