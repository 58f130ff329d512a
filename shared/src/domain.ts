/**
 * Domain types as they travel on the wire. Server documents carry more (hashes, secrets);
 * these are the views clients may see.
 */
import type { OrderCard, OrderProviderSettings } from './orders.js';
import type {
  AgentId,
  CannedReplyId,
  ClientMessageId,
  ConversationId,
  MessageId,
  SiteId,
  VisitorId,
} from './ids.js';
import type { AttachmentId } from './ids.js';

/** Epoch milliseconds, always assigned by the server clock. */
export type Millis = number;

export type Locale = 'en' | 'zh';
export const LOCALES: readonly Locale[] = ['en', 'zh'];

/**
 * owner: the whole server (every site, creates sites, names admins). admin: the sites listed
 * in the agent's `siteIds` (their settings, their staff). supervisor: acts on any conversation
 * of their sites (steps in, resolves, transfers, reopens). agent: their own conversations and
 * the queue of their sites.
 */
export type Role = 'owner' | 'admin' | 'supervisor' | 'agent';
export const ROLES: readonly Role[] = ['owner', 'admin', 'supervisor', 'agent'];
export type AgentStatus = 'online' | 'away' | 'offline';
export type ConversationStatus = 'waiting' | 'assigned' | 'resolved';

// ---- Site ---------------------------------------------------------------------------

export interface BusinessHoursSlot {
  /** 0 = Sunday ... 6 = Saturday, in the site's time zone. */
  day: number;
  /** "HH:MM", 24-hour clock. */
  open: string;
  close: string;
}

export interface BusinessHours {
  /** IANA time zone, e.g. "Asia/Shanghai". */
  timezone: string;
  slots: BusinessHoursSlot[];
}

export interface Greeting {
  en?: string;
  zh?: string;
}

/** A site as admins see it (includes the identity secret). */
export interface Site {
  id: SiteId;
  name: string;
  allowedOrigins: string[];
  identitySecret: string;
  /** The JWT `kid` of the current secret: a fingerprint of it, not a secret. */
  identityKeyId: string;
  /** The secret before the last rotation, still accepted until `until`; null: none. */
  previousIdentityKey: { keyId: string; until: Millis } | null;
  greeting: Greeting;
  /** null: always open. */
  businessHours: BusinessHours | null;
  defaultLocale: Locale;
  /** Where this site's orders come from; the provider's secret never leaves the server. */
  orderProvider: OrderProviderSettings;
  createdAt: Millis;
  // --- onboarding (issue 16, item 6) ---
  /** When the widget first started a session from an allowed origin; absent: not yet. */
  widgetSeenAt?: Millis;
}

/** Failed identity checks of a site, for its admin page (issue 10, item 16). */
export interface IdentityCheckReport {
  failedLast24h: number;
  lastFailure: { at: Millis; reason: string } | null;
}

/** What the widget learns about its site and whether anyone can answer now. */
export interface Availability {
  /** Agents online with capacity left, or able to take chats soon. */
  agentsOnline: number;
  /** Within business hours (always true without business hours). */
  open: boolean;
  /** Median first-response time over recent conversations, seconds; null without data. */
  typicalReplySeconds: number | null;
  /** The site's knowledge-base bot answers now (issue 13): the shopper may write, nobody online or not. */
  bot?: boolean;
}

export interface WidgetConfig {
  siteId: SiteId;
  name: string;
  greeting: Greeting;
  defaultLocale: Locale;
  availability: Availability;
  /** The site has an order provider: the widget offers "My orders" and the guest lookup. */
  orders: boolean;
  /** The server sends email (SMTP configured): the leave-a-message form may promise a reply by email. */
  email?: boolean;
}

// ---- Visitor ------------------------------------------------------------------------

export interface PageVisit {
  url: string;
  title: string;
  at: Millis;
}

export interface ProductContext {
  id?: string;
  title: string;
  price?: number;
  currency?: string;
  url?: string;
  image?: string;
}

export interface CartItem {
  id?: string;
  title: string;
  quantity: number;
  price?: number;
}

export interface CartContext {
  items: CartItem[];
  total?: number;
  currency?: string;
}

export type Tier = 'vip';

/** A shopper as agents see them. */
export interface VisitorProfile {
  id: VisitorId;
  siteId: SiteId;
  name: string | null;
  email: string | null;
  /** The merchant's customer id, present only when verified by signature. */
  externalId: string | null;
  /** The customer id was signed by the shop (plain HMAC or JWT). */
  verified: boolean;
  /** `name` / `email` came signed (JWT claims); otherwise they are what the browser said. */
  nameVerified: boolean;
  emailVerified: boolean;
  tier: Tier | null;
  locale: Locale | null;
  currentPage: PageVisit | null;
  trail: PageVisit[];
  product: ProductContext | null;
  cart: CartContext | null;
  createdAt: Millis;
  lastSeenAt: Millis;
}

// ---- Conversation and messages ------------------------------------------------------

export interface Rating {
  score: number;
  comment: string | null;
  at: Millis;
}

export interface Conversation {
  id: ConversationId;
  siteId: SiteId;
  visitorId: VisitorId;
  status: ConversationStatus;
  agentId: AgentId | null;
  agentName: string | null;
  /** Higher first in the queue (1 = VIP). */
  priority: number;
  /** When it entered the queue; null when never queued or not waiting. */
  queuedAt: Millis | null;
  assignedAt: Millis | null;
  resolvedAt: Millis | null;
  createdAt: Millis;
  updatedAt: Millis;
  /** Highest sequence number used in this conversation (sequence numbers may have gaps). */
  lastSeq: number;
  lastMessageAt: Millis | null;
  lastMessagePreview: string | null;
  /** Oldest shopper message not yet answered by an agent; null when nothing waits. */
  awaitingReplySince: Millis | null;
  firstResponseAt: Millis | null;
  unreadByAgent: number;
  unreadByVisitor: number;
  /** Highest sequence number each side has read. */
  agentReadSeq: number;
  visitorReadSeq: number;
  tags: string[];
  rating: Rating | null;
  /** Left as an offline message (nobody was available). */
  offline: boolean;
  // ---- routing (issue 14) ----
  /** Chosen by the shopper from the site's list, or set by an agent; absent on older conversations. */
  topic?: string | null;
  contactEmail: string | null;
}

/** The subset a shopper receives. */
export type VisitorConversation = Pick<
  Conversation,
  | 'id'
  | 'status'
  | 'agentName'
  | 'queuedAt'
  | 'createdAt'
  | 'resolvedAt'
  | 'lastSeq'
  | 'lastMessageAt'
  | 'lastMessagePreview'
  | 'unreadByVisitor'
  | 'agentReadSeq'
  | 'rating'
  | 'offline'
  // issue 14 item 2: the shopper sees the topic they chose (and the picker stays away after a reload)
  | 'topic'
>;

/** bot: the knowledge-base bot (issue 13); clients show it like staff, named by `authorName`. */
export type MessageAuthor = 'visitor' | 'agent' | 'system' | 'bot';
/** text: chat; note: internal, agents only; event: something happened (assigned, resolved...). */
/**
 * order: a card for one order, sent by the shopper (`card` holds what the card shows);
 * product: the product the shopper is viewing, as their page reported it (`product`).
 */
/** attachment: a file the author uploaded first (`attachment` holds what to show). */
export type MessageKind = 'text' | 'note' | 'event' | 'order' | 'product' | 'attachment';

export type ConversationEvent =
  | { type: 'queued' }
  | { type: 'assigned'; agentName: string }
  | { type: 'transferred'; agentName: string | null }
  | { type: 'reassigned'; agentName: string | null }
  | { type: 'resolved' }
  | { type: 'reopened' }
  | { type: 'rated'; score: number }
  // After-sales (issue 12): an action's outcome; agentName and reason reach staff only.
  | OrderActionEvent;

/** An after-sales action reached a state worth telling both sides about. */
export interface OrderActionEvent {
  type: 'order_action';
  action: 'refund' | 'cancel' | 'return_request' | 'return_update' | 'voucher';
  /** Steps of a return ("approve", "received"...), null for the other actions. */
  step: string | null;
  status: 'done' | 'pending' | 'pending_approval' | 'rejected' | 'failed';
  orderNumber: string;
  amount: number | null;
  currency: string | null;
  /** Percentage vouchers. */
  percent: number | null;
  /** The voucher code, the return id: what the shopper needs. */
  reference: string | null;
  /** Staff only (stripped from the shopper's view). */
  agentName?: string;
  reason?: string;  /** A shopper's return request (issue 12 item 4): the console draws it as a card to decide on. */
  returnRequestId?: string;
}

/** What a shopper receives of a message: no internal agent id. */
export type VisitorMessage = Omit<Message, 'agentId'>;

export interface Message {
  id: MessageId;
  conversationId: ConversationId;
  /** Assigned by the server; order by it, never by clocks. */
  seq: number;
  clientId: ClientMessageId;
  author: MessageAuthor;
  agentId: AgentId | null;
  authorName: string | null;
  kind: MessageKind;
  text: string;
  event: ConversationEvent | null;
  /** Kind "order" only; absent on messages stored before cards existed. */
  card?: OrderCard | null;
  /** Kind "product" only. */
  product?: ProductContext | null;
  createdAt: Millis;
  /** Kind "attachment" only. */
  attachment?: AttachmentMeta | null;
  /** Kind "note" only: a supervisor's whisper, addressed to the agent holding the conversation (issue 15). */
  whisperTo?: AgentId | null;
}

// ---- Agents -------------------------------------------------------------------------

export interface Agent {
  id: AgentId;
  email: string;
  name: string;
  role: Role;
  /** Sites this person works for (ignored for the owner, who has them all). */
  siteIds: SiteId[];
  capacity: number;
  status: AgentStatus;
  active: boolean;
  /** Conversations currently assigned. */
  load: number;
  /** At least one console open. */
  connected: boolean;
  createdAt: Millis;
  /** The picture beside their name (an uploaded image, resized); null: their initials. */
  avatarUrl: string | null;
  prefs: AgentPrefs;
}

/** How the console gets an agent's attention; theirs to set, kept on the server. */
export interface AgentPrefs {
  /** A soft chime for a new conversation or message while the console is in the background. */
  sound: boolean;
  /** Desktop notifications (the browser asks for permission once). */
  desktop: boolean;
  // --- console language and onboarding (issue 16, items 2 and 6) ---
  /** The console's language. Absent on agents who never signed in since: the console saves the browser's then. */
  locale?: Locale;
  /** Getting-started checklist (owners and admins): they copied the snippet / hid the card. */
  snippetCopied?: boolean;
  checklistHidden?: boolean;
}

/** What the transfer dialog lists. */
export type AgentSummary = Pick<Agent, 'id' | 'name' | 'status' | 'capacity' | 'load' | 'connected' | 'avatarUrl'>;

export interface CannedReply {
  id: CannedReplyId;
  /** Typed after "/" in the composer, e.g. "shipping". */
  shortcut: string;
  title: string;
  text: string;
  updatedAt: Millis;
  /** null: a server-wide reply (the owner's); else the site it belongs to. */
  siteId: SiteId | null;
}

/** A site as any of its staff may see it: its name, not its settings or secrets. */
export type SiteSummary = Pick<Site, 'id' | 'name'>;

export interface QueueItem {
  conversationId: ConversationId;
  siteId: SiteId;
  visitorId: VisitorId;
  visitorName: string | null;
  priority: number;
  queuedAt: Millis;
  preview: string | null;
  position: number;
}

export interface QueuePosition {
  conversationId: ConversationId;
  /** 1 = next. */
  position: number;
  /** Estimated wait in seconds; null when no agent is expected (nobody online). */
  etaSeconds: number | null;
}

// ---- Attachments (issue 12 item 5) ----------------------------------------------------

/** What the server accepts, decided from the file's bytes (never its name or declared type). */
export type AttachmentMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** A stored file as a message shows it; the bytes are at /api/v1/attachments/:id (and /thumb). */
export interface AttachmentMeta {
  id: AttachmentId;
  /** The uploader's file name, cleaned; shown only, never used to pick a type. */
  name: string;
  mime: AttachmentMime;
  /** Bytes as stored (images after re-encoding). */
  size: number;
  /** Pixels of a stored image; null for a PDF. */
  width: number | null;
  height: number | null;
  /** A small preview exists at /api/v1/attachments/:id/thumb (images). */
  thumb: boolean;
}

// ---- issue 17: the merchant's look in the chat window ----
/** Interface merging: the site's colour (and the text colour on it) and whether the header shows the agent. */
export interface WidgetConfig {
  look?: { color: string; ink: string; showAgent: boolean };
}

// ---- the shopper's topic choice (issue 14 item 2) ----
export interface WidgetConfig {
  /** The site's topics: the new chat offers them as buttons (absent or empty: none). */
  topics?: string[];
}
// ---- issue 15 leftovers: the NPS question ----
/** Interface merging: the site asks shoppers the 0–10 question after the rating (absent: no). */
export interface Site {
  nps?: boolean;
}
export interface WidgetConfig {
  nps?: boolean;
}
