/** Document builders for store and domain tests: valid defaults, override what matters. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AgentId, ClientMessageId, ConversationId, MessageId, SiteId, VisitorId } from '@counter/shared';
import type { AgentDoc, ConversationDoc, MessageDoc, SiteDoc, VisitorDoc } from '../../src/store/documents.js';

export const newTestId = () => randomBytes(12).toString('base64url');

export function siteDoc(over: Partial<SiteDoc> = {}): SiteDoc {
  return {
    _id: newTestId() as SiteId,
    name: 'Test shop',
    allowedOrigins: ['https://shop.example'],
    identitySecret: 'secret',
    greeting: {},
    businessHours: null,
    defaultLocale: 'en',
    createdAt: 1,
    ...over,
  };
}

export function visitorDoc(over: Partial<VisitorDoc> = {}): VisitorDoc {
  return {
    _id: newTestId() as VisitorId,
    siteId: 'site' as SiteId,
    name: null,
    email: null,
    externalId: null,
    verified: false,
    tier: null,
    locale: null,
    currentPage: null,
    trail: [],
    product: null,
    cart: null,
    createdAt: 1,
    lastSeenAt: 1,
    ...over,
  };
}

export function conversationDoc(over: Partial<ConversationDoc> = {}): ConversationDoc {
  return {
    _id: newTestId() as ConversationId,
    siteId: 'site' as SiteId,
    visitorId: 'visitor' as VisitorId,
    status: 'waiting',
    agentId: null,
    agentName: null,
    priority: 0,
    queuedAt: null,
    assignedAt: null,
    resolvedAt: null,
    createdAt: 1,
    updatedAt: 1,
    lastSeq: 0,
    lastMessageAt: null,
    lastMessagePreview: null,
    awaitingReplySince: null,
    firstResponseAt: null,
    unreadByAgent: 0,
    unreadByVisitor: 0,
    agentReadSeq: 0,
    visitorReadSeq: 0,
    tags: [],
    rating: null,
    offline: false,
    contactEmail: null,
    requestedAt: null,
    excludedAgentIds: [],
    ...over,
  };
}

export function messageDoc(over: Partial<MessageDoc> & Pick<MessageDoc, 'conversationId' | 'seq'>): MessageDoc {
  return {
    _id: newTestId() as MessageId,
    clientId: randomUUID() as ClientMessageId,
    author: 'visitor',
    agentId: null,
    authorName: null,
    kind: 'text',
    text: `message ${over.seq}`,
    event: null,
    createdAt: over.seq,
    ...over,
  };
}

export function agentDoc(over: Partial<AgentDoc> = {}): AgentDoc {
  return {
    _id: newTestId() as AgentId,
    email: `${newTestId().toLowerCase()}@example.com`,
    name: 'Agent',
    role: 'agent',
    capacity: 3,
    status: 'online',
    active: true,
    disconnectedAt: null,
    lastAssignedAt: 0,
    passwordHash: 'x',
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}
