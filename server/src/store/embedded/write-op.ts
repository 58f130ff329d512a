/**
 * The embedded store's writes as data, and how one is carried out inside the open write
 * transaction. Reading the matched rows, applying the update in JS and writing them back
 * happen in one synchronous step of the only writer, so a filter with a condition in it and
 * its update are atomic, which is all findOneAndUpdate needs.
 */
import type { Filter, Sort, Update } from '../collection.js';
import { applyUpdate } from './apply-update.js';
import type { SqliteEngine } from './sqlite-engine.js';
import { orderBy, tableName, whereClause, type SqlValue } from './sql-query.js';

export type WriteOp =
  | { kind: 'insert'; collection: string; id: string; doc: string }
  | { kind: 'update'; collection: string; filter: Filter; update: Update; multi: boolean }
  | {
      kind: 'findOneAndUpdate';
      collection: string;
      filter: Filter;
      update: Update;
      sort?: Sort;
      returnDocument: 'before' | 'after';
    }
  | { kind: 'delete'; collection: string; filter: Filter; multi: boolean }
  /** A write that tells whether the store can write again (after a failure). */
  | { kind: 'probe' };

/** A count, a document as JSON (findOneAndUpdate) or null. */
export type WriteResult = number | string | null;

export const META_TABLE = 'counter_meta';
/** Big enough (several pages) that the probe needs room, as a message with its indexes does. */
const PROBE_VALUE = 'x'.repeat(16 * 1024);

function select(engine: SqliteEngine, collection: string, filter: Filter, limitOne: boolean, sort?: Sort) {
  const params: SqlValue[] = [];
  const sql = `SELECT id, doc FROM ${tableName(collection)} WHERE ${whereClause(filter, params, collection)}${orderBy(sort)}${limitOne ? ' LIMIT 1' : ''}`;
  return engine.all<{ id: string; doc: string }>(sql, params);
}

function rewrite(engine: SqliteEngine, collection: string, id: string, doc: string, update: Update): string {
  const value = JSON.parse(doc) as Record<string, unknown>;
  applyUpdate(value, update);
  const json = JSON.stringify(value);
  engine.run(`UPDATE ${tableName(collection)} SET doc = ? WHERE id = ?`, [json, id]);
  return json;
}

export function executeWrite(engine: SqliteEngine, op: WriteOp): WriteResult {
  switch (op.kind) {
    case 'insert':
      engine.run(`INSERT INTO ${tableName(op.collection)} (id, doc) VALUES (?, ?)`, [op.id, op.doc]);
      return 1;
    case 'update': {
      const rows = select(engine, op.collection, op.filter, !op.multi);
      for (const row of rows) rewrite(engine, op.collection, row.id, row.doc, op.update);
      return rows.length;
    }
    case 'findOneAndUpdate': {
      const [row] = select(engine, op.collection, op.filter, true, op.sort);
      if (!row) return null;
      const after = rewrite(engine, op.collection, row.id, row.doc, op.update);
      return op.returnDocument === 'before' ? row.doc : after;
    }
    case 'delete': {
      const params: SqlValue[] = [];
      const table = tableName(op.collection);
      const where = whereClause(op.filter, params, op.collection);
      const sql = op.multi
        ? `DELETE FROM ${table} WHERE ${where}`
        : `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} LIMIT 1)`;
      return engine.run(sql, params).changes;
    }
    case 'probe':
      engine.run(
        `INSERT INTO ${META_TABLE} (key, value) VALUES ('probe', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        [PROBE_VALUE],
      );
      return null;
  }
}
