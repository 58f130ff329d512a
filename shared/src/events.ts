/**
 * Typed Socket.IO event maps for both namespaces. Commands are `noun:verb` and always take
 * an ack; facts pushed by the server are `noun:past-tense`.
 *
 * Payload types are inferred from the runtime schemas (z.input: what a client may send).
 * This file only imports types, so a client importing it pulls no validator into its bundle.
 */
import type { z } from 'zod';
import type { AckCallback } from './ack.js';
import type {
  Agent,
  AgentSummary,
  Availability,
  CannedReply,
  Conversation,
  Message,
  QueueItem,
  Role,
  QueuePosition,
  SiteSummary,
  VisitorConversation,
  VisitorMessage,
  VisitorProfile,
  WidgetConfig,
} from './domain.js';
import type { AgentId, ConversationId, SiteId, VisitorId } from './ids.js';
import type { Address, AgentOrder, CustomerOrders, OrderSummary, OrdersState, ShopperOrder } from './orders.js';
import type { AgentSchemas } from './schemas/agent.js';
import type { ActionAllowance, ActionAuditEntry, ActionLimits, OrderActionView } from './after-sales.js';
import type { VisitorSchemas } from './schemas/visitor.js';

type CommandMap<S, R> = {
  [K in keyof S & keyof R]: (payload: S[K] extends z.ZodType ? z.input<S[K]> : never, ack: AckCallback<R[K]>) => void;
};

/** Payload a client sends for a command (before server-side defaults). */
export type VisitorCommandInput<K extends keyof VisitorSchemas> = z.input<VisitorSchemas[K]>;
export type AgentCommandInput<K extends keyof AgentSchemas> = z.input<AgentSchemas[K]>;
/** Payload after validation (defaults applied, unknown keys stripped). */
export type VisitorCommandPayload<K extends keyof VisitorSchemas> = z.output<VisitorSchemas[K]>;
export type AgentCommandPayload<K extends keyof AgentSchemas> = z.output<AgentSchemas[K]>;

export interface HistoryPage<M = Message> {
  messages: M[];
  /** More messages exist in the direction asked (older for beforeSeq, newer for afterSeq). */
  hasMore: boolean;
}

// ---- /visitor -----------------------------------------------------------------------

export interface VisitorResults {
  /** Returns the shopper's open conversation, or starts one. */
  'conversation:start': { conversation: VisitorConversation };
  'conversation:list': { conversations: VisitorConversation[] };
  'message:send': { message: VisitorMessage };
  'message:history': HistoryPage<VisitorMessage>;
  'message:read': { seq: number };
  'typing:set': null;
  /** askNps (issue 15 leftovers): the site asks the 0–10 question next; absent: it does not. */
  'conversation:rate': { conversation: VisitorConversation; askNps?: boolean };
  'conversation:leave-message': { conversation: VisitorConversation; message: VisitorMessage };
  /**
   * Always verified: a claim that does not verify is refused with `identity_rejected` (the
   * message says why, for the merchant's page console); the shopper stays anonymous.
   */
  'visitor:identify': { verified: boolean; visitorId: VisitorId; token: string | null };
  'visitor:context': null;
  'orders:mine': OrdersState<OrderSummary[]>;
  'order:get': { order: ShopperOrder };
  'order:lookup': { order: ShopperOrder };
  'order:card': { message: VisitorMessage };
  'product:card': { message: VisitorMessage };
  // ---- attachments (issue 12 item 5)
  'attachment:send': { message: VisitorMessage };
}

export type VisitorClientToServerEvents = CommandMap<VisitorSchemas, VisitorResults>;
export type VisitorCommand = keyof VisitorClientToServerEvents;

export interface TypingChanged {
  conversationId: ConversationId;
  typing: boolean;
}

export interface VisitorServerToClientEvents {
  'message:created': (e: { message: VisitorMessage }) => void;
  'conversation:updated': (e: { conversation: VisitorConversation }) => void;
  'queue:position': (e: QueuePosition) => void;
  'typing:changed': (e: TypingChanged & { name: string | null }) => void;
  'availability:changed': (e: Availability) => void;
}

/** Socket.IO handshake `auth` for /visitor. */
export interface VisitorAuth {
  v: number;
  siteId: string;
  token: string;
  pageOrigin: string;
}

// ---- /agent -------------------------------------------------------------------------

export type VisitorSummary = Pick<
  VisitorProfile,
  'id' | 'name' | 'email' | 'verified' | 'nameVerified' | 'emailVerified' | 'tier' | 'currentPage'
>;

export interface InboxItem {
  conversation: Conversation;
  visitor: VisitorSummary;
}

export interface AgentResults {
  'agent:status': { agent: Agent };
  'inbox:list': { items: InboxItem[] };
  'queue:list': { queue: QueueItem[]; total: number };
  'agents:list': { agents: AgentSummary[] };
  /** The sites this person works for (the owner: all), to name each conversation's shop. */
  'sites:list': { sites: SiteSummary[] };
  /** Full view of one conversation; the socket then receives its live events. */
  'conversation:open': { conversation: Conversation; visitor: VisitorProfile; previous: Conversation[] };
  'conversation:take': { conversation: Conversation };
  'conversation:resolve': { conversation: Conversation };
  'conversation:reopen': { conversation: Conversation };
  'conversation:transfer': { conversation: Conversation };
  'conversation:tags': { conversation: Conversation };
  'message:send': { message: Message };
  'message:history': HistoryPage;
  'message:read': { seq: number };
  'typing:set': null;
  'orders:list': OrdersState<CustomerOrders>;
  'order:get': { order: AgentOrder; cacheAgeMs: number };
  'order:reveal': { address: Address | null; phone: string | null };
  // ---- attachments (issue 12 item 5)
  'attachment:send': { message: Message };
  // After-sales (issue 12).
  /** ran: it was within the limits and ran at once; approval: it waits for a supervisor. */
  'order:action': { action: OrderActionView };
  'approvals:list': { actions: OrderActionView[] };
  'approval:decide': { action: OrderActionView };
  'action-limits:get': { limits: ActionLimits; allowance: ActionAllowance };
  'action-limits:set': { limits: ActionLimits };
  'action-audit:list': { entries: ActionAuditEntry[] };
}

export type AgentClientToServerEvents = CommandMap<AgentSchemas, AgentResults>;
export type AgentCommand = keyof AgentClientToServerEvents;

export type AssignReason = 'routed' | 'taken' | 'transferred' | 'reassigned' | 'reopened';
/** access: this socket may no longer see the conversation (taken by another agent, sites changed). */
export type RemoveReason = 'transferred' | 'reassigned' | 'resolved' | 'access';

export interface AgentServerToClientEvents {
  'conversation:assigned': (e: { item: InboxItem; reason: AssignReason }) => void;
  /** The conversation left this agent's inbox (moved to someone else or to the queue). */
  'conversation:removed': (e: { conversationId: ConversationId; reason: RemoveReason }) => void;
  'conversation:updated': (e: { conversation: Conversation }) => void;
  'message:created': (e: { message: Message }) => void;
  'typing:changed': (e: TypingChanged) => void;
  'visitor:updated': (e: { visitor: VisitorProfile }) => void;
  'queue:updated': (e: { queue: QueueItem[]; total: number }) => void;
  'agent:updated': (e: { agent: Agent }) => void;
  /** Sent just before the server closes every socket of a revoked session. */
  'session:revoked': () => void;
  /** After-sales (issue 12): an action changed state; to its requester and the site's supervisors. */
  'order-action:updated': (e: { action: OrderActionView }) => void;
}

/** Socket.IO handshake `auth` for /agent; the session itself is the httpOnly cookie. */
export interface AgentAuth {
  v: number;
}

// ---- server side --------------------------------------------------------------------

export interface VisitorSocketData {
  siteId: SiteId;
  visitorId: VisitorId;
  tokenHash: string;
}

export interface AgentSocketData {
  agentId: AgentId;
  sessionId: string;
  role: Role;
  name: string;
  /** When the session ends: the socket is closed then (session:revoked). */
  expiresAt: number;
}

/**
 * Between server nodes: none. The node where the queue changed computes the snapshot and
 * broadcasts it to the rooms through the Redis adapter, which reaches every node's sockets;
 * shared state lives in the store. Kept as Socket.IO's fourth type parameter.
 */
export type InterServerEvents = Record<never, never>;

// ---- REST ---------------------------------------------------------------------------

export interface VisitorSessionResponse {
  visitorId: VisitorId;
  token: string;
  config: WidgetConfig;
}

export interface LoginResponse {
  agent: Agent;
}

/** Who this browser is signed in as, if anyone: signed out is an answer, not an error. */
export interface SessionResponse {
  agent: Agent | null;
}

export type CannedReplyList = { cannedReplies: CannedReply[] };

// ---- offline email (issue 17) ----

/**
 * Where an agent's reply goes: `connected` the shopper has the chat open; `will_email` they
 * left and gave an email (SMTP configured); `on_return` they see it when they come back.
 */
export type ShopperReach = 'connected' | 'will_email' | 'on_return';

// Interface merging keeps these additions out of the lines above (several helpers edit them).
export interface VisitorResults {
  'conversation:email-transcript': { to: string };
}
export interface AgentResults {
  'conversation:reach': { reach: ShopperReach };
}
// ---- knowledge base (issue 13) -------------------------------------------------------

export interface KbVisitorResults {
  'kb:suggest': { hits: import('./kb.js').ArticleHit[] };
  'kb:article': { article: import('./kb.js').Article };
  'kb:top': { hits: import('./kb.js').ArticleHit[] };
}
/** Registered on /visitor beside VisitorClientToServerEvents. */
export type KbVisitorClientToServerEvents = CommandMap<import('./schemas/kb.js').KbVisitorSchemas, KbVisitorResults>;

export interface BotVisitorResults {
  'bot:feedback': null;
  'bot:handoff': null;
}
export type BotVisitorClientToServerEvents = CommandMap<import('./schemas/kb.js').BotVisitorSchemas, BotVisitorResults>;

// ---- the shopper's returns (issue 12 item 4) -------------------------------------------
export interface VisitorResults {
  'returns:policy': { policy: import('./returns.js').ReturnPolicy };
  'return:file': { request: import('./returns.js').ReturnRequestView };
  'returns:mine': { requests: import('./returns.js').ReturnRequestView[] };
}
export interface AgentResults {
  'returns:list': { requests: import('./returns.js').ReturnRequestView[] };
  'return:decide': { request: import('./returns.js').ReturnRequestView };
  'return-policy:get': { policy: import('./returns.js').ReturnPolicy };
  'return-policy:set': { policy: import('./returns.js').ReturnPolicy };
}
// ---- supervisor live view and peak warning (issue 15 items 4-5) ----
export interface AgentResults {
  'supervisor:watch': { view: import('./supervisor.js').SupervisorView };
  'supervisor:unwatch': null;
  'supervisor:whisper': { message: Message };
  'supervisor:take-over': { conversation: Conversation };
  'supervisor:move': { conversation: Conversation };
  'supervisor:mitigate': { action: import('./supervisor.js').Mitigation; affected: number };
}
export interface AgentServerToClientEvents {
  /** The watched site's live view, coalesced: at most one every few hundred ms. */
  'supervisor:updated': (e: { view: import('./supervisor.js').SupervisorView }) => void;
  /** A supervisor asks this (away) agent to come online: the peak warning's "call in". */
  'supervisor:call-in': (e: import('./supervisor.js').CallIn) => void;
}

// ---- response targets (issue 14, item 4) ----
export interface AgentServerToClientEvents {
  /** A conversation of a site this person supervises is close to missing its target (and what was done). */
  'target:escalated': (e: { escalation: import('./targets.js').TargetEscalation }) => void;
  /** Offered to this free agent: accepting it (POST /api/v1/conversations/:id/accept-offer) claims it, the first one wins. */
  'target:offered': (e: { escalation: import('./targets.js').TargetEscalation }) => void;
}

// ---- live return card (issue 12 leftovers) ----
export interface AgentServerToClientEvents {
  /** A shopper's return request moved (filed, sent for approval, approved, received, refunded, rejected); to the conversation's agents. */
  'return:updated': (e: { request: import('./returns.js').ReturnRequestView }) => void;
}
// ---- the shopper's topic choice (issue 14 item 2) ----
export interface TopicVisitorResults {
  'conversation:topic': { conversation: VisitorConversation };
}
/** Registered on /visitor beside VisitorClientToServerEvents. */
export type TopicVisitorClientToServerEvents = CommandMap<import('./schemas/routing.js').TopicVisitorSchemas, TopicVisitorResults>;
// ---- NPS after the rating (issue 15 leftovers) ----
export interface VisitorResults {
  'conversation:nps': { score: number };
}

// ---- live target settings (issue 14 leftovers) ----
export interface AgentServerToClientEvents {
  /** An admin edited a site's response targets: this member's console recounts badges and order. */
  'target:settings': (e: { siteId: import('./ids.js').SiteId; targets: import('./targets.js').ResponseTargets }) => void;
}
