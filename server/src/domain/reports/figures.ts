/**
 * Assembles the report's figures (shared/src/reports.ts defines each) from what the store
 * computes (store/reports/engine.ts): the same code over both backends, so they cannot
 * disagree on a definition.
 */
import type { AgentFigures, AgentId, Distribution, ReportFigures } from '@counter/shared';
import type { BotRecordDoc } from '../../store/documents.js';
import type { QuantileRow, ReportCond, ReportEngine, ReportField, ReportScope } from '../../store/reports/engine.js';
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

  const countSets: ReportCond[][] = [
    [], ['botOnly'], ['inHours'], ['human', 'frtWithin30s'], ['human', 'frtWithin3m'], ['human', 'resolvedOk'], ['human', 'ended'],
    ['abandoned'], ['human'], ['rated'], ['satisfied'], ['npsAnswered'], ['promoter'], ['detractor'],
  ];
  const [
    [conversations, botOnly, inWorkingHours, within30s, within3m, resolvedOk, ended, abandoned, human, rated, satisfied, npsAnswered, promoters, detractors],
    firstResponse, rounds, resolutionTime, queueWait,
    tags, topics, quarters, dayCounts, dayFrt, dayRated, daySatisfied, agentHandled, agentFrt, agentRated, agentSatisfied,
  ] = await Promise.all([
    engine.counts(scope, countSets).then((c) => countSets.map((_, i) => c[i] ?? 0) as CountRow),
    dist('frtMs', ['human']),
    engine.group({ scope, where: ['human'], by: null, sums: ['replyRounds', 'replyWaitSum'] }),
    dist('resolutionMs', [], resolvedScope),
    dist('queueWaitMs', []),
    engine.group({ scope, where: [], by: 'tag' }),
    engine.group({ scope, where: [], by: 'topic' }),
    engine.group({ scope, where: [], by: 'createdQuarter' }),
    engine.group({ scope, where: [], ...byDay }),
    engine.quantiles({ scope, where: ['human'], ...byDay, field: 'frtMs', qs: [0.5] }),
    engine.group({ scope, where: ['rated'], ...byDay }),
    engine.group({ scope, where: ['satisfied'], ...byDay }),
    engine.group({ scope, where: ['hasAgent'], by: 'agentId' }),
    engine.quantiles({ scope, where: ['human', 'hasAgent'], by: 'agentId', field: 'frtMs', qs: [0.5, 0.9] }),
    engine.group({ scope, where: ['rated', 'hasAgent'], by: 'agentId' }),
    engine.group({ scope, where: ['satisfied', 'hasAgent'], by: 'agentId' }),
  ]);

  const heatmap = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const row of quarters) {
    const { weekday, hour } = calendar.slot(Number(row.key));
    heatmap[weekday]![hour]! += row.count;
  }
  const perDay = (rows: { key: string | number | null; count: number }[]) => new Map(rows.map((r) => [Number(r.key), r.count]));
  const dayTotals = perDay(dayCounts);
  const dayRatedMap = perDay(dayRated);
  const daySatisfiedMap = perDay(daySatisfied);
  const dayFrtMap = new Map(dayFrt.map((r) => [Number(r.key), r.values[0] ?? null]));
  const trend = calendar.days.map((day, i) => ({
    day,
    conversations: dayTotals.get(i) ?? 0,
    frtP50: dayFrtMap.get(i) ?? null,
    csat: share(daySatisfiedMap.get(i) ?? 0, dayRatedMap.get(i) ?? 0),
  }));

  const frtByAgent = new Map(agentFrt.map((r) => [String(r.key), r]));
  const ratedByAgent = perAgent(agentRated);
  const satisfiedByAgent = perAgent(agentSatisfied);
  const agents: AgentFigures[] = await Promise.all(
    agentHandled.map(async (row) => {
      const id = String(row.key) as AgentId;
      const agentRatedCount = ratedByAgent.get(id) ?? 0;
      const agentSatisfiedCount = satisfiedByAgent.get(id) ?? 0;
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

const perAgent = (rows: { key: string | number | null; count: number }[]) => new Map(rows.map((r) => [String(r.key), r.count]));

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
