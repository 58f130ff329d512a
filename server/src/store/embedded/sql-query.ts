/**
 * Translates the small part of MongoDB's query language the repositories use into SQL over
 * one document table `(id TEXT PRIMARY KEY, doc TEXT NOT NULL)`. Every field becomes the
 * expression `json_extract(doc,'$.field')`, the same text the indexes are declared on, so
 * SQLite answers each condition from an index (a test checks every repository query's plan).
 *
 * Supported: equality (null matches null or missing, as in MongoDB), $eq, $ne, $in, $nin,
 * $gt, $gte, $lt, $lte, $and, $or, and $all on a field with a multikey index (below).
 * Anything else throws: a repository asking for more than this must extend it here, not get
 * a silently different answer.
 *
 * Arrays (multikey indexes). MongoDB indexes every element of an array field by itself; a
 * SQLite expression index cannot. An index spec with `multikey: true` therefore gets an FTS5
 * table `<collection>__fts_<field>` whose row for a document (same rowid) holds the elements
 * as tokens, kept by triggers on the document table (so every write path, both connections
 * and the statement rollback of a failed write keep it exact), and
 * `{ field: { $all: [a, b] } }` becomes `rowid IN (SELECT rowid FROM fts WHERE fts MATCH
 * 'a AND b')`. Why FTS5 and not a (key, id) table: a message has ~15 search keys spread over
 * the whole key space, so a B-tree of pairs dirtied ~15 random pages per message and every
 * group commit wrote them all to the WAL again (~350 µs of the writer per message, measured);
 * FTS5 buffers a transaction's tokens and writes them as one sorted segment (~75 µs).
 * Tokens are `s` or `n` (string, number) and the hex of the element's UTF-8 text, so FTS5's
 * `ascii` tokenizer keeps any element (Chinese, punctuation, spaces) as exactly one token.
 * The rowid is the document table's own, which SQLite keeps on UPDATE; only VACUUM could
 * renumber it, and the store never runs VACUUM.
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

/** The FTS5 table holding the elements of an array field (see the note at the top). */
export function multikeyTable(collection: string, field: string): string {
  if (!NAME.test(collection) || !NAME.test(field)) throw new Error(`unsupported multikey index: ${collection}.${field}`);
  return `"${collection}__fts_${field}"`;
}

/** The side table of the first multikey design (a B-tree of (key, id)); dropped on open. */
export function legacyMultikeyTable(collection: string, field: string): string {
  return `"${collection}__mk_${field}"`;
}

/** An element's token, exactly as the triggers' SQL writes it (`ELEMENT_TOKEN`). */
function elementToken(value: SqlValue, context: string): string {
  if (typeof value === 'string') return `s${Buffer.from(value, 'utf8').toString('hex')}`;
  if (typeof value === 'number') return `n${Buffer.from(String(value), 'utf8').toString('hex')}`;
  throw new Error(`unsupported value in ${context}: null`);
}
/** The FTS5 table of a multikey field and the MATCH expression of `{ field: { $all: values } }`. */
export function multikeyMatch(collection: string, field: string, values: unknown): { fts: string; match: string } {
  if (!Array.isArray(values) || !values.length) throw new Error(`$all on ${field} needs a non-empty array`);
  const match = values.map((v) => elementToken(scalar(v, `$all on ${field}`), `$all on ${field}`)).join(' AND ');
  return { fts: multikeyTable(collection, field), match };
}
const ELEMENT_TOKEN = `(CASE type WHEN 'text' THEN 's' ELSE 'n' END) || lower(hex(value))`;

function condition(field: string, op: string, value: unknown, params: SqlValue[], collection?: string): string {
  const expr = fieldExpr(field);
  switch (op) {
    case '$all': {
      if (!collection) throw new Error(`$all on ${field} needs its collection`);
      const { fts, match } = multikeyMatch(collection, field, value);
      params.push(match);
      return `rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`;
    }
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

/**
 * The WHERE clause of a filter ('1' for an empty one); its parameters are appended to `params`.
 * `collection` names the side tables of multikey fields (needed by $all only).
 */
export function whereClause(filter: Filter, params: SqlValue[], collection?: string): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || !value.length) throw new Error(`${key} needs a non-empty array`);
      const joined = value.map((f: Filter) => `(${whereClause(f, params, collection)})`).join(key === '$and' ? ' AND ' : ' OR ');
      parts.push(key === '$and' ? joined : `(${joined})`);
    } else if (key.startsWith('$')) {
      throw new Error(`unsupported query operator ${key}`);
    } else if (isOperatorObject(value)) {
      for (const [op, operand] of Object.entries(value)) parts.push(condition(key, op, operand, params, collection));
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
  if (index.multikey) throw new Error(`index ${index.name} is multikey: use multikeyIndexSql`);
  const columns = Object.entries(index.keys)
    .map(([field, dir]) => `${fieldExpr(field)}${dir === -1 ? ' DESC' : ''}`)
    .join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${collection}__${index.name}" ON ${tableName(collection)} (${columns})`;
}

export function createTableSql(collection: string): string {
  return `CREATE TABLE IF NOT EXISTS ${tableName(collection)} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`;
}

/**
 * A multikey index on one array field: the FTS5 table and the triggers that keep it equal to
 * the documents. `fill` copies the elements of documents stored before the index existed (run
 * once, when the table is new); `dropLegacy` removes the first design's side table.
 */
export function multikeyIndexSql(collection: string, index: IndexSpec): { create: string[]; fill: string; dropLegacy: string[] } {
  // The fields after the array one serve MongoDB's sorted walk (see IndexSpec.multikey);
  // here the documents' own indexes sort what the FTS5 table found.
  const field = Object.keys(index.keys)[0];
  if (!field) throw new Error(`multikey index ${index.name} has no field`);
  const table = tableName(collection);
  const fts = multikeyTable(collection, field);
  const base = fts.slice(1, -1);
  const legacy = legacyMultikeyTable(collection, field);
  const tokens = (row: string) =>
    `(SELECT group_concat(t, ' ') FROM (SELECT DISTINCT ${ELEMENT_TOKEN} AS t FROM json_each(${row}.doc, '$.${field}') WHERE type IN ('text', 'integer', 'real')))`;
  const insertRow = (row: string) => `INSERT INTO ${fts} (rowid, k) SELECT ${row}.rowid, k FROM (SELECT ${tokens(row)} AS k) WHERE k IS NOT NULL;`;
  return {
    create: [
      // detail=none: membership is all $all asks, so no positions are stored.
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${fts} USING fts5(k, content='', contentless_delete=1, tokenize='ascii', detail=none)`,
      `INSERT INTO ${fts} (${fts}, rank) VALUES ('automerge', 16)`,
      `CREATE TRIGGER IF NOT EXISTS "${base}__insert" AFTER INSERT ON ${table} BEGIN ${insertRow('NEW')} END`,
      `CREATE TRIGGER IF NOT EXISTS "${base}__update" AFTER UPDATE OF doc ON ${table}
        WHEN json_extract(OLD.doc, '$.${field}') IS NOT json_extract(NEW.doc, '$.${field}') BEGIN
        DELETE FROM ${fts} WHERE rowid = OLD.rowid;
        ${insertRow('NEW')} END`,
      `CREATE TRIGGER IF NOT EXISTS "${base}__delete" AFTER DELETE ON ${table} BEGIN
        DELETE FROM ${fts} WHERE rowid = OLD.rowid; END`,
    ],
    fill: `INSERT INTO ${fts} (rowid, k) SELECT d.rowid, k FROM (SELECT d.rowid AS rowid, ${tokens('d')} AS k FROM ${table} d) d WHERE k IS NOT NULL`,
    dropLegacy: ['insert', 'update', 'delete'].map((t) => `DROP TRIGGER IF EXISTS "${legacy.slice(1, -1)}__${t}"`).concat(`DROP TABLE IF EXISTS ${legacy}`),
  };
}
