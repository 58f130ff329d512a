/**
 * Assembles the report's figures (shared/src/reports.ts defines each) from what the store
 * computes (store/reports/engine.ts): the same code over both backends, so they cannot
 * disagree on a definition.
 */
import type { AgentFigures, AgentId, Distribution, ReportFigures } from '@counter/shared';
import type { BotRecordDoc } from '../../store/documents.js';
import { dayOf, type QuantileRow, type ReportCond, type ReportEngine, type ReportField, type ReportScope } from '../../store/reports/engine.js';
import { localCalendar } from './local-time.js';

export interface FigureInputs {
  engine: ReportEngine;
  scope: ReportScope;
  tz: string;
  /** The agents' display names (the report shows names, the store keeps ids). */
  agentName(id: AgentId): Promise<string | null>;
  /** The bot's records of the scope, started in the range (bounded by the caller). */
  botRecords(): Promise<BotRecordDoc[]>;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function distribution(row: QuantileRow | undefined): Distribution {
  if (!row || row.count === 0) return { count: 0, p50: null, p90: null, avg: null };
  return { count: row.count, p50: row.values[0] ?? null, p90: row.values[1] ?? null, avg: row.sum / row.count };
}

/** Nearest-rank quantiles of plain numbers (the bot's handoff waits, a bounded list). */
export function distributionOf(values: number[]): Distribution {
  if (!values.length) return { count: 0, p50: null, p90: null, avg: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length - 1e-9)) - 1]!;
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), avg: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** One number per set in computeFigures' countSets. */
type CountRow = [number, number, number, number, number, number, number, number, number, number, number, number, number, number];

export async function computeFigures(input: FigureInputs): Promise<ReportFigures> {
  const { engine, scope } = input;
  const calendar = localCalendar(input.tz, scope.from, scope.to);
  const dist = async (field: ReportField, where: ReportCond[], on: ReportScope = scope) =>
    distribution((await engine.quantiles({ scope: on, where, by: null, field, qs: [0.5, 0.9] }))[0]);
  const resolvedScope: ReportScope = { ...scope, on: 'resolvedAt' };
  const byDay = { by: 'day' as const, dayQuarters: calendar.dayQuarters };

  // Every count, the heatmap and the daily counts from one pass grouped by 15-minute slot
  // (a slot lies in one local hour and day in any zone): summed, placed, folded into days here.
  const countSets: ReportCond[][] = [
    [], ['botOnly'], ['inHours'], ['human', 'frtWithin30s'], ['human', 'frtWithin3m'], ['human', 'resolvedOk'], ['human', 'ended'],
    ['abandoned'], ['human'], ['rated'], ['satisfied'], ['npsAnswered'], ['promoter'], ['detractor'],
  ];
  const RATED = 9;
  const SATISFIED = 10;
  const [
    perQuarter, firstResponse, rounds, resolutionTime, queueWait,
    tags, topics, dayFrt, agentRows, agentFrt,
  ] = await Promise.all([
    engine.group({ scope, where: [], by: 'createdQuarter', counts: countSets }),
    dist('frtMs', ['human']),
    engine.group({ scope, where: ['human'], by: null, sums: ['replyRounds', 'replyWaitSum'] }),
    dist('resolutionMs', [], resolvedScope),
    dist('queueWaitMs', []),
    engine.group({ scope, where: [], by: 'tag' }),
    engine.group({ scope, where: [], by: 'topic' }),
    engine.quantiles({ scope, where: ['human'], ...byDay, field: 'frtMs', qs: [0.5] }),
    engine.group({ scope, where: ['hasAgent'], by: 'agentId', counts: [['rated'], ['satisfied']] }),
    engine.quantiles({ scope, where: ['human', 'hasAgent'], by: 'agentId', field: 'frtMs', qs: [0.5, 0.9] }),
  ]);

  const totals = countSets.map(() => 0);
  const heatmap = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const dayTotals = new Map<number, number>();
  const dayRatedMap = new Map<number, number>();
  const daySatisfiedMap = new Map<number, number>();
  const add = (m: Map<number, number>, k: number, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const row of perQuarter) {
    row.counts.forEach((n, i) => (totals[i]! += n));
    // No slot: a conversation stored before reports kept one (counted, placed nowhere).
    if (row.key === null) continue;
    const quarter = Number(row.key);
    const { weekday, hour } = calendar.slot(quarter);
    heatmap[weekday]![hour]! += row.count;
    const day = dayOf(quarter, calendar.dayQuarters);
    add(dayTotals, day, row.count);
    add(dayRatedMap, day, row.counts[RATED] ?? 0);
    add(daySatisfiedMap, day, row.counts[SATISFIED] ?? 0);
  }
  const [conversations, botOnly, inWorkingHours, within30s, within3m, resolvedOk, ended, abandoned, human, rated, satisfied, npsAnswered, promoters, detractors] = totals as CountRow;
  const dayFrtMap = new Map(dayFrt.map((r) => [Number(r.key), r.values[0] ?? null]));
  const trend = calendar.days.map((day, i) => ({
    day,
    conversations: dayTotals.get(i) ?? 0,
    frtP50: dayFrtMap.get(i) ?? null,
    csat: share(daySatisfiedMap.get(i) ?? 0, dayRatedMap.get(i) ?? 0),
  }));

  const frtByAgent = new Map(agentFrt.map((r) => [String(r.key), r]));
  const agents: AgentFigures[] = await Promise.all(
    agentRows.map(async (row) => {
      const id = String(row.key) as AgentId;
      const [agentRatedCount = 0, agentSatisfiedCount = 0] = row.counts;
      return {
        agentId: id,
        name: (await input.agentName(id)) ?? id,
        handled: row.count,
        // Not sampled yet: presence history is not kept (see the README's reports section).
        concurrentLoad: null,
        frt: distribution(frtByAgent.get(id)),
        csat: { rated: agentRatedCount, satisfied: agentSatisfiedCount, share: share(agentSatisfiedCount, agentRatedCount) },
        onlineMs: 0,
        awayMs: 0,
      };
    }),
  );
  agents.sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));

  const round = rounds[0];
  const roundCount = round?.sums.replyRounds ?? 0;
  return {
    conversations,
    botOnly,
    inWorkingHours,
    firstResponse: {
      ...firstResponse,
      within30s: share(within30s, firstResponse.count),
      within3m: share(within3m, firstResponse.count),
    },
    // Per-round waits are summed at write time, not kept one by one: an average, no quantiles.
    replyTime: { count: roundCount, p50: null, p90: null, avg: roundCount ? (round?.sums.replyWaitSum ?? 0) / roundCount : null },
    resolutionTime,
    resolutionRate: share(resolvedOk, ended),
    queueWait,
    abandoned,
    abandonmentRate: share(abandoned, human),
    csat: { rated, satisfied, share: share(satisfied, rated) },
    nps: {
      answered: npsAnswered,
      promoters,
      detractors,
      score: npsAnswered ? ((promoters - detractors) / npsAnswered) * 100 : null,
    },
    byTag: ranked(tags),
    byTopic: ranked(topics.filter((r) => r.key !== null)),
    heatmap,
    trend,
    agents,
    bot: botFigures(await input.botRecords()),
  };
}

const ranked = (rows: { key: string | number | null; count: number }[]) =>
  rows
    .map((r) => ({ key: String(r.key), count: r.count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

function botFigures(records: BotRecordDoc[]): ReportFigures['bot'] {
  if (!records.length) return null;
  const waits = records
    .filter((r) => r.handoffAt !== null && r.firstHumanReplyAt !== null)
    .map((r) => r.firstHumanReplyAt! - r.handoffAt!);
  return {
    conversations: records.length,
    // Only a confirmation counts as resolved by the bot (DESIGN.md).
    confirmedResolved: records.filter((r) => r.confirmed === true).length,
    handedOff: records.filter((r) => r.handoffAt !== null).length,
    handoffWait: distributionOf(waits),
  };
}
