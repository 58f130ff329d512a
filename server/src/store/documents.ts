/**
 * Document shapes as stored. Field names hold on MongoDB and FerretDB alike: no key starts
 * with "$" or contains "."; every field is always present (null rather than missing), so
 * `{ field: null }` means the same thing to the embedded store and to MongoDB.
 */
import type {
  Agent,
  AgentId,
  CannedReply,
  Conversation,
  ConversationId,
  Message,
  Site,
  SiteId,
  VisitorId,
  VisitorProfile,
} from '@counter/shared';

type WithId<T extends { id: unknown }> = Omit<T, 'id'> & { _id: T['id'] };

/** A site's order provider as stored: the secret lives only here, never in a view. */
export interface StoredOrderProvider {
  kind: 'http' | 'vendure';
  url: string;
  secret: string;
}

/** orderProvider: null when none is set; absent on sites stored before orders existed. */
export type SiteDoc = Omit<WithId<Site>, 'orderProvider'> & { orderProvider?: StoredOrderProvider | null };
export type VisitorDoc = WithId<VisitorProfile>;

export interface VisitorTokenDoc {
  /** SHA-256 of the token, hex: the token itself is never stored. */
  _id: string;
  visitorId: VisitorId;
  siteId: SiteId;
  createdAt: number;
}

/** Links a verified customer id to one visitor record per site. */
export interface IdentityDoc {
  /** `${siteId}:${externalId}` */
  _id: string;
  siteId: SiteId;
  visitorId: VisitorId;
}

export interface ConversationDoc extends WithId<Conversation> {
  /** First time the shopper asked for help (first message); queue order after a requeue. */
  requestedAt: number | null;
  /** Agents this conversation was taken from for not answering; routing skips them. */
  excludedAgentIds: AgentId[];
}

export type MessageDoc = WithId<Message>;

/** Load and presence are not stored here: they live in `assignments` and `agent_sockets`. */
export interface AgentDoc extends Omit<WithId<Agent>, 'connected' | 'load'> {
  passwordHash: string;
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
