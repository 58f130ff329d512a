/** Wire objects with valid defaults: override what a test is about. */
import type {
  Agent,
  AgentId,
  AgentSummary,
  CannedReply,
  CannedReplyId,
  ClientMessageId,
  Conversation,
  ConversationId,
  InboxItem,
  Message,
  MessageId,
  QueueItem,
  Site,
  SiteId,
  VisitorId,
  VisitorProfile,
  VisitorSummary,
} from '@counter/shared';

let n = 0;
const id = <T extends string>(prefix: string) => `${prefix}${(++n).toString().padStart(6, '0')}` as T;

export const NOW = 1_700_000_000_000;

export function agent(over: Partial<Agent> = {}): Agent {
  return {
    id: id<AgentId>('agent'),
    email: `a${n}@example.com`,
    name: 'Ann',
    role: 'agent',
    siteIds: [],
    capacity: 3,
    status: 'online',
    active: true,
    load: 0,
    connected: true,
    createdAt: NOW,
    avatarUrl: null,
    prefs: { sound: true, desktop: true },
    ...over,
  };
}

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: id<ConversationId>('conv'),
    siteId: 'site' as SiteId,
    visitorId: id<VisitorId>('visitor'),
    status: 'assigned',
    agentId: null,
    agentName: null,
    priority: 0,
    queuedAt: null,
    assignedAt: NOW,
    resolvedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    lastSeq: 0,
    lastMessageAt: null,
    lastMessagePreview: null,
    awaitingReplySince: null,
    firstResponseAt: null,
    topic: null,
    unreadByAgent: 0,
    unreadByVisitor: 0,
    agentReadSeq: 0,
    visitorReadSeq: 0,
    tags: [],
    rating: null,
    offline: false,
    contactEmail: null,
    ...over,
  };
}

export function visitorSummary(over: Partial<VisitorSummary> = {}): VisitorSummary {
  return { id: id<VisitorId>('visitor'), name: null, email: null, verified: false, nameVerified: false, emailVerified: false, tier: null, currentPage: null, ...over };
}

export function visitorProfile(over: Partial<VisitorProfile> = {}): VisitorProfile {
  return {
    id: id<VisitorId>('visitor'),
    siteId: 'site' as SiteId,
    name: null,
    email: null,
    externalId: null,
    verified: false,
    nameVerified: false,
    emailVerified: false,
    tier: null,
    locale: null,
    currentPage: null,
    trail: [],
    product: null,
    cart: null,
    createdAt: NOW,
    lastSeenAt: NOW,
    ...over,
  };
}

export function inboxItem(c: Partial<Conversation> = {}, v: Partial<VisitorSummary> = {}): InboxItem {
  const visitor = visitorSummary(v);
  return { conversation: conversation({ visitorId: visitor.id, ...c }), visitor };
}

export function message(over: Partial<Message> & Pick<Message, 'conversationId' | 'seq'>): Message {
  return {
    id: id<MessageId>('msg'),
    clientId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` as ClientMessageId,
    author: 'visitor',
    agentId: null,
    authorName: null,
    kind: 'text',
    text: `message ${over.seq}`,
    event: null,
    createdAt: NOW + over.seq * 1000,
    ...over,
  };
}

export function queueItem(over: Partial<QueueItem> = {}): QueueItem {
  return {
    conversationId: id<ConversationId>('conv'),
    siteId: 'site000001' as SiteId,
    visitorId: id<VisitorId>('visitor'),
    visitorName: null,
    priority: 0,
    queuedAt: NOW,
    preview: null,
    position: 1,
    ...over,
  };
}

export function summary(over: Partial<AgentSummary> = {}): AgentSummary {
  return { id: id<AgentId>('agent'), name: 'Bob', status: 'online', capacity: 3, load: 0, connected: true, avatarUrl: null, ...over };
}

export function canned(over: Partial<CannedReply> = {}): CannedReply {
  return { id: id<CannedReplyId>('canned'), shortcut: 'hello', title: 'Hello', text: 'Hello!', updatedAt: NOW, siteId: null, ...over };
}

export function site(over: Partial<Site> = {}): Site {
  return {
    id: id<SiteId>('site'),
    name: 'Shop',
    allowedOrigins: ['https://shop.example'],
    identitySecret: 'top-secret-value',
    identityKeyId: 'kid1',
    previousIdentityKey: null,
    greeting: {},
    businessHours: null,
    defaultLocale: 'en',
    orderProvider: { kind: 'none', url: null, hasSecret: false },
    createdAt: NOW,
    ...over,
  };
}
