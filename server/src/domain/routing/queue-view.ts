/** What people see of routing: the queue (agents and shoppers) and availability (shoppers). */
import type { Availability, ConversationId, QueueItem, SiteId } from '@counter/shared';
import type { SiteDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import { isOpen } from '../business-hours.js';
import type { Clock } from '../clock.js';
import type { ServiceStats } from '../metrics.js';
import type { AgentPool } from './agent-pool.js';
import { QUEUE_POSITIONS, QUEUE_VIEW } from './context.js';
import { worksFor } from './plan.js';

export interface QueueSnapshot {
  /** The head of the queue as agents see it. */
  items: QueueItem[];
  total: number;
  /** Every queued conversation's place, for the shoppers. */
  positions: { conversationId: ConversationId; siteId: SiteId; visitorId: string; position: number; etaSeconds: number | null }[];
}

export class QueueView {
  constructor(private readonly deps: { store: Store; clock: Clock; stats: ServiceStats; pool: AgentPool }) {}

  async snapshot(): Promise<QueueSnapshot> {
    const { store, stats, pool } = this.deps;
    const queue = await store.conversations.queue(QUEUE_POSITIONS);
    const total = queue.length < QUEUE_POSITIONS ? queue.length : await store.conversations.queueLength();
    const slots = (await pool.available()).reduce((sum, agent) => sum + agent.capacity, 0);
    const handle = await stats.handleSeconds();
    const head = queue.slice(0, QUEUE_VIEW);
    const perSite = new Map<SiteId, number>();
    const visitors = new Map((await store.visitors.byIds([...new Set(head.map((c) => c.visitorId))])).map((v) => [v._id, v]));
    return {
      total,
      items: head.map((c, i) => ({
        conversationId: c._id,
        siteId: c.siteId,
        visitorId: c.visitorId,
        visitorName: visitors.get(c.visitorId)?.name ?? null,
        priority: c.priority,
        queuedAt: c.queuedAt ?? c.createdAt,
        preview: c.lastMessagePreview,
        position: i + 1,
      })),
      // A shopper's place counts only their own site's queue: other sites have other staff.
      positions: queue.map((c) => {
        const position = (perSite.get(c.siteId) ?? 0) + 1;
        perSite.set(c.siteId, position);
        return {
          conversationId: c._id,
          siteId: c.siteId,
          visitorId: c.visitorId,
          position,
          etaSeconds: slots ? Math.round((position * handle) / slots) : null,
        };
      }),
    };
  }

  async availability(site: SiteDoc): Promise<Availability> {
    return {
      agentsOnline: (await this.deps.pool.available()).filter((agent) => worksFor(agent, site._id)).length,
      open: isOpen(site.businessHours, this.deps.clock.now()),
      typicalReplySeconds: await this.deps.stats.typicalReplySeconds(),
      // Knowledge base (issue 13): with a bot on, the shopper writes instead of leaving a message.
      bot: ((await this.deps.store.bot.settings(site._id))?.mode ?? 'off') !== 'off',
    };
  }
}
