/**
 * Translates the small part of MongoDB's query language the repositories use into SQL over
 * one document table `(id TEXT PRIMARY KEY, doc TEXT NOT NULL)`. Every field becomes the
 * expression `json_extract(doc,'$.field')`, the same text the indexes are declared on, so
 * SQLite answers each condition from an index (a test checks every repository query's plan).
 *
 * Supported: equality (null matches null or missing, as in MongoDB), $eq, $ne, $in, $nin,
 * $gt, $gte, $lt, $lte, and $and. Anything else throws: a repository asking for more than
 * this must extend it here, not get a silently different answer.
 */
import type { Filter, IndexSpec, Sort } from '../collection.js';

export type SqlValue = string | number | null;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The quoted table name of a collection. */
export function tableName(collection: string): string {
  if (!NAME.test(collection)) throw new Error(`unsupported collection name: ${collection}`);
  return `"${collection}"`;
}

/** The SQL expression of a document field; `_id` is the primary key column. */
export function fieldExpr(field: string): string {
  if (field === '_id') return 'id';
  if (!FIELD.test(field)) throw new Error(`unsupported field name: ${field}`);
  return `json_extract(doc,'$.${field}')`;
}

/** A JSON scalar as SQLite's json_extract returns it (booleans are 1 and 0). */
function scalar(value: unknown, context: string): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value === null) return null;
  throw new Error(`unsupported value in ${context}: ${JSON.stringify(value)}`);
}

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((k) => k.startsWith('$'));

const COMPARISONS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

function listParam(values: unknown, op: string, field: string): { json: string; hasNull: boolean } {
  if (!Array.isArray(values)) throw new Error(`${op} on ${field} needs an array`);
  const scalars = values.map((v) => scalar(v, `${op} on ${field}`));
  return { json: JSON.stringify(scalars.filter((v) => v !== null)), hasNull: scalars.includes(null) };
}

function condition(field: string, op: string, value: unknown, params: SqlValue[]): string {
  const expr = fieldExpr(field);
  switch (op) {
    case '$eq':
      if (value === null) return `${expr} IS NULL`;
      params.push(scalar(value, field));
      return `${expr} = ?`;
    case '$ne':
      if (value === null) return `${expr} IS NOT NULL`;
      params.push(scalar(value, field));
      return `${expr} IS NOT ?`;
    case '$in': {
      const { json, hasNull } = listParam(value, op, field);
      params.push(json);
      const within = `${expr} IN (SELECT value FROM json_each(?))`;
      return hasNull ? `(${within} OR ${expr} IS NULL)` : within;
    }
    case '$nin': {
      const { json, hasNull } = listParam(value, op, field);
      params.push(json);
      const outside = `${expr} NOT IN (SELECT value FROM json_each(?))`;
      return hasNull ? `(${expr} IS NOT NULL AND ${outside})` : `(${expr} IS NULL OR ${outside})`;
    }
    default: {
      // Own keys only: an operator named like a prototype member is unsupported, not a function.
      const sqlOp = Object.hasOwn(COMPARISONS, op) ? COMPARISONS[op] : undefined;
      if (!sqlOp) throw new Error(`unsupported query operator ${op} on ${field}`);
      if (value === null) throw new Error(`${op} null on ${field} is not supported`);
      params.push(scalar(value, field));
      return `${expr} ${sqlOp} ?`;
    }
  }
}

/** The WHERE clause of a filter ('1' for an empty one); its parameters are appended to `params`. */
export function whereClause(filter: Filter, params: SqlValue[]): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') {
      if (!Array.isArray(value)) throw new Error('$and needs an array');
      parts.push(...value.map((f: Filter) => `(${whereClause(f, params)})`));
    } else if (key.startsWith('$')) {
      throw new Error(`unsupported query operator ${key}`);
    } else if (isOperatorObject(value)) {
      for (const [op, operand] of Object.entries(value)) parts.push(condition(key, op, operand, params));
    } else {
      parts.push(condition(key, '$eq', value, params));
    }
  }
  return parts.length ? parts.join(' AND ') : '1';
}

export function orderBy(sort: Sort | undefined): string {
  if (!sort || !Object.keys(sort).length) return '';
  return ` ORDER BY ${Object.entries(sort)
    .map(([field, dir]) => `${fieldExpr(field)} ${dir === -1 ? 'DESC' : 'ASC'}`)
    .join(', ')}`;
}

/** CREATE INDEX for a spec, over the same expressions the queries use. */
export function createIndexSql(collection: string, index: IndexSpec): string {
  if (!NAME.test(index.name)) throw new Error(`unsupported index name: ${index.name}`);
  const columns = Object.entries(index.keys)
    .map(([field, dir]) => `${fieldExpr(field)}${dir === -1 ? ' DESC' : ''}`)
    .join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${collection}__${index.name}" ON ${tableName(collection)} (${columns})`;
}

export function createTableSql(collection: string): string {
  return `CREATE TABLE IF NOT EXISTS ${tableName(collection)} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`;
}
