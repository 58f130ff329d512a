/**
 * The knowledge-base bot (issue 13). Per site: off, only when no agent is online or the site
 * is closed, or first in every conversation. It answers a shopper's message with the best
 * article when the search score reaches the site's threshold, asks whether that answered
 * the question, and hands off to the queue with a note of what it learned. It never speaks
 * in a conversation a person holds, nor after a handoff.
 *
 * Its figures count only what the shopper confirmed as resolved: a bot answer followed by
 * silence is "no reply, assumed", never a resolution.
 */
import type { BotSettings, BotSummary, ConversationId, Locale, SiteId, UnansweredQuestion } from '@counter/shared';
import type { ConversationDoc, MessageDoc, SiteDoc, VisitorDoc } from '../../store/documents.js';
import { administers, supervises, type Actor } from '../access.js';
import { isOpen } from '../business-hours.js';
import { newClientMessageId } from '../crypto.js';
import type { DomainDeps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { OrderService } from '../orders/order-service.js';
import { topicFromBot, type BotUnderstanding } from '../routing-admin/bot-topic.js';
import { writeTopic } from '../routing-admin/topic-write.js';
import { botText, isOrderQuestion, localeOf } from './bot-text.js';
import type { KbService } from './kb-service.js';
import { plainText } from './markdown.js';
import { formatOpening, nextOpening } from './next-opening.js';
import { unansweredKey } from './unanswered-key.js';

export const BOT_OFF: BotSettings = { mode: 'off', threshold: 2 };
/** The summary looks back this far. */
const SUMMARY_WINDOW_MS = 30 * 24 * 3600_000;
const SUMMARY_MAX = 10_000;
/** A shopper who opens another conversation this soon after a bot resolution was not helped. */
const CAME_BACK_WINDOW_MS = 72 * 3600_000;
/** Characters of the article the bot quotes; the shopper can open the whole article. */
const QUOTE_LENGTH = 400;

type BotDeps = Pick<DomainDeps, 'store' | 'clock' | 'events' | 'log' | 'lock' | 'router' | 'onError'> & { kb: KbService; orders: OrderService };

export class BotService {
  constructor(private readonly deps: BotDeps) {}

  // ---- settings and figures (staff) ---------------------------------------------------

  async settings(actor: Actor, siteId: SiteId): Promise<BotSettings> {
    if (!supervises(actor, siteId)) throw forbidden();
    return this.settingsOf(siteId);
  }

  private async settingsOf(siteId: SiteId): Promise<BotSettings> {
    const doc = await this.deps.store.bot.settings(siteId);
    return doc ? { mode: doc.mode, threshold: doc.threshold } : BOT_OFF;
  }

  async saveSettings(actor: Actor, siteId: SiteId, input: BotSettings): Promise<BotSettings> {
    if (!administers(actor, siteId)) throw forbidden();
    if (!(await this.deps.store.sites.byId(siteId))) throw new AppError('site_not_found');
    await this.deps.store.bot.saveSettings({ _id: siteId, ...input, updatedAt: this.deps.clock.now() });
    return input;
  }

  async summary(actor: Actor, siteId: SiteId): Promise<BotSummary> {
    if (!supervises(actor, siteId)) throw forbidden();
    const since = this.deps.clock.now() - SUMMARY_WINDOW_MS;
    const records = await this.deps.store.bot.recordsSince(siteId, since, SUMMARY_MAX);
    const waits = records
      .filter((r) => r.handoffAt !== null && r.firstHumanReplyAt !== null)
      .map((r) => (r.firstHumanReplyAt! - r.handoffAt!) / 1000)
      .sort((a, b) => a - b);
    const cameBack = await this.deps.store.bot.cameBack(siteId, since, SUMMARY_MAX, CAME_BACK_WINDOW_MS);
    return {
      resolvedByBot: cameBack.resolved,
      cameBackWithin72h: cameBack.cameBack,
      botConversations: records.length,
      confirmedResolved: records.filter((r) => r.confirmed === true).length,
      noReplyAssumed: records.filter((r) => r.confirmed === null && r.handoffAt === null).length,
      notHelped: records.filter((r) => r.confirmed === false && r.handoffAt === null).length,
      handedOff: records.filter((r) => r.handoffAt !== null).length,
      answeredAfterHandoff: waits.length,
      medianHandoffToReplySeconds: waits.length ? waits[Math.floor((waits.length - 1) / 2)]! : null,
    };
  }

  async unanswered(actor: Actor, siteId: SiteId): Promise<UnansweredQuestion[]> {
    if (!supervises(actor, siteId)) throw forbidden();
    return (await this.deps.store.bot.unanswered(siteId, 100)).map(({ text, count, lastAt }) => ({ text, count, lastAt }));
  }

  // ---- in the conversation ----------------------------------------------------------------

  /** A shopper wrote (domain event): the bot answers when the site's mode and the moment say so. */
  async onVisitorMessage(message: MessageDoc, writtenTo?: ConversationDoc): Promise<void> {
    if (message.author !== 'visitor' || message.kind !== 'text') return;
    // `writtenTo`: the conversation as the message was written to it (the event's copy). One a
    // person held or had closed then is not the bot's: no read, no lock, for the common case
    // of a shopper talking to an agent (a conversation read per message saved).
    if (writtenTo && (writtenTo.agentId !== null || writtenTo.status === 'resolved')) return;
    // One message at a time per conversation: answers stay in order, and the record's
    // $push is safe on FerretDB v1, whose updates are not atomic.
    return this.deps.lock.run(`bot:${message.conversationId}`, () => this.answer(message));
  }

  private async answer(message: MessageDoc): Promise<void> {
    const { store } = this.deps;
    const conversation = await store.conversations.byId(message.conversationId);
    if (!conversation || conversation.status === 'resolved' || conversation.agentId !== null) return;
    const settings = await this.settingsOf(conversation.siteId);
    if (settings.mode === 'off') return;
    const record = await store.bot.record(conversation._id);
    if (record?.handoffAt != null) return;
    const site = await store.sites.byId(conversation.siteId);
    if (!site) return;
    if (!record && settings.mode === 'no-agent' && !(await this.nobodyThere(site))) return;

    const visitor = await store.visitors.byId(conversation.visitorId);
    const locale = localeOf(message.text, visitor?.locale ?? site.defaultLocale);
    const text = botText(locale);
    await store.bot.noteQuestion(conversation._id, site._id, message.text, this.deps.clock.now());

    const orderQuestion = isOrderQuestion(message.text);
    // issue 14 item 2: an order question is the site's order topic, if the shopper chose none.
    if (orderQuestion) await this.understood(conversation, { questions: [message.text], orderQuestion });
    if (visitor && orderQuestion) {
      const answer = await this.orderAnswer(visitor, locale);
      if (answer) return this.say(conversation, answer, locale);
    }
    const best = await this.deps.kb.answerFor(site._id, message.text, settings.threshold);
    if (best) {
      const article = await this.deps.kb.open(site._id, best.id);
      const quote = plainText(article.blocks).slice(0, QUOTE_LENGTH);
      await this.understood(conversation, { questions: [message.text], articleTags: article.tags, orderQuestion: false });
      await store.bot.noteAnswer(conversation._id, article.title);
      return this.say(conversation, text.answer(article.title, quote), locale);
    }
    await store.bot.countUnanswered({ _id: unansweredKey(site._id, message.text), siteId: site._id, text: message.text.slice(0, 300), lastAt: this.deps.clock.now() });
    return this.say(conversation, text.noAnswer, locale);
  }

  private async nobodyThere(site: SiteDoc): Promise<boolean> {
    const availability = await this.deps.router.availability(site);
    return availability.agentsOnline === 0 || !availability.open;
  }

  /** The latest order of a verified shopper, in one line; null when there is none to tell. */
  private async orderAnswer(visitor: VisitorDoc, locale: Locale): Promise<string | null> {
    const state = await this.deps.orders.mine(visitor);
    if (state.state !== 'ok' || state.value.length === 0) return null;
    const latest = [...state.value].sort((a, b) => b.placedAt - a.placedAt)[0]!;
    return botText(locale).order(latest.number, latest.status);
  }

  private async say(conversation: ConversationDoc, text: string, locale: Locale, kind: 'text' | 'note' = 'text'): Promise<void> {
    const latest = (await this.deps.store.conversations.byId(conversation._id)) ?? conversation;
    await this.deps.log.append(latest, {
      clientId: newClientMessageId(),
      author: 'bot',
      agentId: null,
      authorName: botText(locale).name,
      kind,
      text,
      event: null,
    });
  }

  private async mine(visitor: VisitorDoc, id: ConversationId): Promise<ConversationDoc> {
    const conversation = await this.deps.store.conversations.byId(id);
    if (!conversation || conversation.visitorId !== visitor._id) throw notFound();
    return conversation;
  }

  /** "Did this answer your question?" Only the first answer counts; yes closes the conversation. */
  async feedback(visitor: VisitorDoc, id: ConversationId, helped: boolean): Promise<void> {
    const conversation = await this.mine(visitor, id);
    const locale = visitor.locale ?? 'en';
    const before = await this.deps.store.bot.record(id);
    if (!before) throw notFound();
    const recorded = await this.deps.store.bot.confirm(id, helped, this.deps.clock.now());
    if (!recorded) return; // Answered before: a retry or a second click.
    const lang = localeOf(before.questions.at(-1) ?? '', locale);
    if (!helped) return this.say(conversation, botText(lang).sorry, lang);
    await this.say(conversation, botText(lang).thanks, lang);
    await this.resolve(conversation);
  }

  /**
   * Closes a conversation the shopper confirmed the bot resolved, unless a person holds it
   * (then the person decides). The conversation may wait in the queue: it leaves it.
   */
  private async resolve(conversation: ConversationDoc): Promise<void> {
    const { store, lock, clock, log, events } = this.deps;
    if (await store.assignments.byConversation(conversation._id)) return;
    const resolved = await lock.run(conversation._id, () => store.conversations.markResolved(conversation._id, clock.now(), conversation.createdAt));
    if (!resolved) return;
    await log.event(resolved, { type: 'resolved' });
    events.publish({ type: 'queue.changed' });
  }

  /** "Talk to a person": the queue, a note of what the bot learned, and when someone answers. */
  async handoff(visitor: VisitorDoc, id: ConversationId): Promise<void> {
    const conversation = await this.mine(visitor, id);
    if (conversation.status === 'resolved') throw new AppError('conversation_resolved');
    const now = this.deps.clock.now();
    const record = await this.deps.store.bot.handoff(id, now);
    if (!record) return; // No bot in this conversation, or handed off already.
    const locale = localeOf(record.questions.at(-1) ?? '', visitor.locale ?? 'en');
    await this.say(conversation, botText('en').note(record.questions, record.answered, record.confirmed), locale, 'note');
    // issue 14 item 2: before it is routed, what the shopper asked sets the topic (if none is set).
    await this.understood(conversation, { questions: record.questions, orderQuestion: record.questions.some(isOrderQuestion) });
    if (conversation.status === 'waiting' && conversation.queuedAt === null) {
      // A conversation the bot held (mode `always`) asks for a person only now; kept if set before.
      await this.deps.lock.run(id, () => this.deps.store.conversations.recordRequest(id, now));
      this.deps.router.request(conversation, 0).catch(this.deps.onError);
    }
    const site = await this.deps.store.sites.byId(conversation.siteId);
    const opens = site && !isOpen(site.businessHours, now) ? nextOpening(site.businessHours, now) : null;
    const text = botText(locale);
    await this.say(conversation, opens && site?.businessHours ? text.handoffLater(formatOpening(opens, site.businessHours, locale)) : text.handoff, locale);
  }

  /**
   * The bot as a topic source (issue 14 item 2): a conversation without a topic gets the one the
   * site's settings map the bot's understanding to. The shopper's or an agent's choice stays.
   */
  private async understood(conversation: ConversationDoc, what: BotUnderstanding): Promise<void> {
    const current = await this.deps.store.conversations.byId(conversation._id);
    if (!current || current.topic) return;
    const settings = await this.deps.store.routing.get(conversation.siteId);
    const topic = settings ? topicFromBot(settings, what) : null;
    if (topic) await writeTopic(this.deps, current, topic);
  }

  /** A person wrote in the conversation: the first such reply after a handoff is timed. */
  async onStaffMessage(message: MessageDoc): Promise<void> {
    if (message.author !== 'agent' || message.kind !== 'text') return;
    await this.deps.store.bot.firstHumanReply(message.conversationId, message.createdAt);
  }
}
