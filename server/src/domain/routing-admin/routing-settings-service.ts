/**
 * A site's routing settings (issue 14): its admins write them, its supervisors read them, and
 * anyone who may see a conversation sets its topic from the site's list.
 */
import type { ConversationId, Locale, RoutingSettings, SiteId } from '@counter/shared';
import type { ConversationDoc, VisitorDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import { administers, inSite, supervises, type Actor } from '../access.js';
import type { Clock } from '../clock.js';
import type { ConversationService } from '../conversations.js';
import { newClientMessageId } from '../crypto.js';
import { AppError, forbidden } from '../errors.js';
import type { EventSink } from '../events.js';
import type { KeyedLock } from '../keyed-lock.js';
import type { MessageLog } from '../message-log.js';
import type { Router } from '../routing/router.js';
import { topicNote } from './topic-note.js';
import { writeTopic } from './topic-write.js';

/** What a site without settings routes by: nothing beyond least load (as before issue 14). */
export const NO_ROUTING: RoutingSettings = { teams: [], agents: [], topics: [], rules: [], vipTeamId: null, lastAgentDays: 3 };

export class RoutingSettingsService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      events: EventSink;
      lock: KeyedLock;
      conversations: ConversationService;
      log: MessageLog;
      router: Router;
    },
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

  /** The site's topics as the widget offers them; not secret (every shopper of the site sees them). */
  async siteTopics(siteId: SiteId): Promise<string[]> {
    return (await this.of(siteId)).topics;
  }

  /** An agent changes the topic: a waiting conversation is routed again by it, and the history says who changed it. */
  async setTopic(actor: Actor, conversationId: ConversationId, topic: string | null): Promise<string | null> {
    const { store, log } = this.deps;
    const conversation = await this.deps.conversations.forAgent(actor, conversationId);
    await this.checkTopic(conversation.siteId, topic);
    const updated = await this.store(conversation, topic);
    if (updated) {
      const agent = await store.agents.byId(actor.agentId);
      await log.append(updated, {
        clientId: newClientMessageId(),
        author: 'agent',
        agentId: actor.agentId,
        authorName: agent?.name ?? null,
        kind: 'note',
        text: topicNote(conversation.topic ?? null, topic),
        event: null,
      });
    }
    return topic;
  }

  /**
   * The shopper picks a topic when the chat opens: the conversation starts now (if it has not)
   * so that the first message routes by it. Checked before anything is written: a topic that is
   * not the site's stores nothing. Once an agent has it, the shopper's choice no longer moves it.
   */
  async chooseTopic(visitor: VisitorDoc, topic: string, locale?: Locale): Promise<ConversationDoc> {
    await this.checkTopic(visitor.siteId, topic);
    const conversation = await this.deps.conversations.start(visitor, locale);
    if (conversation.status !== 'waiting' || conversation.agentId !== null) return conversation;
    return (await this.store(conversation, topic)) ?? conversation;
  }

  private store(conversation: ConversationDoc, topic: string | null): Promise<ConversationDoc | null> {
    return writeTopic(this.deps, conversation, topic);
  }

  private async checkTopic(siteId: SiteId, topic: string | null): Promise<void> {
    if (topic !== null && !(await this.of(siteId)).topics.includes(topic)) {
      // An existing code: a new one would grow the console's first chunk (it carries the catalogue).
      throw new AppError('validation_failed', { issues: [{ path: 'topic', message: 'not one of the site\'s topics' }] });
    }
  }

  private async of(siteId: SiteId): Promise<RoutingSettings> {
    const doc = await this.deps.store.routing.get(siteId);
    if (!doc) return NO_ROUTING;
    const { _id, updatedAt, ...settings } = doc;
    return settings;
  }
}
