/**
 * Report figures on the embedded store. Scanning JSON documents costs a parse per row, too
 * slow for a month of a busy shop; so, like the multikey indexes (see embedded/sql-query.ts),
 * a side table of plain columns is kept by triggers on the conversations table: every write
 * path, both connections and a rolled-back write keep it exact. The update trigger fires only
 * when a reported field changed, so most messages (which change none) cost no side write.
 * Order statistics are exact nearest ranks from two passes: a histogram, then the few values
 * of the buckets the ranks fall in.
 */
import type { ConversationDoc } from '../documents.js';
import type { SqlValue } from '../embedded/sql-query.js';
import { rankOf, type ReportCond, type ReportEngine, type ReportField, type ReportKey, type ReportScope } from './engine.js';

/** The reader connection and DDL of the embedded store (see open-embedded.ts). */
export interface SqlAccess {
  exec(sql: string): void;
  all<R>(sql: string, params: readonly SqlValue[]): R[];
  /**
   * Seeding only (demo/seed-traffic.ts): documents inserted in one transaction, past the group
   * commit; the triggers keep the side tables as for any write. Never on the chat's path.
   */
  insertDocs(collection: string, docs: readonly { _id: string }[]): void;
}

const SIDE = 'report_conversations';
const DOCS = '"conversations"';

/** Side column -> the document path it copies. */
const COLUMNS: Record<string, string> = {
  site: '$.siteId',
  created: '$.createdAt',
  status: '$.status',
  agent: '$.agentId',
  requested: '$.requestedAt',
  in_hours: '$.inHours',
  first_response: '$.firstResponseAt',
  frt: '$.frtMs',
  queue_wait: '$.queueWaitMs',
  resolved: '$.resolvedAt',
  resolution: '$.resolutionMs',
  rating: '$.rating.score',
  nps: '$.nps',
  rounds: '$.replyRounds',
  wait_sum: '$.replyWaitSum',
  bot: '$.botReplied',
  reopened72: '$.reopened72',
  reopened: '$.reopenedAt',
  topic: '$.topic',
  tags: '$.tags',
};
const FIELD_COLUMN: Record<ReportField, string> = {
  frtMs: 'frt',
  queueWaitMs: 'queue_wait',
  resolutionMs: 'resolution',
  replyRounds: 'rounds',
  replyWaitSum: 'wait_sum',
};

/**
 * Histogram bucket widths of the quantile passes (ms): about a second for waits, a minute for
 * resolutions (hours long). Only widths: the quantiles stay exact values, not bucket bounds.
 */
const BUCKET_MS: Record<ReportField, number> = {
  frtMs: 1_000,
  queueWaitMs: 1_000,
  resolutionMs: 60_000,
  replyRounds: 1,
  replyWaitSum: 1_000,
};

const BOT_ONLY = `(bot = 1 AND first_response IS NULL)`;
const ABANDONED = `(status = 'resolved' AND requested IS NOT NULL AND first_response IS NULL AND NOT ${BOT_ONLY.replace('bot = 1', 'coalesce(bot, 0) = 1')})`;
const CONDITIONS: Record<ReportCond, string> = {
  botOnly: BOT_ONLY,
  human: `NOT (coalesce(bot, 0) = 1 AND first_response IS NULL)`,
  inHours: 'in_hours = 1',
  frtWithin30s: 'frt <= 30000',
  frtWithin3m: 'frt <= 180000',
  frtOver3m: 'frt > 180000',
  ended: `status = 'resolved'`,
  resolvedOk: `status = 'resolved' AND coalesce(reopened72, 0) = 0 AND NOT ${ABANDONED}`,
  abandoned: ABANDONED,
  unresolved: `status <> 'resolved'`,
  reopened: 'reopened72 = 1',
  rated: 'rating IS NOT NULL',
  satisfied: 'rating >= 4',
  ratedLow: 'rating <= 3',
  npsAnswered: 'nps IS NOT NULL',
  promoter: 'nps >= 9',
  detractor: 'nps <= 6',
  hasAgent: 'agent IS NOT NULL',
};

/**
 * The local day of a row, by the slots the days start at. Bound as parameters (the statement
 * cache then holds one statement per number of days, not one per range).
 */
function dayCase(quarters: readonly number[], params: SqlValue[]): string {
  if (!quarters.length || !quarters.every(Number.isSafeInteger)) throw new Error('day boundaries must be integers');
  if (quarters.length === 1) return '0';
  // Days of 96 slots after the first (no DST change in the range): arithmetic, not a CASE of
  // one branch per day evaluated on every row.
  if (quarters.slice(2).every((q, i) => q - quarters[i + 1]! === 96)) {
    params.push(quarters[1]!, quarters[1]!);
    // Bound numbers arrive as REAL: cast, or the division would not be an integer one.
    return `CASE WHEN quarter < ? THEN 0 ELSE 1 + (quarter - CAST(? AS INTEGER)) / 96 END`;
  }
  const branches = quarters.slice(1).map((q, i) => {
    params.push(q);
    return `WHEN quarter < ? THEN ${i}`;
  });
  return `CASE ${branches.join(' ')} ELSE ${quarters.length - 1} END`;
}

/** The grouping expression; its parameters (if any) are appended to `params`. */
function keyExpr(by: ReportKey | null, params: SqlValue[], dayQuarters?: readonly number[]): string {
  switch (by) {
    case null:
      return 'NULL';
    case 'agentId':
      return 'agent';
    case 'topic':
      return 'topic';
    case 'tag':
      return 't.value';
    case 'createdQuarter':
      return 'quarter';
    case 'day':
      return dayCase(dayQuarters ?? [], params);
  }
}

function where(scope: ReportScope, conds: readonly ReportCond[], params: SqlValue[]): string {
  const at = scope.on === 'resolvedAt' ? 'resolved' : 'created';
  // Only conversations the shopper wrote in: an opened, empty chat is no conversation.
  // Parameters are appended in the order of the text (the caller's come before).
  const parts: string[] = [];
  if (scope.siteIds) {
    parts.push('site IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(scope.siteIds));
  }
  parts.push(`${at} >= ?`, `${at} < ?`, 'requested IS NOT NULL');
  params.push(scope.from, scope.to);
  for (const c of conds) parts.push(`(${CONDITIONS[c]})`);
  return parts.join(' AND ');
}

/** One conditional count column per set (`c0`, `c1`, …); an empty set counts every row. */
const countColumns = (sets: readonly (readonly ReportCond[])[]) =>
  sets.map((set, i) => (set.length ? `coalesce(sum(CASE WHEN ${set.map((c) => `(${CONDITIONS[c]})`).join(' AND ')} THEN 1 ELSE 0 END), 0) AS c${i}` : `count(*) AS c${i}`));

const from = (by: ReportKey | null) => (by === 'tag' ? `${SIDE} r, json_each(r.tags) t` : SIDE);

/** The layout's version: an older side table is dropped and rebuilt from the documents on open. */
const LAYOUT = 'report layout 4';

export function sqliteReportEngine(sql: SqlAccess): ReportEngine {
  const cols = Object.keys(COLUMNS);
  // site and created are the clustering key: never NULL, or a conversation's write would fail.
  const extract = (row: string, c: string) => {
    const value = `json_extract(${row}.doc, '${COLUMNS[c]}')`;
    return c === 'site' ? `coalesce(${value}, '')` : c === 'created' ? `coalesce(${value}, 0)` : value;
  };
  const values = (row: string) => cols.map((c) => extract(row, c)).join(', ');
  // One json_extract of many paths on each side (it returns them as one JSON array): the
  // check runs on every conversation update, i.e. on every chat message; 2 calls, not 40.
  const differ = (list: string[]) => {
    const p = list.map((c) => `'${COLUMNS[c]}'`).join(', ');
    return `json_extract(OLD.doc, ${p}) IS NOT json_extract(NEW.doc, ${p})`;
  };
  // A staff reply that ends a wait changes only the round fields: the most frequent change by
  // far. Those two columns are updated in place (no secondary index holds them) instead of the
  // whole row being replaced with every index (measured: bench:reports-send-path).
  const ROUNDS = ['rounds', 'wait_sum'];
  const others = cols.filter((c) => !ROUNDS.includes(c));
  const changed = differ(others);
  const roundsOnly = `${differ(ROUNDS)} AND NOT (${differ(others)})`;
  const setRounds = `UPDATE ${SIDE} SET ${ROUNDS.map((c) => `${c} = ${extract('NEW', c)}`).join(', ')}
    WHERE site = ${extract('NEW', 'site')} AND created = ${extract('NEW', 'created')} AND id = NEW.id;`;
  const upsert = (row: string) => `INSERT OR REPLACE INTO ${SIDE} (id, quarter, ${cols.join(', ')})
    SELECT ${row}.id, json_extract(${row}.doc, '$.createdAt') / 900000, ${values(row)};`;
  const current = sql.all<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [SIDE])[0];
  const fresh = !current || !current.sql.includes(LAYOUT);
  sql.exec(`BEGIN IMMEDIATE`);
  try {
    if (fresh) {
      for (const t of ['insert', 'update', 'rounds', 'delete']) sql.exec(`DROP TRIGGER IF EXISTS ${SIDE}__${t}`);
      sql.exec(`DROP TABLE IF EXISTS ${SIDE}`);
    }
    // Clustered by (site, created): a report's range is one contiguous run of the table, read in
    // order with every column at hand (no lookup per row from an index into the table).
    sql.exec(`CREATE TABLE IF NOT EXISTS ${SIDE} (
      id TEXT NOT NULL /* ${LAYOUT} */, quarter INTEGER, ${cols.map((c) => (c === 'site' ? 'site TEXT NOT NULL' : c === 'created' ? 'created INTEGER NOT NULL' : c)).join(', ')},
      PRIMARY KEY (site, created, id)
    ) WITHOUT ROWID`);
    sql.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${SIDE}__id ON ${SIDE} (id)`);
    // Covering for the resolution times (range on resolved): no lookup into the table per row.
    sql.exec(`CREATE INDEX IF NOT EXISTS ${SIDE}__site_resolved ON ${SIDE} (site, resolved, requested, resolution)`);
    sql.exec(`CREATE INDEX IF NOT EXISTS ${SIDE}__created ON ${SIDE} (created)`);
    sql.exec(`CREATE TRIGGER IF NOT EXISTS ${SIDE}__insert AFTER INSERT ON ${DOCS} BEGIN ${upsert('NEW')} END`);
    sql.exec(`CREATE TRIGGER IF NOT EXISTS ${SIDE}__update AFTER UPDATE OF doc ON ${DOCS} WHEN ${changed} BEGIN ${upsert('NEW')} END`);
    sql.exec(`CREATE TRIGGER IF NOT EXISTS ${SIDE}__rounds AFTER UPDATE OF doc ON ${DOCS} WHEN ${roundsOnly} BEGIN ${setRounds} END`);
    sql.exec(`CREATE TRIGGER IF NOT EXISTS ${SIDE}__delete AFTER DELETE ON ${DOCS} BEGIN DELETE FROM ${SIDE} WHERE id = OLD.id; END`);
    // Conversations stored before this layout existed: copied once, in the same transaction.
    if (fresh) sql.exec(`INSERT OR REPLACE INTO ${SIDE} (id, quarter, ${cols.join(', ')}) SELECT d.id, json_extract(d.doc, '$.createdAt') / 900000, ${values('d')} FROM ${DOCS} d`);
    sql.exec('COMMIT');
  } catch (err) {
    sql.exec('ROLLBACK');
    throw err;
  }

  return {
    async counts(scope, sets) {
      const params: SqlValue[] = [];
      // One scan of the range for every count: a CASE per set instead of a query per set.
      const columns = countColumns(sets);
      const row = sql.all<Record<string, number>>(`SELECT ${columns.join(', ')} FROM ${SIDE} WHERE ${where(scope, [], params)}`, params)[0]!;
      return sets.map((_, i) => Number(row[`c${i}`] ?? 0));
    },
    async group(q) {
      const params: SqlValue[] = [];
      const key = keyExpr(q.by, params, q.dayQuarters);
      const sums = (q.sums ?? []).map((f) => `coalesce(sum(${FIELD_COLUMN[f]}), 0) AS ${f}`);
      const counts = countColumns(q.counts ?? []);
      const text = `SELECT ${[`${key} AS key`, 'count(*) AS count', ...sums, ...counts].join(', ')}
        FROM ${from(q.by)} WHERE ${where(q.scope, q.where, params)} GROUP BY 1`;
      return sql.all<Record<string, number | string | null>>(text, params).map((row) => ({
        key: row.key ?? null,
        count: Number(row.count),
        sums: Object.fromEntries((q.sums ?? []).map((f) => [f, Number(row[f])])),
        counts: (q.counts ?? []).map((_, i) => Number(row[`c${i}`] ?? 0)),
      }));
    },
    async quantiles(q) {
      const col = FIELD_COLUMN[q.field];
      const width = BUCKET_MS[q.field];
      // Truncated the same way in SQL and below (durations are never negative).
      const bucket = `CAST(${col} / ${width} AS INTEGER)`;
      // Exact nearest ranks in two cheap passes instead of a window sort of the whole range:
      // 1. a histogram per group (bucket = value / width) with counts and sums;
      const params: SqlValue[] = [];
      const key = keyExpr(q.by, params, q.dayQuarters);
      const range = where(q.scope, q.where, params);
      const histogram = sql.all<{ k: string | number | null; b: number; n: number; s: number }>(
        `SELECT ${key} AS k, ${bucket} AS b, count(*) AS n, sum(${col}) AS s
          FROM ${from(q.by)} WHERE ${range} AND ${col} IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
        params,
      );
      const groups = new Map<string | number | null, { count: number; sum: number; buckets: { b: number; n: number }[] }>();
      for (const h of histogram) {
        const g = groups.get(h.k) ?? { count: 0, sum: 0, buckets: [] };
        g.count += h.n;
        g.sum += h.s;
        g.buckets.push({ b: h.b, n: h.n });
        groups.set(h.k, g);
      }
      // 2. each wanted rank's bucket and its rank inside the bucket; then only the values of
      // those buckets are read back (a few per group), sorted, and the ranks picked.
      const wanted = new Map<string | number | null, { b: number; within: number }[]>();
      const buckets = new Set<number>();
      for (const [k, g] of groups) {
        wanted.set(
          k,
          q.qs.map((p) => {
            let rest = rankOf(p, g.count);
            for (const { b, n } of g.buckets) {
              if (rest <= n) {
                buckets.add(b);
                return { b, within: rest };
              }
              rest -= n;
            }
            throw new Error('reports: a rank beyond its histogram');
          }),
        );
      }
      const values = new Map<string, number[]>();
      if (buckets.size) {
        const p2: SqlValue[] = [];
        const key2 = keyExpr(q.by, p2, q.dayQuarters);
        const range2 = where(q.scope, q.where, p2);
        p2.push(JSON.stringify([...buckets]));
        const rows = sql.all<{ k: string | number | null; v: number }>(
          `SELECT ${key2} AS k, ${col} AS v FROM ${from(q.by)}
            WHERE ${range2} AND ${col} IS NOT NULL AND ${bucket} IN (SELECT value FROM json_each(?))`,
          p2,
        );
        for (const r of rows) {
          const slot = `${String(r.k)}|${Math.trunc(r.v / width)}`;
          const list = values.get(slot) ?? [];
          list.push(r.v);
          values.set(slot, list);
        }
        for (const list of values.values()) list.sort((a, b) => a - b);
      }
      return [...groups].map(([k, g]) => ({
        key: k,
        count: g.count,
        sum: g.sum,
        values: wanted.get(k)!.map(({ b, within }) => values.get(`${String(k)}|${b}`)?.[within - 1] ?? null),
      }));
    },
    async page(scope, conds, after, limit) {
      const params: SqlValue[] = [];
      let text = `SELECT d.doc FROM ${SIDE} JOIN ${DOCS} d USING (id) WHERE ${where(scope, conds, params)}`;
      if (after) {
        text += ' AND (created < ? OR (created = ? AND id < ?))';
        params.push(after.at, after.at, after.id);
      }
      text += ' ORDER BY created DESC, id DESC LIMIT ?';
      params.push(limit);
      return sql.all<{ doc: string }>(text, params).map((r) => JSON.parse(r.doc) as ConversationDoc);
    },
  };
}

