/**
 * The documents a new visitor and a new conversation start as: one definition of their initial
 * state, used by the services that create them and by the tests that build them.
 */
import type { ConversationId, SiteId, VisitorId } from '@counter/shared';
import type { createSiteBody, z } from '@counter/shared/schemas';
import type { ConversationDoc, SiteDoc, StoredOrderProvider, VisitorDoc } from '../store/documents.js';
import { newSecret } from './crypto.js';

export function newVisitorDoc(init: { _id: VisitorId; siteId: SiteId; now: number }): VisitorDoc {
  return {
    _id: init._id,
    siteId: init.siteId,
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
    createdAt: init.now,
    lastSeenAt: init.now,
    retained: false,
  };
}

/** Waiting, unassigned, no messages: not queued until the shopper writes. */
export function newConversationDoc(init: {
  _id: ConversationId;
  siteId: SiteId;
  visitorId: VisitorId;
  priority: number;
  now: number;
}): ConversationDoc {
  return {
    _id: init._id,
    siteId: init.siteId,
    visitorId: init.visitorId,
    status: 'waiting',
    // The visitor's current conversation from the start: the store refuses a second one.
    openKey: init.visitorId,
    agentId: null,
    agentName: null,
    priority: init.priority,
    queuedAt: null,
    assignedAt: null,
    resolvedAt: null,
    createdAt: init.now,
    updatedAt: init.now,
    // Reports (issue 15): the 15-minute slot it was created in.
    createdQuarter: Math.floor(init.now / 900_000),
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
    requestedAt: null,
    excludedAgentIds: [],
  };
}

/** A new site: its own identity secret, no previous one. */
export function newSiteDoc(
  init: { _id: SiteId; now: number; orderProvider?: StoredOrderProvider | null } & z.output<typeof createSiteBody>,
): SiteDoc {
  return {
    _id: init._id,
    name: init.name,
    allowedOrigins: init.allowedOrigins,
    identitySecret: newSecret(),
    previousIdentitySecret: null,
    greeting: init.greeting,
    businessHours: init.businessHours,
    defaultLocale: init.defaultLocale,
    orderProvider: init.orderProvider ?? null,
    createdAt: init.now,
  };
}
