/**
 * Reports (issue 15) for the console: who may see which sites' figures, the time zone, the
 * drill-down pages and the CSV export. Admins, supervisors and the owner see their sites;
 * agents see none (403).
 */
import type {
  AgentId,
  ConversationId,
  ReportConversationPage,
  ReportConversationRow,
  ReportConversationsQuery,
  ReportExportQuery,
  ReportFigureKey,
  ReportQuery,
  ReportSummary,
  SiteId,
} from '@counter/shared';
import type { ConversationDoc } from '../../store/documents.js';
import type { ReportCond, ReportScope } from '../../store/reports/engine.js';
import type { Store } from '../../store/store.js';
import { supervises, type Actor } from '../access.js';
import { AppError, forbidden } from '../errors.js';
import { computeFigures } from './figures.js';
import { isTimeZone } from './local-time.js';
import { BOM, csvRow } from './csv.js';
import { joinPresence } from './agent-presence.js';

/** The bot's records read per report, newest first: a bound, not a sample (see README). */
const BOT_RECORDS_MAX = 50_000;
const EXPORT_PAGE = 500;

const FIGURE_CONDS: Record<ReportFigureKey, ReportCond[]> = {
  all: [],
  bot_only: ['botOnly'],
  frt_over_3m: ['human', 'frtOver3m'],
  frt_within_30s: ['human', 'frtWithin30s'],
  unresolved: ['unresolved'],
  reopened: ['reopened'],
  abandoned: ['abandoned'],
  rated_low: ['ratedLow'],
  rated_high: ['satisfied'],
};

const encodeCursor = (c: ConversationDoc) => Buffer.from(`${c.createdAt}:${c._id}`).toString('base64url');
function decodeCursor(cursor: string): { at: number; id: ConversationId } {
  const [at, ...id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (!at || !/^\d+$/.test(at) || !id.length) throw new AppError('validation_failed', { issues: [{ path: 'cursor', message: 'not a cursor' }] });
  return { at: Number(at), id: id.join(':') as ConversationId };
}

const row = (c: ConversationDoc): ReportConversationRow => ({
  id: c._id,
  siteId: c.siteId,
  createdAt: c.createdAt,
  agentName: c.agentName,
  firstResponseMs: c.frtMs ?? null,
  resolvedAt: c.resolvedAt,
  rating: c.rating?.score ?? null,
  tags: c.tags,
  topic: c.topic ?? null,
});

export class ReportService {
  constructor(private readonly deps: { store: Store; now?: () => number }) {}

  /** The sites the actor may report on, narrowed to `siteId`; 403 when none. Null: every site. */
  private sites(actor: Actor, siteId: string | undefined): readonly SiteId[] | null {
    if (siteId !== undefined) {
      if (!supervises(actor, siteId as SiteId)) throw forbidden();
      return [siteId as SiteId];
    }
    if (actor.role === 'owner') return null;
    const mine = actor.siteIds.filter((s) => supervises(actor, s));
    if (!mine.length) throw forbidden();
    return mine;
  }

  private async timeZone(tz: string | undefined, sites: readonly SiteId[] | null): Promise<string> {
    if (tz !== undefined) {
      if (!isTimeZone(tz)) throw new AppError('validation_failed', { issues: [{ path: 'tz', message: 'unknown time zone' }] });
      return tz;
    }
    // The site's own zone (its business hours); several sites: the first one's; none set: UTC.
    const site = sites?.length ? await this.deps.store.sites.byId(sites[0]!) : null;
    return site?.businessHours?.timezone ?? 'UTC';
  }

  async summary(actor: Actor, query: ReportQuery): Promise<ReportSummary> {
    const siteIds = this.sites(actor, query.siteId);
    const tz = await this.timeZone(query.tz, siteIds);
    const scope: ReportScope = { siteIds, from: query.from, to: query.to };
    const started = performance.now();
    const figures = await computeFigures({
      engine: this.deps.store.reports,
      scope,
      tz,
      agentName: async (id: AgentId) => (await this.deps.store.agents.byId(id))?.name ?? null,
      botRecords: () => this.botRecords(siteIds, query.from, query.to),
    });
    // Time online / away and concurrent load come from the presence history, not the engines.
    figures.agents = await joinPresence(this.deps.store, siteIds, { from: query.from, to: query.to, now: this.deps.now?.() ?? Date.now() }, figures.agents);
    return { query: { siteId: query.siteId ?? null, from: query.from, to: query.to, tz }, figures, tookMs: Math.round(performance.now() - started) };
  }

  private async botRecords(siteIds: readonly SiteId[] | null, from: number, to: number) {
    const sites = siteIds ?? (await this.deps.store.sites.list()).map((s) => s._id);
    const lists = await Promise.all(sites.map((s) => this.deps.store.bot.recordsSince(s, from, BOT_RECORDS_MAX)));
    return lists.flat().filter((r) => r.startedAt < to);
  }

  async conversations(actor: Actor, query: ReportConversationsQuery): Promise<ReportConversationPage> {
    const siteIds = this.sites(actor, query.siteId);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const page = await this.deps.store.reports.page({ siteIds, from: query.from, to: query.to }, FIGURE_CONDS[query.figure], after, query.limit + 1);
    const rows = page.slice(0, query.limit);
    return { rows: rows.map(row), cursor: page.length > query.limit ? encodeCursor(rows[rows.length - 1]!) : null };
  }

  /** The CSV, chunk by chunk (a page of conversations at a time): never the whole range in memory. */
  exportCsv(actor: Actor, query: ReportExportQuery): AsyncGenerator<string> {
    // Checked now, before the response starts: a refusal is a 403, not a cut-off file.
    const siteIds = this.sites(actor, query.siteId);
    return this.csvChunks(actor, query, { siteIds, from: query.from, to: query.to });
  }

  private async *csvChunks(actor: Actor, query: ReportExportQuery, scope: ReportScope): AsyncGenerator<string> {
    if (query.kind === 'agents') {
      const summary = await this.summary(actor, { ...query });
      yield BOM + csvRow(['agent_id', 'name', 'handled', 'frt_count', 'frt_p50_ms', 'frt_p90_ms', 'frt_avg_ms', 'rated', 'satisfied', 'csat', 'online_ms', 'away_ms', 'concurrent_load', 'concurrent_peak']);
      for (const a of summary.figures.agents) {
        yield csvRow([a.agentId, a.name, a.handled, a.frt.count, a.frt.p50, a.frt.p90, a.frt.avg === null ? null : Math.round(a.frt.avg), a.csat.rated, a.csat.satisfied, a.csat.share, a.onlineMs, a.awayMs, a.concurrentLoad, a.concurrentPeak ?? null]);
      }
      return;
    }
    yield BOM + csvRow(['id', 'site_id', 'created_at', 'agent', 'first_response_ms', 'resolved_at', 'rating', 'tags', 'topic']);
    let after: { at: number; id: ConversationId } | null = null;
    for (;;) {
      const page = await this.deps.store.reports.page(scope, [], after, EXPORT_PAGE);
      for (const c of page) {
        const r = row(c);
        yield csvRow([r.id, r.siteId, new Date(r.createdAt).toISOString(), r.agentName, r.firstResponseMs, r.resolvedAt === null ? null : new Date(r.resolvedAt).toISOString(), r.rating, r.tags.join(' '), r.topic]);
      }
      if (page.length < EXPORT_PAGE) return;
      const last = page[page.length - 1]!;
      after = { at: last.createdAt, id: last._id };
    }
  }
}
