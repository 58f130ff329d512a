/**
 * Report figures (issue 15) on every store adapter, on a hand-computed fixture: the figures
 * are written through the same repository calls the domain makes (so the write-time fields
 * are tested too) and every expected number below was worked out by hand in the comments.
 * Site time zone Asia/Shanghai (UTC+8, no DST); business hours Mon–Fri 09:00–18:00.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentId, ConversationId, ReportFigures, SiteId } from '@counter/shared';
import { computeFigures } from '../../src/domain/reports/figures.js';
import type { ConversationDoc } from '../../src/store/documents.js';
import type { MessageSummary } from '../../src/store/repositories/conversations.js';
import type { Store } from '../../src/store/store.js';
import { conversationDoc, newTestId } from '../support/fixtures.js';

const TZ = 'Asia/Shanghai';
/** Monday 2 March 2026, 00:00 in Shanghai. */
const MON = Date.UTC(2026, 2, 1, 16, 0);
const H = 3_600_000;
const M = 60_000;
const S = 1_000;
const at = (day: 0 | 1 | -1, h: number, m = 0, s = 0) => MON + day * 24 * H + h * H + m * M + s * S;

type Step =
  | { v: number }
  | { a: number }
  | { bot: number }
  | { assign: number; agent: AgentId; name: string }
  | { resolve: number }
  | { reopen: number }
  | { rate: number; score: number };

/** Replays one conversation through the repository as MessageLog and the routing do. */
async function replay(store: Store, init: Partial<ConversationDoc> & { createdAt: number; siteId: SiteId }, inHours: boolean | null, steps: Step[]) {
  let c = conversationDoc({ ...init, createdQuarter: Math.floor(init.createdAt / 900_000) });
  await store.conversations.create(c);
  const id = c._id;
  let seq = 0;
  const refresh = async () => (c = (await store.conversations.byId(id))!);
  for (const step of steps) {
    if ('v' in step) {
      if (c.requestedAt === null) await store.conversations.recordRequest(id, step.v, inHours ?? undefined);
      await refresh();
      const summary: MessageSummary = { seq: ++seq, at: step.v, preview: 'q', by: 'visitor', firstOfKind: c.awaitingReplySince === null, waitedSince: c.awaitingReplySince, requestedAt: c.requestedAt };
      c = (await store.conversations.recordMessage(id, summary))!;
    } else if ('a' in step) {
      const summary: MessageSummary = { seq: ++seq, at: step.a, preview: 'r', by: 'agent', firstOfKind: c.firstResponseAt === null, waitedSince: c.awaitingReplySince, requestedAt: c.requestedAt };
      await store.conversations.recordMessage(id, summary);
      await refresh();
    } else if ('bot' in step) {
      c = (await store.conversations.recordMessage(id, { seq: ++seq, at: step.bot, preview: null, by: 'system', bot: true, waitedSince: c.awaitingReplySince, requestedAt: c.requestedAt }))!;
    } else if ('assign' in step) {
      c = (await store.conversations.markAssigned(id, step.agent, step.name, step.assign, c.firstAssignedAt === undefined ? c.requestedAt : null))!;
    } else if ('resolve' in step) {
      c = (await store.conversations.markResolved(id, step.resolve, c.createdAt))!;
    } else if ('reopen' in step) {
      c = (await store.conversations.reopen(c, step.reopen))!;
    } else {
      c = (await store.conversations.setRating(id, { score: step.score, comment: null, at: step.rate }))!;
    }
  }
  return c;
}

export function reportsContract(label: string, open: () => Promise<Store>) {
  describe(`reports store contract: ${label}`, () => {
    let store: Store;
    let figures: ReportFigures;
    const site = `rep-${newTestId()}` as SiteId;
    const other = `rep-${newTestId()}` as SiteId;
    const xena = `x-${newTestId()}` as AgentId;
    const yuri = `y-${newTestId()}` as AgentId;
    const names: Record<string, string> = { [xena]: 'Xena', [yuri]: 'Yuri' };
    const ids: Record<string, ConversationId> = {};
    const scope = { siteIds: [site], from: MON, to: MON + 48 * H };

    beforeAll(async () => {
      store = await open();
      // A: Mon 10:00, in hours. FRT 20 s; rounds 20 s and 15 min (capped to 10 min); queue 20 s;
      // resolved after 30 min; rated 5; NPS 10; tag refund; topic orders.
      ids.a = (await replay(store, { siteId: site, createdAt: at(0, 10), tags: ['refund'], topic: 'orders', nps: 10 }, true, [
        { v: at(0, 10) },
        { assign: at(0, 10, 0, 20), agent: xena, name: 'Xena' },
        { a: at(0, 10, 0, 20) },
        { v: at(0, 10, 5) },
        { a: at(0, 10, 20) },
        { resolve: at(0, 10, 30) },
        { rate: at(0, 10, 31), score: 5 },
      ]))._id;
      // B: Mon 23:50 to Tue 00:20 (spans midnight), outside working hours. Queue 60 s; FRT 4 min;
      // resolved after 30 min; rated 2; NPS 3; tags refund + shipping.
      ids.b = (await replay(store, { siteId: site, createdAt: at(0, 23, 50), tags: ['refund', 'shipping'], nps: 3 }, false, [
        { v: at(0, 23, 50) },
        { assign: at(0, 23, 51), agent: yuri, name: 'Yuri' },
        { a: at(0, 23, 54) },
        { resolve: at(1, 0, 20) },
        { rate: at(1, 0, 21), score: 2 },
      ]))._id;
      // C: Tue 09:30. Queue 10 s; FRT 60 s; resolved 09:40, reopened 12:00 (within 72 h),
      // resolved again 12:10 (resolution 160 min); rated 4.
      ids.c = (await replay(store, { siteId: site, createdAt: at(1, 9, 30) }, true, [
        { v: at(1, 9, 30) },
        { assign: at(1, 9, 30, 10), agent: xena, name: 'Xena' },
        { a: at(1, 9, 31) },
        { resolve: at(1, 9, 40) },
        { reopen: at(1, 12) },
        { assign: at(1, 12), agent: xena, name: 'Xena' },
        { resolve: at(1, 12, 10) },
        { rate: at(1, 12, 11), score: 4 },
      ]))._id;
      // D: Tue 11:00, bot only (resolution 5 min).
      ids.d = (await replay(store, { siteId: site, createdAt: at(1, 11) }, true, [{ v: at(1, 11) }, { bot: at(1, 11, 0, 5) }, { resolve: at(1, 11, 5) }]))._id;
      // E: Tue 14:00, abandoned: nobody answered, ended after 30 min.
      ids.e = (await replay(store, { siteId: site, createdAt: at(1, 14) }, true, [{ v: at(1, 14) }, { resolve: at(1, 14, 30) }]))._id;
      // Not counted: an opened chat nobody wrote in, one before the range, one of another site.
      await replay(store, { siteId: site, createdAt: at(1, 15) }, null, []);
      await replay(store, { siteId: site, createdAt: at(-1, 23) }, true, [{ v: at(-1, 23) }]);
      await replay(store, { siteId: other, createdAt: at(0, 12) }, true, [{ v: at(0, 12) }]);

      figures = await computeFigures({
        engine: store.reports,
        scope,
        tz: TZ,
        agentName: async (id) => names[id] ?? null,
        botRecords: async () => [],
      });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('counts conversations, bot-only ones and those in working hours', () => {
      expect(figures.conversations).toBe(5);
      expect(figures.botOnly).toBe(1);
      expect(figures.inWorkingHours).toBe(4);
    });

    it('first response: nearest-rank p50/p90 over human conversations, shares within 30 s and 3 min', () => {
      // 20 s, 60 s, 240 s: p50 = rank 2, p90 = rank 3, avg 320 s / 3.
      expect(figures.firstResponse).toEqual({ count: 3, p50: 60_000, p90: 240_000, avg: 320_000 / 3, within30s: 1 / 3, within3m: 2 / 3 });
    });

    it('reply time per round, each wait capped at 10 minutes', () => {
      // A: 20 s + 10 min (15 min capped); B: 4 min; C: 60 s. 4 rounds, 920 s.
      expect(figures.replyTime).toEqual({ count: 4, p50: null, p90: null, avg: 230_000 });
    });

    it('resolution time, rate (a reopen within 72 h is no resolution), abandonment', () => {
      // Resolved in range: D 5 min, A/B/E 30 min, C 09:30 -> 12:10 = 160 min (the last resolution):
      // p50 rank 3 = 30 min, p90 rank 5 = 160 min, avg 255 / 5 = 51 min.
      expect(figures.resolutionTime).toEqual({ count: 5, p50: 30 * M, p90: 160 * M, avg: 51 * M });
      // Ended human conversations A, B, C, E; C reopened, E abandoned.
      expect(figures.resolutionRate).toBe(0.5);
      expect(figures.abandoned).toBe(1);
      expect(figures.abandonmentRate).toBe(0.25);
    });

    it('queue wait until the first assignment', () => {
      expect(figures.queueWait).toEqual({ count: 3, p50: 20_000, p90: 60_000, avg: 30_000 });
    });

    it('CSAT, NPS, tags and topics', () => {
      expect(figures.csat).toEqual({ rated: 3, satisfied: 2, share: 2 / 3 });
      expect(figures.nps).toEqual({ answered: 2, promoters: 1, detractors: 1, score: 0 });
      expect(figures.byTag).toEqual([
        { key: 'refund', count: 2 },
        { key: 'shipping', count: 1 },
      ]);
      expect(figures.byTopic).toEqual([{ key: 'orders', count: 1 }]);
    });

    it('heatmap and daily trend in the site time zone (B counts on Monday 23:00)', () => {
      const cells = figures.heatmap.flatMap((hours, day) => hours.flatMap((n, hour) => (n ? [[day, hour, n]] : [])));
      expect(cells).toEqual([
        [0, 10, 1],
        [0, 23, 1],
        [1, 9, 1],
        [1, 11, 1],
        [1, 14, 1],
      ]);
      expect(figures.trend).toEqual([
        { day: '2026-03-02', conversations: 2, frtP50: 20_000, csat: 0.5 },
        { day: '2026-03-03', conversations: 3, frtP50: 60_000, csat: 1 },
      ]);
    });

    it('per agent: handled, FRT and CSAT', () => {
      expect(figures.agents).toEqual([
        {
          agentId: xena,
          name: 'Xena',
          handled: 2,
          concurrentLoad: null,
          frt: { count: 2, p50: 20_000, p90: 60_000, avg: 40_000 },
          csat: { rated: 2, satisfied: 2, share: 1 },
          onlineMs: 0,
          awayMs: 0,
        },
        {
          agentId: yuri,
          name: 'Yuri',
          handled: 1,
          concurrentLoad: null,
          frt: { count: 1, p50: 240_000, p90: 240_000, avg: 240_000 },
          csat: { rated: 1, satisfied: 0, share: 0 },
          onlineMs: 0,
          awayMs: 0,
        },
      ]);
      expect(figures.bot).toBeNull();
    });

    it('drills down to the conversations behind a figure, newest first, paged', async () => {
      const first = await store.reports.page(scope, ['human'], null, 2);
      expect(first.map((c) => c._id)).toEqual([ids.e, ids.c]);
      const next = await store.reports.page(scope, ['human'], { at: first[1]!.createdAt, id: first[1]!._id }, 5);
      expect(next.map((c) => c._id)).toEqual([ids.b, ids.a]);
      expect((await store.reports.page(scope, ['botOnly'], null, 5)).map((c) => c._id)).toEqual([ids.d]);
      expect((await store.reports.page(scope, ['reopened'], null, 5)).map((c) => c._id)).toEqual([ids.c]);
      expect((await store.reports.page(scope, ['abandoned'], null, 5)).map((c) => c._id)).toEqual([ids.e]);
      expect((await store.reports.page(scope, ['frtOver3m'], null, 5)).map((c) => c._id)).toEqual([ids.b]);
    });
  });
}
