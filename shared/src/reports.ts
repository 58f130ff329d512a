/**
 * Service figures (issue 15): the REST contract between the server's reports and the console's
 * reports page. Every figure is defined once here (the doc comments are the definitions the
 * README's table repeats). Times are milliseconds; shares are 0..1 (null when nothing to divide).
 */
import { z } from 'zod';

/** GET /api/v1/reports/summary?siteId=&from=&to=&tz= */
export const reportQuerySchema = z
  .object({
    /** One site; omitted: every site the caller may see. */
    siteId: z.string().min(1).max(64).optional(),
    /** Inclusive start and exclusive end, epoch ms (the console sends local midnights). */
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().positive(),
    /** IANA time zone for the heatmap, the daily trend and working hours; default the site's. */
    tz: z.string().min(1).max(64).optional(),
  })
  .refine((q) => q.to > q.from, { message: 'to must be after from' })
  .refine((q) => q.to - q.from <= 366 * 86_400_000, { message: 'at most one year' });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export interface Distribution {
  count: number;
  p50: number | null;
  p90: number | null;
  avg: number | null;
}

export interface ReportFigures {
  /** Conversations created in the range. */
  conversations: number;
  /** Of those, the ones only the bot answered (excluded from every human response figure). */
  botOnly: number;
  /** Created by a shopper message in working hours (the site's business hours, its time zone). */
  inWorkingHours: number;
  /** First staff reply minus the first shopper message; human conversations only. */
  firstResponse: Distribution & {
    within30s: number | null;
    within3m: number | null;
  };
  /** Per round (shopper message(s) then a staff reply): wait capped at 10 minutes, averaged. */
  replyTime: Distribution;
  /** Resolved minus created, for conversations resolved in the range. */
  resolutionTime: Distribution;
  /** Resolved and not reopened within 72 h, over conversations that ended (resolved or abandoned). */
  resolutionRate: number | null;
  /** Queued until assigned. */
  queueWait: Distribution;
  /** Shopper left (conversation ended) before any staff reply, over human conversations. */
  abandoned: number;
  abandonmentRate: number | null;
  /** Ratings 4–5 over all ratings. */
  csat: { rated: number; satisfied: number; share: number | null };
  /** Optional 0–10 question: promoters (9–10) minus detractors (0–6), percent of answers. */
  nps: { answered: number; promoters: number; detractors: number; score: number | null };
  byTag: { key: string; count: number }[];
  byTopic: { key: string; count: number }[];
  /** [weekday 0=Monday..6][hour 0..23] conversations created, in `tz`. */
  heatmap: number[][];
  /** One row per local day in the range. */
  trend: { day: string; conversations: number; frtP50: number | null; csat: number | null }[];
  agents: AgentFigures[];
  /** From the bot records (issue 13) when a bot took part; null when none did. */
  bot: {
    conversations: number;
    confirmedResolved: number;
    handedOff: number;
    /** Handoff until the first human reply. */
    handoffWait: Distribution;
  } | null;
}

export interface AgentFigures {
  agentId: string;
  name: string;
  handled: number;
  /** Mean number of conversations assigned at once while online (sampled). */
  concurrentLoad: number | null;
  frt: Distribution;
  csat: { rated: number; satisfied: number; share: number | null };
  onlineMs: number;
  awayMs: number;
}

export interface ReportSummary {
  query: { siteId: string | null; from: number; to: number; tz: string };
  figures: ReportFigures;
  /** How long the store took, for the page's footer and the benchmark. */
  tookMs: number;
}

/** Drill-down: GET /api/v1/reports/conversations?figure=&siteId=&from=&to=&cursor= */
export const reportFigureKeys = [
  'all',
  'bot_only',
  'frt_over_3m',
  'frt_within_30s',
  'unresolved',
  'reopened',
  'abandoned',
  'rated_low',
  'rated_high',
] as const;
export type ReportFigureKey = (typeof reportFigureKeys)[number];

export interface ReportConversationRow {
  id: string;
  siteId: string;
  createdAt: number;
  agentName: string | null;
  firstResponseMs: number | null;
  resolvedAt: number | null;
  rating: number | null;
  tags: string[];
  topic: string | null;
}

/**
 * CSV export: GET /api/v1/reports/export.csv?kind=conversations|agents&siteId=&from=&to=
 * (one row per conversation / per agent, UTF-8 with BOM so Excel shows Chinese).
 */
export type ReportExportKind = 'conversations' | 'agents';

// ---- Added by the server side (backward compatible: new names only) ------------------------

/** GET /api/v1/reports/conversations: the summary's query plus the figure and a cursor. */
export const reportConversationsQuerySchema = z
  .object({
    siteId: z.string().min(1).max(64).optional(),
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().positive(),
    figure: z.enum(reportFigureKeys).default('all'),
    /** From the previous page's `cursor`. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.to > q.from, { message: 'to must be after from' })
  .refine((q) => q.to - q.from <= 366 * 86_400_000, { message: 'at most one year' });
export type ReportConversationsQuery = z.infer<typeof reportConversationsQuerySchema>;

/** One page of the drill-down, newest first; `cursor` null on the last page. */
export interface ReportConversationPage {
  rows: ReportConversationRow[];
  cursor: string | null;
}

/** GET /api/v1/reports/export.csv */
export const reportExportQuerySchema = z
  .object({
    kind: z.enum(['conversations', 'agents']),
    siteId: z.string().min(1).max(64).optional(),
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().positive(),
    tz: z.string().min(1).max(64).optional(),
  })
  .refine((q) => q.to > q.from, { message: 'to must be after from' })
  .refine((q) => q.to - q.from <= 366 * 86_400_000, { message: 'at most one year' });
export type ReportExportQuery = z.infer<typeof reportExportQuerySchema>;

// ---- Presence history (issue 15 leftovers): appended to AgentFigures by interface merging ----

export interface AgentFigures {
  /**
   * Highest number of conversations held at once while online (sampled, like concurrentLoad);
   * null without a sample in the range.
   */
  concurrentPeak?: number | null;
}
