import type { Database } from './collection.js';
import { agentRepository, type AgentRepository } from './repositories/agents.js';
import { assignmentRepository, type AssignmentRepository } from './repositories/assignments.js';
import { presenceRepository, type PresenceRepository } from './repositories/presence.js';
import { cannedReplyRepository, type CannedReplyRepository } from './repositories/canned-replies.js';
import { conversationRepository, type ConversationRepository } from './repositories/conversations.js';
import { identityCheckRepository, type IdentityCheckRepository } from './repositories/identity-checks.js';
import { messageRepository, type MessageRepository } from './repositories/messages.js';
import {
  sessionRepository,
  throttleRepository,
  type SessionRepository,
  type ThrottleRepository,
} from './repositories/sessions.js';
import { siteRepository, type SiteRepository } from './repositories/sites.js';
import { auditRepository, orderAccessRepository, type AuditRepository, type OrderAccessRepository } from './repositories/orders.js';
import { visitorRepository, type VisitorRepository } from './repositories/visitors.js';
import { cachedVisitors } from './visitor-cache.js';
import { cachedRoutingSettings } from './routing-settings-cache.js';
import { articleRepository, type ArticleRepository } from './repositories/articles.js';
import { botRepository, type BotRepository } from './repositories/kb-bot.js';
import { attachmentRepository, type AttachmentStore } from './repositories/attachments.js';
import { afterSalesRepository, type AfterSalesRepository } from './repositories/after-sales.js';
import { mailOutboxRepository, type MailOutboxRepository } from './repositories/mail-outbox.js';
import { returnRepository, type ReturnRepository } from './repositories/returns.js';
import { candidateRepository, type CandidateRepository } from './repositories/kb-candidates.js';
import { routingSettingsRepository, type RoutingSettingsRepository } from './repositories/routing-settings.js';
import { reportsRepository, type ReportAccess, type ReportsRepository } from './repositories/reports.js';
// Supervisor view and peak forecast (issue 15 items 4-5).
import { arrivalRepository, type ArrivalRepository } from './repositories/arrivals.js';
// Response targets (issue 14, item 4).
import { targetRepository, type TargetRepository } from './repositories/targets.js';
// Presence history (issue 15 leftovers).
import { presenceHistoryRepository, type PresenceHistoryRepository } from './repositories/presence-history.js';
import { npsAnswerRepository, type NpsAnswerRepository } from './repositories/nps-answers.js';
// Semantic search (issue 13, item 2).
import { articleVectorRepository, type ArticleVectorRepository } from './repositories/article-vectors.js';

/** Every repository over one database; what the domain receives. */
export interface Store {
  readonly kind: Database['kind'];
  sites: SiteRepository;
  visitors: VisitorRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  agents: AgentRepository;
  assignments: AssignmentRepository;
  presence: PresenceRepository;
  sessions: SessionRepository;
  throttles: ThrottleRepository;
  cannedReplies: CannedReplyRepository;
  identityChecks: IdentityCheckRepository;
  orderAccess: OrderAccessRepository;
  audit: AuditRepository;
  /** Knowledge base (issue 13). */
  articles: ArticleRepository;
  bot: BotRepository;
  /** Uploaded files (issue 12 item 5). */
  attachments: AttachmentStore;
  /** After-sales actions (issue 12). */
  afterSales: AfterSalesRepository;
  /** Mails to shoppers waiting to go out (offline replies, transcripts). */
  mailOutbox: MailOutboxRepository;
  /** The shopper's return requests (issue 12 item 4). */
  returns: ReturnRepository;
  /** Article candidates mined from resolved conversations (issue 13 leftovers). */
  kbCandidates: CandidateRepository;
  /** Teams, skills, languages, topics, rules per site (issue 14). */
  routing: RoutingSettingsRepository;
  /** Report figures computed by the store (issue 15). */
  reports: ReportsRepository;
  /** Conversations created per site over time (issue 15: peak forecast). */
  arrivals: ArrivalRepository;
  /** Response targets: waits, breaches, escalation marks (issue 14, item 4). */
  targets: TargetRepository;
  /** Agents' online/away stretches (issue 15 leftovers). */
  presenceHistory: PresenceHistoryRepository;
  /** The shoppers' NPS answers (issue 15 leftovers). */
  npsAnswers: NpsAnswerRepository;
  /** Article embeddings by content hash (issue 13, item 2). */
  articleVectors: ArticleVectorRepository;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens every collection and creates its indexes (at start-up, before listening). */
export async function createStore(db: Database & ReportAccess): Promise<Store> {
  try {
    return {
      kind: db.kind,
      sites: await siteRepository(db),
      // Read by every shopper command: cached per node (see visitor-cache.ts).
      visitors: cachedVisitors(await visitorRepository(db)),
      conversations: await conversationRepository(db),
      messages: await messageRepository(db),
      agents: await agentRepository(db),
      assignments: await assignmentRepository(db),
      presence: await presenceRepository(db),
      sessions: await sessionRepository(db),
      throttles: await throttleRepository(db),
      cannedReplies: await cannedReplyRepository(db),
      identityChecks: await identityCheckRepository(db),
      orderAccess: await orderAccessRepository(db),
      audit: await auditRepository(db),
      articles: await articleRepository(db),
      bot: await botRepository(db),
      attachments: await attachmentRepository(db),
      afterSales: await afterSalesRepository(db),
      mailOutbox: await mailOutboxRepository(db),
      returns: await returnRepository(db),
      kbCandidates: await candidateRepository(db),
      // Read by every conversation joining the queue: cached per node (routing-settings-cache.ts).
      routing: cachedRoutingSettings(await routingSettingsRepository(db)),
      reports: await reportsRepository(db),
      arrivals: await arrivalRepository(db),
      targets: await targetRepository(db),
      presenceHistory: await presenceHistoryRepository(db),
      npsAnswers: await npsAnswerRepository(db),
      articleVectors: await articleVectorRepository(db),
      ping: () => db.ping(),
      close: () => db.close(),
    };
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}
