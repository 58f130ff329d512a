/**
 * A site's routing settings (issue 14): its admins write them, its supervisors read them, and
 * anyone who may see a conversation sets its topic from the site's list.
 */
import type { ConversationId, RoutingSettings, SiteId } from '@counter/shared';
import type { Store } from '../../store/store.js';
import { administers, inSite, supervises, type Actor } from '../access.js';
import type { Clock } from '../clock.js';
import type { ConversationService } from '../conversations.js';
import { AppError, forbidden } from '../errors.js';
import type { EventSink } from '../events.js';
import type { KeyedLock } from '../keyed-lock.js';

/** What a site without settings routes by: nothing beyond least load (as before issue 14). */
export const NO_ROUTING: RoutingSettings = { teams: [], agents: [], topics: [], rules: [], vipTeamId: null, lastAgentDays: 3 };

export class RoutingSettingsService {
  constructor(
    private readonly deps: { store: Store; clock: Clock; events: EventSink; lock: KeyedLock; conversations: ConversationService },
  ) {}

  async get(actor: Actor, siteId: SiteId): Promise<RoutingSettings> {
    if (!supervises(actor, siteId)) throw forbidden();
    return this.of(siteId);
  }

  /** The site's topics: any of its staff (the console's topic picker). */
  async topics(actor: Actor, siteId: SiteId): Promise<string[]> {
    if (!inSite(actor, siteId)) throw forbidden();
    return (await this.of(siteId)).topics;
  }

  async save(actor: Actor, siteId: SiteId, input: RoutingSettings): Promise<RoutingSettings> {
    if (!administers(actor, siteId)) throw forbidden();
    if (!(await this.deps.store.sites.byId(siteId))) throw new AppError('site_not_found');
    await this.deps.store.routing.save({ _id: siteId, ...input, updatedAt: this.deps.clock.now() });
    return input;
  }

  async setTopic(actor: Actor, conversationId: ConversationId, topic: string | null): Promise<string | null> {
    const { store, clock, lock, events, conversations } = this.deps;
    const conversation = await conversations.forAgent(actor, conversationId);
    if (topic !== null && !(await this.of(conversation.siteId)).topics.includes(topic)) {
      // An existing code: a new one would grow the console's first chunk (it carries the catalogue).
      throw new AppError('validation_failed', { issues: [{ path: 'topic', message: 'not one of the site\'s topics' }] });
    }
    const updated = await lock.run(conversationId, () => store.conversations.setTopic(conversationId, topic, clock.now()));
    if (updated) events.publish({ type: 'conversation.updated', conversation: updated });
    return topic;
  }

  private async of(siteId: SiteId): Promise<RoutingSettings> {
    const doc = await this.deps.store.routing.get(siteId);
    if (!doc) return NO_ROUTING;
    const { _id, updatedAt, ...settings } = doc;
    return settings;
  }
}
