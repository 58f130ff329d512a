/**
 * One site's live picture for its supervisors (issue 15 item 4): every agent of the site
 * with their status, load against capacity and chats; the queue; the held conversations
 * whose shopper has waited longest for a reply; and the peak forecast with its warning.
 * The same picture for every watcher of the site, so it is computed once per refresh.
 */
import type { AgentId, SiteId, SupervisedAgent, SupervisedConversation, SupervisorView } from '@counter/shared';
import type { ConversationDoc, SiteDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import type { Clock } from '../clock.js';
import type { ServiceStats } from '../metrics.js';
import { worksFor } from '../routing/plan.js';
import type { PeakWatch } from './peak-watch.js';
import { waitTargetSeconds } from './wait-target.js';
import { atRiskByDue } from './at-risk.js';

const QUEUE_SHOWN = 20;
/** Counted exactly up to here; a longer queue shows as this many (the view says "at least"). */
const QUEUE_COUNTED = 500;
const AT_RISK_SHOWN = 10;

export class LiveView {
  constructor(private readonly deps: { store: Store; clock: Clock; stats: ServiceStats; peaks: PeakWatch }) {}

  async build(site: SiteDoc): Promise<SupervisorView> {
    const { store, clock, stats, peaks } = this.deps;
    const siteId = site._id;
    // The owner works for every site; they count here only while online (else every site lists them).
    const staff = (await store.agents.list()).filter(
      (a) => a.active && worksFor(a, siteId) && (a.role !== 'owner' || a.siteIds.includes(siteId) || a.status === 'online'),
    );
    const ids = staff.map((a) => a._id);
    const [loads, connected, queue, held] = await Promise.all([
      store.assignments.loads(ids),
      store.presence.connected(ids),
      store.conversations.queue(QUEUE_COUNTED, [siteId]),
      this.heldBy(ids, siteId),
    ]);
    const names = await this.visitorNames([...queue.slice(0, QUEUE_SHOWN), ...held]);
    const row = (c: ConversationDoc): SupervisedConversation => ({
      conversationId: c._id,
      agentId: c.agentId,
      agentName: c.agentName,
      visitorName: names.get(c.visitorId) ?? null,
      preview: c.lastMessagePreview,
      waitingSince: c.status === 'waiting' ? (c.queuedAt ?? c.createdAt) : c.awaitingReplySince,
    });
    const agents: SupervisedAgent[] = staff.map((a) => ({
      id: a._id,
      name: a.name,
      status: a.status,
      connected: connected.has(a._id),
      capacity: a.capacity,
      load: loads.get(a._id) ?? 0,
      conversations: held.filter((c) => c.agentId === a._id).map(row),
    }));
    const serving = agents.filter((a) => a.status === 'online' && a.connected);
    const slots = serving.reduce((sum, a) => sum + a.capacity, 0);
    const targetSeconds = waitTargetSeconds(site);
    const forecast = await peaks.forecast(
      siteId,
      {
        queued: queue.length,
        slots,
        freeSlots: serving.reduce((sum, a) => sum + Math.max(0, a.capacity - a.load), 0),
        handleSeconds: await stats.handleSeconds(),
      },
      targetSeconds,
    );
    const queuedTimes = queue.map((c) => c.queuedAt ?? c.createdAt);
    return {
      siteId,
      at: clock.now(),
      agents,
      queue: { length: queue.length, oldestSince: queuedTimes.length ? Math.min(...queuedTimes) : null, items: queue.slice(0, QUEUE_SHOWN).map(row) },
      // By time to breach of each wait's target, not by the longest wait (issue 15 leftovers).
      atRisk: atRiskByDue([...held, ...queue], site, AT_RISK_SHOWN).map(({ c, dueAt }) => ({ ...row(c), dueAt })),
      forecast,
      warning:
        forecast.breachInMinutes === null
          ? null
          : { breachInMinutes: forecast.breachInMinutes, peakWaitSeconds: forecast.peakWaitSeconds, targetSeconds },
      botMode: (await store.bot.settings(siteId))?.mode ?? 'off',
      awayAgents: agents.filter((a) => a.status !== 'online').length,
    };
  }

  /** The site's conversations these agents hold, per the ledger. */
  private async heldBy(agentIds: AgentId[], siteId: SiteId): Promise<ConversationDoc[]> {
    const claims = (await Promise.all(agentIds.map((id) => this.deps.store.assignments.forAgent(id)))).flat();
    const conversations = await this.deps.store.conversations.byIds(claims.map((c) => c._id));
    return conversations.filter((c) => c.siteId === siteId && c.status === 'assigned');
  }

  private async visitorNames(conversations: ConversationDoc[]): Promise<Map<string, string | null>> {
    const visitors = await this.deps.store.visitors.byIds([...new Set(conversations.map((c) => c.visitorId))]);
    return new Map(visitors.map((v) => [v._id, v.name]));
  }
}
