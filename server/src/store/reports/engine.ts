/**
 * What report figures ask of a store (issue 15): counts, sums and order statistics over the
 * conversations of some sites and a time range, computed by the store itself (SQL on the
 * embedded store, aggregation pipelines and sorted index reads on MongoDB). The figures are
 * assembled from these in figures.ts, once for both backends.
 */
import type { ConversationId, SiteId } from '@counter/shared';
import type { ConversationDoc } from '../documents.js';

export interface ReportScope {
  /** null: every site (the owner). */
  siteIds: readonly SiteId[] | null;
  from: number;
  to: number;
  /** Which time the range applies to: creation (most figures) or resolution (resolution time). */
  on?: 'createdAt' | 'resolvedAt';
}

/**
 * The closed set of conditions the figures use. Each engine translates them itself; nothing
 * from a request reaches a query but validated numbers and ids.
 */
export type ReportCond =
  | 'botOnly'
  | 'human'
  | 'inHours'
  | 'frtWithin30s'
  | 'frtWithin3m'
  | 'frtOver3m'
  | 'ended'
  | 'resolvedOk'
  | 'abandoned'
  | 'unresolved'
  | 'reopened'
  | 'rated'
  | 'satisfied'
  | 'ratedLow'
  | 'npsAnswered'
  | 'promoter'
  | 'detractor'
  | 'hasAgent';

/** Numeric fields kept at write time (see ConversationDoc's report block). */
export type ReportField = 'frtMs' | 'queueWaitMs' | 'resolutionMs' | 'replyRounds' | 'replyWaitSum';

/** `tag`: one row per tag of each conversation. `day`: the local day, by `dayQuarters`. */
export type ReportKey = 'agentId' | 'topic' | 'tag' | 'createdQuarter' | 'day';

export interface GroupQuery {
  scope: ReportScope;
  where: readonly ReportCond[];
  by: ReportKey | null;
  sums?: readonly ReportField[];
  /**
   * Conditional counts per group, one per set of conditions (ANDed with `where`): many
   * figures from one pass over the range instead of one pass each.
   */
  counts?: readonly (readonly ReportCond[])[];
  /** For `by: 'day'`: the 15-minute slot each local day starts at, ascending (day i starts at [i]). */
  dayQuarters?: readonly number[];
}

export interface GroupRow {
  key: string | number | null;
  count: number;
  sums: Partial<Record<ReportField, number>>;
  /** One per set of `counts`, in order (empty when none were asked). */
  counts: number[];
}

export interface QuantileQuery extends Omit<GroupQuery, 'sums'> {
  field: ReportField;
  /** Nearest-rank quantiles in (0, 1]: the value at rank ceil(q * n) of the n values, ascending. */
  qs: readonly number[];
}

export interface QuantileRow {
  key: string | number | null;
  /** Conversations with a value. */
  count: number;
  sum: number;
  values: (number | null)[];
}

export interface ReportEngine {
  /** How many conversations of the scope match each set of conditions (one pass where the store can). */
  counts(scope: ReportScope, sets: readonly (readonly ReportCond[])[]): Promise<number[]>;
  group(query: GroupQuery): Promise<GroupRow[]>;
  quantiles(query: QuantileQuery): Promise<QuantileRow[]>;
  /** Drill-down: newest first by (createdAt, id), after a position. */
  page(scope: ReportScope, where: readonly ReportCond[], after: { at: number; id: ConversationId } | null, limit: number): Promise<ConversationDoc[]>;
}

/** 1-based nearest rank of quantile q among n values. */
export const rankOf = (q: number, n: number): number => Math.max(1, Math.ceil(q * n - 1e-9));

/** The day a 15-minute slot falls in, of days starting at `quarters` (ascending; day i starts at [i]). */
export function dayOf(quarter: number, quarters: readonly number[]): number {
  let lo = 0;
  let hi = quarters.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (quarters[mid]! <= quarter) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
