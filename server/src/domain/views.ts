/**
 * Stored documents -> what each audience may see on the wire, in one place per audience:
 * shoppers (visitor*View: no staff ids, notes or routing fields), agents (the other views),
 * admins (siteView with the identity secret, agentView with sites and roles).
 */
import type {
  Agent,
  AgentPrefs,
  AgentId,
  CannedReply,
  Conversation,
  Message,
  Site,
  VisitorConversation,
  VisitorMessage,
  VisitorProfile,
  VisitorSummary,
} from '@counter/shared';
import { keyIdOf, previousKey } from './identity/keys.js';
import type { AgentDoc, CannedReplyDoc, ConversationDoc, MessageDoc, SiteDoc, VisitorDoc } from '../store/documents.js';

export function conversationView(doc: ConversationDoc): Conversation {
  const { _id, requestedAt: _r, excludedAgentIds: _e, openKey: _o, ...rest } = doc;
  return { id: _id, ...rest };
}

export function visitorConversationView(doc: ConversationDoc): VisitorConversation {
  return {
    id: doc._id,
    status: doc.status,
    agentName: doc.agentName,
    queuedAt: doc.queuedAt,
    createdAt: doc.createdAt,
    resolvedAt: doc.resolvedAt,
    lastSeq: doc.lastSeq,
    lastMessageAt: doc.lastMessageAt,
    lastMessagePreview: doc.lastMessagePreview,
    unreadByVisitor: doc.unreadByVisitor,
    agentReadSeq: doc.agentReadSeq,
    rating: doc.rating,
    offline: doc.offline,
    topic: doc.topic ?? null,
  };
}

export function messageView(doc: MessageDoc): Message {
  const { _id, searchKeys: _k, keysVersion: _v, ...rest } = doc;
  return { id: _id, ...rest };
}

/**
 * What a shopper receives of a message: without the internal agent id. Notes never reach
 * this function's callers (the shopper's queries and fanout leave them out); a note passed
 * here anyway is a bug, refused rather than shown.
 */
export function visitorMessageView(doc: MessageDoc): VisitorMessage {
  if (doc.kind === 'note') throw new Error(`note ${doc._id} about to reach a shopper`);
  const { _id, agentId: _agentId, searchKeys: _k, keysVersion: _v, ...rest } = doc;
  if (rest.event?.type === 'order_action') {
    // Who did it and why stay with staff: the shopper reads what happened, not the reason.
    const { agentName: _n, reason: _r, ...shown } = rest.event;
    return { id: _id, ...rest, event: shown };
  }
  return { id: _id, ...rest };
}

export function visitorProfileView(doc: VisitorDoc): VisitorProfile {
  const { _id, retained: _r, ...rest } = doc;
  return { id: _id, ...rest, ...signedFlags(doc) };
}

/** Visitors stored before name and email could be signed lack the flags: nothing of theirs was. */
const signedFlags = (doc: VisitorDoc) => ({ nameVerified: doc.nameVerified === true, emailVerified: doc.emailVerified === true });

export function visitorSummaryView(doc: VisitorDoc): VisitorSummary {
  return {
    id: doc._id,
    name: doc.name,
    email: doc.email,
    verified: doc.verified,
    ...signedFlags(doc),
    tier: doc.tier,
    currentPage: doc.currentPage,
  };
}

export function agentView(doc: AgentDoc, load: number, connected: boolean): Agent {
  return {
    id: doc._id,
    email: doc.email,
    name: doc.name,
    role: doc.role,
    siteIds: doc.siteIds,
    capacity: doc.capacity,
    status: doc.status,
    active: doc.active,
    load,
    connected,
    createdAt: doc.createdAt,
    avatarUrl: doc.avatar ? avatarUrl(doc._id, doc.avatar.hash) : null,
    prefs: agentPrefs(doc.prefs),
  };
}

/** Stored prefs with the defaults; choices not made yet (language, checklist) stay absent. */
function agentPrefs(stored: Partial<AgentPrefs> | undefined): AgentPrefs {
  const { sound = true, desktop = true, locale, snippetCopied, checklistHidden } = stored ?? {};
  return {
    sound,
    desktop,
    ...(locale && { locale }),
    ...(snippetCopied !== undefined && { snippetCopied }),
    ...(checklistHidden !== undefined && { checklistHidden }),
  };
}

/** Where a profile picture is served (http/avatar-routes.ts); the hash makes each picture its own URL. */
export const avatarUrl = (id: AgentId, hash: string): string => `/api/v1/avatars/${id}?v=${hash}`;

/** `now`: a previous identity secret past its grace period is no longer shown. */
export function siteView(doc: SiteDoc, now: number): Site {
  const { _id, previousIdentitySecret: _previous, orderProvider, ...rest } = doc;
  const previous = previousKey(doc, now);
  // The provider's secret is write-only: admins learn that one is set, never what it is.
  const provider = orderProvider
    ? { kind: orderProvider.kind, url: orderProvider.url, hasSecret: orderProvider.secret.length > 0 }
    : { kind: 'none' as const, url: null, hasSecret: false };
  return {
    id: _id,
    ...rest,
    orderProvider: provider,
    identityKeyId: keyIdOf(doc.identitySecret),
    previousIdentityKey: previous ? { keyId: previous.kid, until: doc.previousIdentitySecret!.until } : null,
  };
}

export function cannedReplyView(doc: CannedReplyDoc): CannedReply {
  return {
    id: doc._id,
    shortcut: doc.shortcut,
    title: doc.title,
    text: doc.text,
    updatedAt: doc.updatedAt,
    siteId: doc.siteId ?? null,
  };
}
