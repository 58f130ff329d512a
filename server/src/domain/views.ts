/** Stored documents -> what each audience may see on the wire. */
import type {
  Agent,
  CannedReply,
  Conversation,
  Message,
  Site,
  VisitorConversation,
  VisitorProfile,
  VisitorSummary,
} from '@counter/shared';
import type { AgentDoc, CannedReplyDoc, ConversationDoc, MessageDoc, SiteDoc, VisitorDoc } from '../store/documents.js';

export function conversationView(doc: ConversationDoc): Conversation {
  const { _id, requestedAt: _r, excludedAgentIds: _e, ...rest } = doc;
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
  };
}

export function messageView(doc: MessageDoc): Message {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

export function visitorProfileView(doc: VisitorDoc): VisitorProfile {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

export function visitorSummaryView(doc: VisitorDoc): VisitorSummary {
  return {
    id: doc._id,
    name: doc.name,
    email: doc.email,
    verified: doc.verified,
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
    capacity: doc.capacity,
    status: doc.status,
    active: doc.active,
    load,
    connected,
    createdAt: doc.createdAt,
  };
}

export function siteView(doc: SiteDoc): Site {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

export function cannedReplyView(doc: CannedReplyDoc): CannedReply {
  return { id: doc._id, shortcut: doc.shortcut, title: doc.title, text: doc.text, updatedAt: doc.updatedAt };
}
