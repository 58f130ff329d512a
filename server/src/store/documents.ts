/**
 * Document shapes as stored. Field names hold on MongoDB and FerretDB alike: no key starts
 * with "$" or contains "."; every field is always present (null rather than missing), so
 * `{ field: null }` means the same thing to the embedded store and to MongoDB.
 */
import type {
  Agent,
  AgentId,
  AgentPrefs,
  CannedReply,
  Conversation,
  ConversationId,
  Message,
  Site,
  SiteId,
  VisitorId,
  VisitorProfile,
} from '@counter/shared';
import type { AttachmentId, AttachmentMime, UploadKey } from '@counter/shared';
import type { ActionAuditEntry, ActionLimits, OrderActionView } from '@counter/shared';

type WithId<T extends { id: unknown }> = Omit<T, 'id'> & { _id: T['id'] };

/** A site's order provider as stored: the secret lives only here, never in a view. */
export interface StoredOrderProvider {
  kind: 'http' | 'vendure';
  url: string;
  secret: string;
}

export interface SiteDoc extends Omit<WithId<Site>, 'identityKeyId' | 'previousIdentityKey' | 'orderProvider'> {
  /**
   * The secret before the last rotation and when it stops verifying; null: none. Sites
   * stored before rotation had a grace period lack the field: read it as null.
   */
  previousIdentitySecret: { secret: string; until: number } | null;
  /** null when none is set; absent on sites stored before orders existed. */
  orderProvider?: StoredOrderProvider | null;
}
export type VisitorDoc = WithId<VisitorProfile> & {
  /**
   * Has a conversation with messages: kept whatever its age (the expiry sweeper sets it when it
   * finds one, so it never looks at this visitor again).
   */
  retained: boolean;
};

export interface VisitorTokenDoc {
  /** SHA-256 of the token, hex: the token itself is never stored. */
  _id: string;
  visitorId: VisitorId;
  siteId: SiteId;
  createdAt: number;
}

/**
 * Failed identity checks of one site in one hour: the admin page's "N failed in the last
 * 24 h". `_id`: `${siteId}:${hour}`; one document per hour keeps a flood of bad signatures
 * from growing the collection.
 */
export interface IdentityCheckDoc {
  _id: string;
  siteId: SiteId;
  /** Start of the hour, ms. */
  hour: number;
  failed: number;
  lastAt: number;
  lastReason: string;
}

/** Links a verified customer id to one visitor record per site. */
export interface IdentityDoc {
  /** `${siteId}:${externalId}` */
  _id: string;
  siteId: SiteId;
  visitorId: VisitorId;
}

export interface ConversationDoc extends WithId<Conversation> {
  /**
   * Unique: the visitor's id while this is their current (open) conversation, else this
   * conversation's own id. The store thus refuses a second open conversation for a visitor,
   * however many sockets race to start one.
   */
  openKey: string;
  /** First time the shopper asked for help (first message); queue order after a requeue. */
  requestedAt: number | null;
  /** Agents this conversation was taken from for not answering; routing skips them. */
  excludedAgentIds: AgentId[];
}

export type MessageDoc = WithId<Message> & MessageSearchFields;

/** Load and presence are not stored here: they live in `assignments` and `agent_sockets`. */
/** A profile picture, checked by its bytes (see domain/avatar.ts); a few KB, so it lives in the agent's document. */
export interface AvatarDoc {
  type: 'image/png' | 'image/jpeg' | 'image/webp';
  /** Base64 of the file. */
  data: string;
  /** Changes with the picture: part of its URL, so browsers may cache it for long. */
  hash: string;
}

export interface AgentDoc extends Omit<WithId<Agent>, 'connected' | 'load' | 'avatarUrl' | 'prefs'> {
  passwordHash: string;
  /** Absent on documents stored before profiles: initials, and the default prefs. */
  avatar?: AvatarDoc | null;
  prefs?: Partial<AgentPrefs>;
  /** When the last console socket closed; null while one is open. */
  disconnectedAt: number | null;
  lastAssignedAt: number;
  updatedAt: number;
}

/**
 * The routing ledger: one document per conversation currently assigned. Its two unique keys
 * make a claim one atomic insert on every backend: `_id` (the conversation: at most one
 * owner) and `slot` (`${agentId}#${k}`, k < capacity: at most `capacity` conversations).
 * A transition out of "assigned" starts by deleting it; only the deleter goes on.
 */
export interface AssignmentDoc {
  _id: ConversationId;
  agentId: AgentId;
  slot: string;
  at: number;
}

/** One open console socket; a node that stops heartbeating has its sockets swept. */
export interface AgentSocketDoc {
  _id: string;
  agentId: AgentId;
  nodeId: string;
  at: number;
}

export interface NodeDoc {
  _id: string;
  seenAt: number;
}

export interface SessionDoc {
  /** SHA-256 of the session secret, hex. */
  _id: string;
  agentId: AgentId;
  createdAt: number;
  expiresAt: number;
}

/** One failed attempt (login); counted per key over a window. Inserts only: atomic everywhere. */
export interface FailureDoc {
  _id: string;
  key: string;
  at: number;
}

export type CannedReplyDoc = WithId<CannedReply> & { createdBy: AgentId };

export function fromDoc<T extends { _id: unknown }>(doc: T): Omit<T, '_id'> & { id: T['_id'] } {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

/** A guest proved (order number + email) that this order is theirs: they may view it and send it as a card. */
export interface OrderGrantDoc {
  /** `${visitorId}:${orderId}` */
  _id: string;
  siteId: SiteId;
  visitorId: VisitorId;
  orderId: string;
  at: number;
}

/** Append-only: who saw what personal data, when. Never updated or deleted by the app. */
export interface AuditDoc {
  _id: string;
  siteId: SiteId;
  agentId: AgentId;
  agentName: string;
  action: 'reveal';
  field: 'address_and_phone';
  orderId: string;
  conversationId: ConversationId;
  at: number;
}

// --- Knowledge base (issue 13) ---

/** An article as stored: the Markdown source only (its tree is parsed when viewed). */
export interface ArticleDoc {
  _id: import('@counter/shared').ArticleId;
  siteId: SiteId;
  title: string;
  body: string;
  locale: import('@counter/shared').Locale;
  tags: string[];
  questions: string[];
  /** The import that created it, so a failed import can take back what it stored; null when typed in. */
  importId: string | null;
  createdBy: AgentId;
  updatedAt: number;
  /**
   * Times shoppers opened it: the widget's popular questions. Approximate on FerretDB v1,
   * whose $inc is not atomic; an order of popularity tolerates a lost count.
   */
  views: number;
}

/** A site's bot settings (issue 13); no document: the bot is off. */
export interface BotSettingsDoc {
  _id: SiteId;
  mode: import('@counter/shared').BotMode;
  threshold: number;
  updatedAt: number;
}

/** What the bot did in one conversation: the honest figures of item 5 are read from these. */
export interface BotRecordDoc {
  _id: ConversationId;
  siteId: SiteId;
  startedAt: number;
  /** The shopper's questions the bot saw, for the handoff note. */
  questions: string[];
  /** Articles the bot answered with, by title (the note and the summary). */
  answered: string[];
  /** true: "yes, it answered my question"; false: "no"; null: no answer given. */
  confirmed: boolean | null;
  confirmedAt: number | null;
  handoffAt: number | null;
  /** First text from a person after the handoff. */
  firstHumanReplyAt: number | null;
}

/** A question the bot had no confident answer for, counted per site (the console's list). */
export interface UnansweredDoc {
  /** `${siteId}:${sha256 of the folded text}` */
  _id: string;
  siteId: SiteId;
  text: string;
  count: number;
  lastAt: number;
}

// ---- Attachments (issue 12 item 5) ------------------------------------------------------

/** A stored file's record; its bytes are blobs `<id>.orig` and `<id>.thumb` (see repositories/attachments.ts). */
export interface AttachmentDoc {
  _id: AttachmentId;
  siteId: SiteId;
  conversationId: ConversationId;
  /** Who uploaded it: only they may send it as a message. */
  uploaderKind: 'visitor' | 'agent';
  uploaderId: string;
  /** The uploader's idempotency key: a retried upload returns this record. */
  key: UploadKey;
  name: string;
  mime: AttachmentMime;
  size: number;
  width: number | null;
  height: number | null;
  thumb: boolean;
  createdAt: number;
}

// ---- After-sales actions (issue 12) ---------------------------------------------------------

/**
 * The action ledger: one document per idempotency key (its `_id`), so a second request with
 * the key (a double click, a retry, five in parallel) fails the insert and reads the first.
 * Moves forward only: each transition is a conditional update on the state it leaves.
 */
export interface ActionDoc extends Omit<OrderActionView, 'idempotencyKey'> {
  /** The idempotency key. */
  _id: string;
  /** The order's customer (a voucher's recipient); never shown. */
  customerId: string | null;
  /** The day's counter this action reserved money on (`${siteId}:${agentId}:${day}`), null: none. */
  reservedOn: string | null;
  /** When the provider call started (state running): a restart finds what it must settle. */
  runningSince: number | null;
}

/**
 * The daily totals, as a chain: entry n of a counter holds the running total after it, and
 * `_id` `${counter}#${n}` is unique, so of two reservations racing for slot n one insert
 * wins and the other reads again. Atomic on every backend (FerretDB v1 included) with
 * nothing but a unique insert; a release is one more entry with a negative amount.
 */
export interface SpendDoc {
  _id: string;
  counter: string;
  n: number;
  amount: number;
  total: number;
  actionKey: string;
  at: number;
}

/** Append-only: each step of each action. Never updated or deleted by the app. */
export interface ActionAuditDoc extends Omit<ActionAuditEntry, 'id'> {
  _id: string;
}

export interface ActionLimitsDoc {
  /** The site. */
  _id: SiteId;
  limits: ActionLimits;
  updatedAt: number;
  updatedBy: AgentId;
}

// ---- history and search (issue 16) ----

/**
 * A message's search keys: the distinct tokens of a text or a note (domain/search), none for
 * other kinds. Both fields are absent on messages stored before search existed until the
 * start-up backfill (domain/history/backfill-keys.ts) gives them; never sent to a client.
 */
export interface MessageSearchFields {
  searchKeys?: string[];
  /** The tokenizer version the keys were made with; absent or null: not keyed yet. */
  keysVersion?: number | null;
}
// ---- offline email (issue 17) ----

/**
 * A mail waiting to go out. Replies to a shopper who left: one per conversation (`_id`
 * `replies:<conversationId>`), so replies within the batch window join the same mail. A
 * transcript the shopper asked for: `transcript:<conversationId>:<at>`. Deleted once sent.
 */
export interface MailOutboxDoc {
  _id: string;
  kind: 'replies' | 'transcript';
  siteId: SiteId;
  conversationId: ConversationId;
  visitorId: VisitorId;
  to: string;
  locale: 'en' | 'zh';
  /** Replies: the mail holds agent messages after this sequence number. */
  afterSeq: number;
  /** Sent at or after this time; pushed on by a claim (a lease) and by a failure (backoff). */
  dueAt: number;
  /** Bumped when a reply joins: a send that started before it must not delete the mail. */
  revision: number;
  attempts: number;
  createdAt: number;
}

// ---- issue 17: the merchant's look and proactive help ----
/** Interface merging adds the look to the stored site: absent on sites stored before it (read as the defaults). */
export interface SiteDoc {
  look?: import('@counter/shared').SiteLook | null;
  proactive?: import('@counter/shared').ProactiveSettings | null;
}

// ---- the shopper's returns (issue 12 item 4) ----

/** One return request, `_id` derived from the visitor and their key (a retry files once). */
export interface ReturnRequestDoc extends Omit<import('@counter/shared').ReturnRequestView, 'id'> {
  _id: string;
  siteId: SiteId;
  visitorId: VisitorId;
  /** The verified customer who filed it: their other devices list it too. null: a guest. */
  customerId: string | null;
  /** Ledger keys of the actions it becomes (filed with the shop, approved there). */
  actionKey: string;
  approveKey: string;
  // ---- the crash window between storing a request and holding its quantities (issue 12 leftovers)
  /** false until its quantities are held in `returned_lines`; absent on requests filed before. */
  held?: boolean;
  /** Until then the filing call owns it; after that, start-up and housekeeping finish it. */
  holdUntil?: number;
  /** The order's quantities when filed: what finishing it later checks against. */
  bought?: { lineId: string; quantity: number }[];
}

/**
 * Quantities returned per order, as a chain like SpendDoc: entry n holds the totals after it
 * and `_id` `${order}#${n}` is unique, so two requests racing for the last pair cannot both
 * take it. A rejection appends the totals without its lines.
 */
export interface ReturnedLinesDoc {
  _id: string;
  order: string;
  n: number;
  returned: { lineId: string; quantity: number }[];
  requestId: string;
  at: number;
}

export interface ReturnPolicyDoc {
  /** The site. */
  _id: SiteId;
  policy: import('@counter/shared').ReturnPolicy;
  updatedAt: number;
}

// ---- mining resolved conversations (issue 13 leftovers) ----

/**
 * An article candidate mined from resolved conversations (domain/kb/mining-service.ts).
 * `_id` is the unanswered-question key of its question (domain/kb/unanswered-key.ts), so
 * an article that answers it removes it like an unanswered question. A dismissed one stays,
 * marked, so the next mining run does not suggest it again.
 */
export interface CandidateDoc {
  _id: string;
  siteId: SiteId;
  question: string;
  alternatives: string[];
  answer: string;
  count: number;
  lastAt: number;
  dismissed: boolean;
}

// ---- routing: teams, skills, languages, topics, rules (issue 14) ----
/** A site's routing settings; no document: routing as before (least load over the site's staff). */
export type RoutingSettingsDoc = import('@counter/shared').RoutingSettings & {
  _id: SiteId;
  updatedAt: number;
};

/**
 * Interface merging adds what routing reads to the stored conversation; all absent on
 * conversations queued before issue 14 (read as null / 0 / queuedAt).
 */
export interface ConversationDoc {
  /** The shopper's language (primary tag of the visitor's locale) when it was queued. */
  language?: string | null;
  /** The verified tier when it was queued. */
  tier?: import('@counter/shared').Tier | null;
  /** The agent this shopper talked to last, within the site's lastAgentDays, when it was queued. */
  lastAgentId?: AgentId | null;
  /** Queue order key: queuedAt minus the tier's head start (see domain/routing/queue-order.ts). */
  queueRank?: number | null;
  /** How far routing has widened and said so in the history: 0 matched, 1 team, 2 site. */
  widened?: number;
}

// ---- response targets (issue 14, item 4) ----
/** Absent on sites stored before targets existed: read as DEFAULT_TARGETS. */
export interface SiteDoc {
  targets?: import('@counter/shared').ResponseTargets | null;
}

/**
 * One missed response target. `_id` `${conversationId}:${kind}:${since}`: unique per wait,
 * so of several nodes seeing the same breach one insert wins and it is recorded once.
 */
export interface BreachDoc extends Omit<import('@counter/shared').Breach, 'id'> {
  _id: string;
}

/** An escalation already done for one wait (same `_id` as its breach would have): insert-once, the arbiter between nodes. */
export interface EscalationMarkDoc {
  _id: string;
  siteId: SiteId;
  conversationId: ConversationId;
  at: number;
}

// ---- Reports (issue 15): figures kept at write time -----------------------------------------

/**
 * Kept where the events happen, so a report reads one document per conversation and never
 * the messages. Absent on conversations stored before reports existed (read as 0 / null).
 */
export interface ConversationDoc {
  /** Staff replies that ended a shopper's wait (a round: shopper message(s), then a reply). */
  replyRounds?: number;
  /** The waits of those rounds, each capped at 10 minutes, summed (ms). */
  replyWaitSum?: number;
  /** The bot wrote in it (bot-only when no staff reply followed). */
  botReplied?: boolean;
  /** The first assignment ever (the queue wait ends there); absent until then. */
  firstAssignedAt?: number;
  /** The first resolution ever: a reopen within 72 h of it counts against the resolution rate. */
  firstResolvedAt?: number;
  /** The last reopen; absent when never reopened. */
  reopenedAt?: number;
  /** The first shopper message fell in the site's business hours (its time zone). */
  inHours?: boolean;
  /** Optional 0–10 "would you recommend" answer after the rating. */
  nps?: number | null;
  // Durations stored with the event that ends them: MongoDB-wire servers without
  // arithmetic in aggregations (FerretDB v1) can then group and sort them as plain fields.
  /** First staff reply minus the first shopper message. */
  frtMs?: number;
  /** First assignment minus the first shopper message. */
  queueWaitMs?: number;
  /** Last resolution minus creation. */
  resolutionMs?: number;
  /** Reopened within 72 h of its first resolution. */
  reopened72?: boolean;
  /** floor(createdAt / 15 min): the heatmap and the daily trend group by it in any time zone. */
  createdQuarter?: number;
}
