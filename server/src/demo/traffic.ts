/**
 * Realistic chat traffic for reports, demos, benchmarks and the forecast (issue 15 item 6):
 * a daily rhythm (quiet nights, late-morning and evening peaks), a weekly one (busier
 * weekends), a sale day at 5–8x, bot-only conversations, ratings, NPS, tags, topics and a few
 * agents. Deterministic: the same options give the same documents. Plain documents, written
 * by the caller straight into the store (see demo/seed-traffic.ts).
 */
import type { AgentId, ConversationId, SiteId, VisitorId } from '@counter/shared';
import type { ConversationDoc } from '../store/documents.js';
import { REPLY_WAIT_CAP_MS } from '../store/repositories/conversations.js';

export interface TrafficOptions {
  seed: number;
  weeks: number;
  siteId: SiteId;
  /** The range ends here (exclusive), default now rounded down to the hour. */
  end?: number;
  /** Average conversations on an ordinary day. Default 120. */
  perDay?: number;
  /** Day index (0 = first day of the range) with the sale; null: none. Default: the last Friday but one. */
  saleDay?: number | null;
  /** The sale day's multiple, 5–8. Default 6.5. */
  saleFactor?: number;
  agents?: { id: AgentId; name: string }[];
  /** Share of conversations the bot closes alone. Default 0.18. */
  botShare?: number;
  /** Local offset of the shop's audience, for the rhythm (hours). Default +8 (China). */
  utcOffsetHours?: number;
}

/** Relative arrivals per local hour 0..23. */
const HOURLY = [2, 1, 0.6, 0.4, 0.4, 0.6, 1.2, 2.5, 4.5, 6.5, 8, 8.5, 7, 6.5, 7, 7, 6.5, 6, 6.5, 8, 9.5, 10, 8, 4.5];
/** Relative arrivals per local weekday, Monday first. */
const WEEKLY = [1.05, 1, 0.95, 0.95, 1.05, 1.25, 1.2];
const TAGS = ['shipping', 'refund', 'sizing', 'payment', 'coupon', '物流', '退款', '尺码'];
const TOPICS = ['orders', 'returns', 'product', 'account', 'payment'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_AGENTS = [
  { id: 'demo-agent-lin' as AgentId, name: 'Lin Wei' },
  { id: 'demo-agent-ana' as AgentId, name: 'Ana Souza' },
  { id: 'demo-agent-tom' as AgentId, name: 'Tom Becker' },
  { id: 'demo-agent-mei' as AgentId, name: 'Chen Mei' },
];

/** The documents one at a time (a million do not fit in memory at once). */
export function* trafficDocs(options: TrafficOptions): Generator<ConversationDoc> {
  const rnd = random(options.seed);
  const exp = (mean: number) => -Math.log(1 - rnd()) * mean;
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const poisson = (lambda: number) => {
    // Knuth for small means, a rounded normal for large ones (sale-day hours).
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd())));
    let k = 0;
    for (let p = rnd(), l = Math.exp(-lambda); p > l; p *= rnd()) k++;
    return k;
  };
  const offset = (options.utcOffsetHours ?? 8) * HOUR;
  const end = options.end ?? Math.floor(Date.now() / HOUR) * HOUR;
  const days = options.weeks * 7;
  const start = end - days * DAY;
  const perDay = options.perDay ?? 120;
  const hourlyTotal = HOURLY.reduce((a, b) => a + b, 0);
  const saleDay = options.saleDay === undefined ? Math.max(0, days - 10) : options.saleDay;
  const saleFactor = options.saleFactor ?? 6.5;
  const agents = options.agents ?? DEFAULT_AGENTS;
  const botShare = options.botShare ?? 0.18;
  let n = 0;

  for (let hour = start; hour < end; hour += HOUR) {
    const local = hour + offset;
    const day = Math.floor((hour - start) / DAY);
    const localHour = Math.floor((local % DAY) / HOUR);
    const weekday = (Math.floor(local / DAY) + 3) % 7;
    const sale = day === saleDay;
    const lambda = (perDay * HOURLY[localHour]! * WEEKLY[weekday]! * (sale ? saleFactor : 1)) / hourlyTotal;
    const count = poisson(lambda);
    for (let i = 0; i < count; i++) {
      const createdAt = Math.floor(hour + rnd() * HOUR);
      const id = `t${options.seed.toString(36)}-${(n++).toString(36)}` as ConversationId;
      yield conversation(id, createdAt, { sale, localHour, weekday });
    }
  }

  function conversation(id: ConversationId, createdAt: number, at: { sale: boolean; localHour: number; weekday: number }): ConversationDoc {
    const botOnly = rnd() < botShare;
    const agent = botOnly ? null : pick(agents);
    // Busy hours wait longer; the sale day much longer (and more shoppers give up).
    const load = at.sale ? 8 : 1 + HOURLY[at.localHour]! / 10;
    const abandoned = !botOnly && rnd() < (at.sale ? 0.12 : 0.025);
    const queueWaitMs = botOnly || abandoned ? undefined : Math.round(exp(12_000 * load));
    const frtMs = queueWaitMs === undefined ? undefined : queueWaitMs + Math.round(5_000 + exp(15_000));
    const rounds = frtMs === undefined ? 0 : 1 + Math.floor(exp(2));
    let waitSum = frtMs === undefined ? 0 : Math.min(frtMs, REPLY_WAIT_CAP_MS);
    for (let r = 1; r < rounds; r++) waitSum += Math.min(Math.round(exp(50_000 * load)), REPLY_WAIT_CAP_MS);
    const resolutionMs = botOnly ? Math.round(60_000 + exp(120_000)) : abandoned ? Math.round(300_000 + exp(600_000)) : (frtMs ?? 0) + rounds * Math.round(90_000 + exp(60_000));
    const resolvedAt = createdAt + resolutionMs;
    const rated = !botOnly && !abandoned && rnd() < 0.35;
    const u = rnd();
    const score = u < 0.05 ? 1 : u < 0.1 ? 2 : u < 0.2 ? 3 : u < 0.5 ? 4 : 5;
    const tagCount = botOnly ? 0 : Math.floor(rnd() * 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(TAGS)))];
    const reopened = !botOnly && !abandoned && rnd() < 0.04;
    return {
      _id: id,
      siteId: options.siteId,
      visitorId: `${id}-v` as VisitorId,
      status: 'resolved',
      openKey: id,
      agentId: agent?.id ?? null,
      agentName: agent?.name ?? null,
      priority: 0,
      queuedAt: null,
      assignedAt: queueWaitMs === undefined ? null : createdAt + queueWaitMs,
      resolvedAt,
      createdAt,
      updatedAt: resolvedAt,
      lastSeq: 1 + rounds * 2,
      lastMessageAt: resolvedAt,
      lastMessagePreview: null,
      awaitingReplySince: null,
      firstResponseAt: frtMs === undefined ? null : createdAt + frtMs,
      unreadByAgent: 0,
      unreadByVisitor: 0,
      agentReadSeq: 0,
      visitorReadSeq: 0,
      tags,
      rating: rated ? { score, comment: null, at: resolvedAt + 30_000 } : null,
      offline: false,
      contactEmail: null,
      topic: botOnly || rnd() < 0.3 ? null : pick(TOPICS),
      requestedAt: createdAt,
      excludedAgentIds: [],
      replyRounds: rounds,
      replyWaitSum: waitSum,
      botReplied: botOnly || rnd() < 0.1,
      ...(queueWaitMs !== undefined && { firstAssignedAt: createdAt + queueWaitMs, queueWaitMs }),
      firstResolvedAt: reopened ? createdAt + Math.round(resolutionMs / 2) : resolvedAt,
      ...(reopened && { reopenedAt: createdAt + Math.round(resolutionMs * 0.6), reopened72: true }),
      inHours: at.weekday < 5 ? at.localHour >= 9 && at.localHour < 18 : at.localHour >= 10 && at.localHour < 16,
      nps: rated && rnd() < 0.4 ? Math.min(10, Math.max(0, Math.round(score * 2 - rnd() * 2))) : null,
      ...(frtMs !== undefined && { frtMs }),
      resolutionMs,
      createdQuarter: Math.floor(createdAt / 900_000),
    };
  }
}

/** All documents of a (small) range at once: demos, tests, the forecast's history. */
export function generateTraffic(options: TrafficOptions): ConversationDoc[] {
  return [...trafficDocs(options)];
}
