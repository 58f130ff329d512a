/**
 * Report figures on MongoDB: $match + $group pipelines for counts and sums, and order
 * statistics by a sorted read of one stored numeric field (count, then skip to the rank),
 * both answered from the (siteId, createdAt) index. Only stages and accumulators that
 * FerretDB v1 implements are used ($match, $unwind, $group with $sum): the durations are
 * stored as plain fields at write time for that reason (no arithmetic in the pipeline).
 */
import type { Db, Document, Filter as MFilter } from 'mongodb';
import type { ConversationDoc } from '../documents.js';
import type { GroupQuery, GroupRow, QuantileQuery, QuantileRow, ReportCond, ReportEngine, ReportKey, ReportScope } from './engine.js';
import { dayOf, rankOf } from './engine.js';

const NOT_BOT_ONLY = { $or: [{ botReplied: { $ne: true } }, { firstResponseAt: { $ne: null } }] };
const NOT_ABANDONED = { $or: [{ requestedAt: null }, { firstResponseAt: { $ne: null } }, { botReplied: true }] };
const CONDITIONS: Record<ReportCond, Document> = {
  botOnly: { botReplied: true, firstResponseAt: null },
  human: NOT_BOT_ONLY,
  inHours: { inHours: true },
  frtWithin30s: { frtMs: { $lte: 30_000 } },
  frtWithin3m: { frtMs: { $lte: 180_000 } },
  frtOver3m: { frtMs: { $gt: 180_000 } },
  ended: { status: 'resolved' },
  resolvedOk: { status: 'resolved', reopened72: { $ne: true }, ...NOT_ABANDONED },
  abandoned: { status: 'resolved', requestedAt: { $ne: null }, firstResponseAt: null, botReplied: { $ne: true } },
  unresolved: { status: { $ne: 'resolved' } },
  reopened: { reopened72: true },
  rated: { rating: { $ne: null } },
  satisfied: { 'rating.score': { $gte: 4 } },
  ratedLow: { 'rating.score': { $lte: 3 } },
  npsAnswered: { nps: { $ne: null } },
  promoter: { nps: { $gte: 9 } },
  detractor: { nps: { $lte: 6 } },
  hasAgent: { agentId: { $ne: null } },
};

function match(scope: ReportScope, conds: readonly ReportCond[], extra: Document[] = []): MFilter<Document> {
  const at = scope.on ?? 'createdAt';
  // Only conversations the shopper wrote in: an opened, empty chat is no conversation.
  const all: Document[] = [{ [at]: { $gte: scope.from, $lt: scope.to } }, { requestedAt: { $ne: null } }, ...conds.map((c) => CONDITIONS[c]), ...extra];
  if (scope.siteIds) all.unshift({ siteId: { $in: [...scope.siteIds] } });
  return { $and: all };
}

/** The stored field a key groups by; `day` groups by the 15-minute slot, folded into days here. */
const KEY_FIELD: Record<ReportKey, string> = {
  agentId: 'agentId',
  topic: 'topic',
  tag: 'tags',
  createdQuarter: 'createdQuarter',
  day: 'createdQuarter',
};

export function mongoReportEngine(db: () => Db): ReportEngine {
  // Untyped: the filters are built here from the closed set above.
  const coll = () => db().collection<Document>('conversations');

  /**
   * One accumulator per pipeline: FerretDB v1 computes only the first accumulator of a $group
   * right (the others come back 0), so each sum is its own $group. MongoDB answers either way.
   */
  async function accumulate(scope: ReportScope, conds: readonly ReportCond[], by: ReportKey | null, acc: Document, extra: Document[] = []) {
    const pipeline: Document[] = [{ $match: match(scope, conds, extra) }];
    if (by === 'tag') pipeline.push({ $unwind: '$tags' });
    pipeline.push({ $group: { _id: by ? `$${KEY_FIELD[by]}` : null, v: acc } });
    const rows = await coll().aggregate(pipeline).toArray();
    return new Map(rows.map((r) => [(r._id ?? null) as string | number | null, Number(r.v ?? 0)]));
  }

  async function group(q: GroupQuery): Promise<GroupRow[]> {
    const sums = q.sums ?? [];
    const sets = q.counts ?? [];
    // A pipeline per conditional count too ($cond is not among FerretDB v1's accumulators).
    const [counts, ...maps] = await Promise.all([
      accumulate(q.scope, q.where, q.by, { $sum: 1 }),
      ...sums.map((f) => accumulate(q.scope, q.where, q.by, { $sum: `$${f}` })),
      ...sets.map((set) => accumulate(q.scope, [...q.where, ...set], q.by, { $sum: 1 })),
    ]);
    const out: GroupRow[] = [...counts!].map(([key, count]) => ({
      key,
      count,
      sums: Object.fromEntries(sums.map((f, i) => [f, maps[i]!.get(key) ?? 0])),
      counts: sets.map((_, i) => maps[sums.length + i]!.get(key) ?? 0),
    }));
    if (q.by !== 'day') return out;
    const days = new Map<number, GroupRow>();
    for (const row of out) {
      const day = dayOf(Number(row.key), q.dayQuarters ?? [0]);
      const into = days.get(day) ?? { key: day, count: 0, sums: Object.fromEntries(sums.map((f) => [f, 0])), counts: sets.map(() => 0) };
      into.count += row.count;
      for (const f of sums) into.sums[f] = (into.sums[f] ?? 0) + (row.sums[f] ?? 0);
      row.counts.forEach((n, i) => (into.counts[i]! += n));
      days.set(day, into);
    }
    return [...days.values()];
  }

  /** The filter that narrows a match to one group's key. */
  function keyFilter(q: QuantileQuery, key: string | number | null): Document[] {
    if (!q.by) return [];
    if (q.by === 'day') {
      const quarters = q.dayQuarters ?? [0];
      const i = Number(key);
      return [{ createdQuarter: { $gte: quarters[i], ...(i + 1 < quarters.length && { $lt: quarters[i + 1] }) } }];
    }
    return [{ [KEY_FIELD[q.by]]: key }];
  }

  return {
    counts: (scope, sets) => Promise.all(sets.map(async (set) => (await accumulate(scope, set, null, { $sum: 1 })).get(null) ?? 0)),
    group,
    async quantiles(q) {
      // Ranks are among the values present, so counted with the field present.
      const present = [{ [q.field]: { $ne: null } }];
      const [counts, sums] = await Promise.all([
        accumulate(q.scope, q.where, q.by, { $sum: 1 }, present),
        accumulate(q.scope, q.where, q.by, { $sum: `$${q.field}` }, present),
      ]);
      const counted = new Map<string | number | null, { count: number; sum: number }>();
      for (const [raw, count] of counts) {
        const key = q.by === 'day' ? dayOf(Number(raw), q.dayQuarters ?? [0]) : raw;
        const into = counted.get(key) ?? { count: 0, sum: 0 };
        into.count += count;
        into.sum += sums.get(raw) ?? 0;
        counted.set(key, into);
      }
      const rows: QuantileRow[] = [];
      for (const [key, { count, sum }] of counted) {
        const filter = match(q.scope, q.where, [{ [q.field]: { $ne: null } }, ...keyFilter(q, key)]);
        const values = await Promise.all(
          q.qs.map(async (p) => {
            const [doc] = await coll()
              .find(filter, { projection: { [q.field]: 1 } })
              .sort({ [q.field]: 1, _id: 1 })
              .skip(rankOf(p, count) - 1)
              .limit(1)
              .toArray();
            return doc ? Number((doc as Record<string, unknown>)[q.field]) : null;
          }),
        );
        rows.push({ key, count, sum, values });
      }
      return rows;
    },
    async page(scope, conds, after, limit) {
      const extra = after ? [{ $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] }] : [];
      return coll()
        .find(match(scope, conds, extra))
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .toArray() as unknown as Promise<ConversationDoc[]>;
    },
  };
}
