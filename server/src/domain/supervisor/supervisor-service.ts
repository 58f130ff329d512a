/**
 * What a supervisor does from the live view (issue 15 items 4-5): watch a site, whisper to
 * the agent holding a conversation, take it over, move it, and the peak warning's one-click
 * mitigations. Every command checks role and site membership here, whatever the console drew.
 */
import type { AgentId, ClientMessageId, ConversationId, Mitigation, SiteId, SupervisorView } from '@counter/shared';
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import { actorOf, inSite, supervises, type Actor } from '../access.js';
import type { AgentService } from '../agents.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { EventSink } from '../events.js';
import { BOT_OFF } from '../kb/bot-service.js';
import type { MessageLog } from '../message-log.js';
import { ServiceStats } from '../metrics.js';
import type { Router } from '../routing/router.js';
import { worksFor } from '../routing/plan.js';
import { LiveView } from './live-view.js';
import { PeakWatch } from './peak-watch.js';

/** "Raise capacities" adds this many chats per agent, up to the schema's ceiling. */
const CAPACITY_STEP = 1;
const CAPACITY_MAX = 50;

export interface SupervisorDeps {
  store: Store;
  clock: Clock;
  events: EventSink;
  log: MessageLog;
  router: Router;
  agents: AgentService;
}

export class SupervisorService {
  private readonly view: LiveView;

  constructor(private readonly deps: SupervisorDeps) {
    const { store, clock } = deps;
    this.view = new LiveView({ store, clock, stats: new ServiceStats({ store, clock }), peaks: new PeakWatch({ store, clock }) });
  }

  /** The site's live view, for a supervisor (or admin, owner) of it. */
  async watch(actor: Actor, siteId: SiteId): Promise<SupervisorView> {
    if (!supervises(actor, siteId)) throw forbidden();
    return this.viewOf(siteId);
  }

  /** No permission check: for the broadcast to a room whose members were checked on joining. */
  async viewOf(siteId: SiteId): Promise<SupervisorView> {
    const site = await this.deps.store.sites.byId(siteId);
    if (!site) throw new AppError('site_not_found');
    return this.view.build(site);
  }

  /** A note addressed to the agent holding the conversation; like every note, never the shopper's. */
  async whisper(supervisor: AgentDoc, input: { conversationId: ConversationId; clientId: ClientMessageId; text: string }) {
    const conversation = await this.supervised(actorOf(supervisor), input.conversationId);
    if (!conversation.agentId) throw new AppError('conflict', { message: 'Nobody holds this conversation.' });
    return this.deps.log.append(conversation, {
      clientId: input.clientId,
      author: 'agent',
      agentId: supervisor._id,
      authorName: supervisor.name,
      kind: 'note',
      text: input.text,
      event: null,
      whisperTo: conversation.agentId,
    });
  }

  /** The supervisor holds it from now on: taken from the queue, or moved from its agent. */
  async takeOver(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const conversation = await this.supervised(actor, conversationId);
    if (conversation.status === 'waiting') return this.deps.router.take(actor, conversationId);
    if (conversation.agentId === actor.agentId) return conversation;
    return this.deps.router.transfer(actor, conversationId, actor.agentId, async () => {});
  }

  async move(actor: Actor, conversationId: ConversationId, toAgentId: AgentId): Promise<ConversationDoc> {
    await this.supervised(actor, conversationId);
    return this.deps.router.transfer(actor, conversationId, toAgentId, async () => {});
  }

  async mitigate(supervisor: AgentDoc, siteId: SiteId, action: Mitigation): Promise<number> {
    if (!supervises(actorOf(supervisor), siteId)) throw forbidden();
    const { store, clock, events, agents } = this.deps;
    const site = await store.sites.byId(siteId);
    if (!site) throw new AppError('site_not_found');
    const staff = (await store.agents.list()).filter((a) => a.active && a.siteIds.includes(siteId));
    switch (action) {
      case 'bot-first': {
        const threshold = (await store.bot.settings(siteId))?.threshold ?? BOT_OFF.threshold;
        await store.bot.saveSettings({ _id: siteId, mode: 'always', threshold, updatedAt: clock.now() });
        events.publish({ type: 'availability.changed' });
        return 1;
      }
      case 'raise-capacity': {
        const raised = staff.filter((a) => a.status === 'online' && a.capacity < CAPACITY_MAX);
        for (const a of raised) await agents.update(a._id, { capacity: Math.min(CAPACITY_MAX, a.capacity + CAPACITY_STEP) });
        return raised.length;
      }
      case 'call-in': {
        const away = staff.filter((a) => a.status !== 'online' && worksFor(a, siteId));
        events.publish({ type: 'supervisor.call-in', agentIds: away.map((a) => a._id), siteId, siteName: site.name, by: supervisor.name });
        return away.length;
      }
    }
  }

  /** The conversation, if the actor supervises its site: 404 outside their sites, 403 for an agent. */
  private async supervised(actor: Actor, conversationId: ConversationId): Promise<ConversationDoc> {
    const conversation = await this.deps.store.conversations.byId(conversationId);
    if (!conversation || !inSite(actor, conversation.siteId)) throw notFound();
    if (!supervises(actor, conversation.siteId)) throw forbidden();
    return conversation;
  }
}
