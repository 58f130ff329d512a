/** Document builders for store and domain tests: valid defaults, override what matters. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AgentId, ClientMessageId, ConversationId, MessageId, SiteId, VisitorId } from '@counter/shared';
import { newConversationDoc, newVisitorDoc } from '../../src/domain/new-documents.js';
import type { AgentDoc, ConversationDoc, MessageDoc, SiteDoc, VisitorDoc } from '../../src/store/documents.js';

export const newTestId = () => randomBytes(12).toString('base64url');

export function siteDoc(over: Partial<SiteDoc> = {}): SiteDoc {
  return {
    _id: newTestId() as SiteId,
    name: 'Test shop',
    allowedOrigins: ['https://shop.example'],
    identitySecret: 'secret',
    previousIdentitySecret: null,
    greeting: {},
    businessHours: null,
    defaultLocale: 'en',
    createdAt: 1,
    ...over,
  };
}

export function visitorDoc(over: Partial<VisitorDoc> = {}): VisitorDoc {
  return { ...newVisitorDoc({ _id: newTestId() as VisitorId, siteId: 'site' as SiteId, now: 1 }), ...over };
}

/** Each its own visitor unless given; `openKey` follows the status given (see ConversationDoc). */
export function conversationDoc(over: Partial<ConversationDoc> = {}): ConversationDoc {
  const init = { _id: newTestId() as ConversationId, siteId: 'site' as SiteId, visitorId: newTestId() as VisitorId, priority: 0, now: 1 };
  const doc = { ...newConversationDoc(init), ...over };
  return { ...doc, openKey: over.openKey ?? (doc.status === 'resolved' ? doc._id : doc.visitorId) };
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
    siteIds: ['site' as SiteId],
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
