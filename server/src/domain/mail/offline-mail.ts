/**
 * Mail to shoppers: an agent's replies to a shopper who is not connected (batched: the first
 * reply opens a window, later ones join it, one mail goes out when it closes), and the
 * transcript a shopper asks for. Pending mail lives in the store's outbox, so a restart
 * sends it; delivery is at-least-once, deduplicated by Message-ID (see Mailer).
 */
import type { Locale } from '@counter/shared';
import type { ConversationDoc, MailOutboxDoc, MessageDoc, VisitorDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { conversationLink } from './mail-link.js';
import { composeMail, type MailLocale } from './mail-text.js';
import type { Mailer, ShopperPresence } from './mailer.js';

export interface OfflineMailConfig {
  publicUrl: string;
  batchMs: number;
  linkTtlMs: number;
  /** First retry after a failed send; doubles each time, at most an hour. */
  retryBaseMs: number;
  transcriptsPerWindow: number;
  transcriptWindowMs: number;
}

export interface OfflineMailDeps {
  store: Store;
  clock: Clock;
  /** null: SMTP is not configured; nothing is queued and transcripts are refused. */
  mailer: Mailer | null;
  presence: ShopperPresence;
  config: OfflineMailConfig;
  log: { warn(context: object, message: string): void; error(context: object, message: string): void };
}

/** What becomes of a reply to this shopper now, as the agent's console shows it. */
export type ShopperReach = 'connected' | 'will_email' | 'on_return';

/** How long a claimed mail is left to its sender before another node may take it. */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 12;
const MAX_RETRY_MS = 3600_000;
const MESSAGES_PER_MAIL = 200;
const DRAIN_BATCH = 20;

export class OfflineMail {
  constructor(private readonly deps: OfflineMailDeps) {}

  get enabled(): boolean {
    return this.deps.mailer !== null;
  }

  /** Called with every domain event; queues a mail for an agent's reply to a shopper who left. */
  async onEvent(event: DomainEvent): Promise<void> {
    if (event.type !== 'message.created' || !this.enabled) return;
    const { message, conversation } = event;
    if (message.author !== 'agent' || message.kind !== 'text') return;
    const visitor = await this.deps.store.visitors.byId(conversation.visitorId);
    const to = emailOf(conversation, visitor);
    if (!visitor || !to || (await this.deps.presence.isConnected(visitor._id))) return;
    const now = this.deps.clock.now();
    await this.deps.store.mailOutbox.queue({
      _id: `replies:${conversation._id}`,
      kind: 'replies',
      siteId: conversation.siteId,
      conversationId: conversation._id,
      visitorId: visitor._id,
      to,
      locale: await this.localeOf(visitor),
      afterSeq: message.seq - 1,
      dueAt: now + this.deps.config.batchMs,
      revision: 0,
      attempts: 0,
      createdAt: now,
    });
  }

  /** For the console: would a reply be seen live, mailed, or wait for the shopper's return? */
  async reach(conversation: ConversationDoc): Promise<ShopperReach> {
    if (await this.deps.presence.isConnected(conversation.visitorId)) return 'connected';
    const visitor = await this.deps.store.visitors.byId(conversation.visitorId);
    return this.enabled && emailOf(conversation, visitor) ? 'will_email' : 'on_return';
  }

  /** The shopper asks for the conversation by mail (to the address given, else the one known). */
  async requestTranscript(visitor: VisitorDoc, conversation: ConversationDoc, email?: string): Promise<{ to: string }> {
    if (!this.enabled) throw new AppError('email_unavailable');
    const to = email ?? emailOf(conversation, visitor);
    if (!to) throw new AppError('email_required');
    const { store, clock, config } = this.deps;
    const now = clock.now();
    // Per shopper and per address: a new anonymous token per request still meets the second.
    for (const key of [`transcript:${visitor._id}`, `transcript-to:${to.toLowerCase()}`]) {
      if ((await store.throttles.fail(key, now, config.transcriptWindowMs)) > config.transcriptsPerWindow) {
        throw new AppError('rate_limited', { retryAfter: Math.ceil(config.transcriptWindowMs / 1000) });
      }
    }
    if (email && !visitor.verified && !visitor.email) await store.visitors.update(visitor._id, { email });
    await store.mailOutbox.queue({
      _id: `transcript:${conversation._id}:${now}`,
      kind: 'transcript',
      siteId: conversation.siteId,
      conversationId: conversation._id,
      visitorId: visitor._id,
      to,
      locale: await this.localeOf(visitor),
      afterSeq: 0,
      dueAt: now,
      revision: 0,
      attempts: 0,
      createdAt: now,
    });
    return { to };
  }

  /** Sends what is due; returns how many mails went out. Never throws: failures are retried. */
  async drain(): Promise<number> {
    if (!this.deps.mailer) return 0;
    const { store, clock } = this.deps;
    let sent = 0;
    for (const due of await store.mailOutbox.due(clock.now(), DRAIN_BATCH)) {
      const mail = await store.mailOutbox.claim(due, clock.now() + LEASE_MS);
      if (!mail) continue;
      try {
        if (await this.deliver(this.deps.mailer, mail)) sent++;
      } catch (err) {
        await this.failed(mail, err);
      }
    }
    return sent;
  }

  private async deliver(mailer: Mailer, mail: MailOutboxDoc): Promise<boolean> {
    const { store, clock, config } = this.deps;
    const [conversation, site] = await Promise.all([
      store.conversations.byId(mail.conversationId),
      store.sites.byId(mail.siteId),
    ]);
    if (!conversation || !site) {
      await store.mailOutbox.remove(mail._id);
      return false;
    }
    const messages = await this.messagesFor(mail, conversation);
    const lastSeq = messages.at(-1)?.seq ?? conversation.lastSeq;
    if (messages.length === 0) {
      // The shopper came back (connected or read them) within the window: nothing to tell.
      await store.mailOutbox.sent(mail, lastSeq, clock.now() + config.batchMs);
      return false;
    }
    const linkExpiresAt = clock.now() + config.linkTtlMs;
    const body = composeMail({
      kind: mail.kind,
      locale: mail.locale,
      siteName: site.name,
      messages,
      link: conversationLink(config.publicUrl, site.identitySecret, conversation._id, linkExpiresAt),
      linkExpiresAt,
    });
    const host = new URL(config.publicUrl).hostname;
    await mailer.send({ ...body, to: mail.to, messageId: `<${mail._id.replaceAll(':', '.')}.${lastSeq}@${host}>` });
    await store.mailOutbox.sent(mail, lastSeq, clock.now() + config.batchMs);
    return true;
  }

  private async messagesFor(mail: MailOutboxDoc, conversation: ConversationDoc): Promise<MessageDoc[]> {
    const { store, presence } = this.deps;
    if (mail.kind === 'transcript') {
      const page = await store.messages.after(conversation._id, 0, MESSAGES_PER_MAIL, false);
      return page.messages.filter((m) => m.kind === 'text' && m.author !== 'system');
    }
    if (await presence.isConnected(mail.visitorId)) return [];
    const from = Math.max(mail.afterSeq, conversation.visitorReadSeq);
    const page = await store.messages.after(conversation._id, from, MESSAGES_PER_MAIL, false);
    return page.messages.filter((m) => m.author === 'agent' && m.kind === 'text');
  }

  private async failed(mail: MailOutboxDoc, err: unknown): Promise<void> {
    const { store, clock, config, log } = this.deps;
    const context = { err, mailId: mail._id, attempts: mail.attempts + 1 };
    try {
      if (mail.attempts + 1 >= MAX_ATTEMPTS) {
        log.error(context, 'mail to a shopper failed too often; dropped');
        await store.mailOutbox.remove(mail._id);
        return;
      }
      const wait = Math.min(config.retryBaseMs * 2 ** mail.attempts, MAX_RETRY_MS);
      log.warn({ ...context, retryInMs: wait }, 'mail to a shopper failed; will retry');
      await store.mailOutbox.failed(mail._id, clock.now() + wait);
    } catch (storeErr) {
      // The lease runs out and the next drain takes it again.
      log.error({ err: storeErr, mailId: mail._id }, 'could not record a failed mail');
    }
  }

  private async localeOf(visitor: VisitorDoc): Promise<MailLocale> {
    const site = visitor.locale ? null : await this.deps.store.sites.byId(visitor.siteId);
    const locale: Locale = visitor.locale ?? site?.defaultLocale ?? 'en';
    return locale === 'zh' ? 'zh' : 'en';
  }
}

function emailOf(conversation: ConversationDoc, visitor: VisitorDoc | null): string | null {
  return conversation.contactEmail ?? visitor?.email ?? null;
}
