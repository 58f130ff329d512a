/** Inbound payloads on the /visitor namespace and the visitor REST routes. */
import { z } from 'zod';
import * as c from './common.js';
import { orderCardSend, orderLookup, externalRef } from './orders.js';
import { attachmentSend } from './attachments.js';
import { returnsVisitorSchemas } from './returns.js';
import { npsVisitorSchemas } from './nps.js';

export const visitorSessionBody = z.object({
  siteId: c.siteId,
  /**
   * The embedding page's origin, as the chat iframe learned it from the loader's
   * postMessage (event.origin, set by the browser). Checked against the site's list.
   */
  pageOrigin: c.origin,
  /** A token this browser already holds; returned as is when still valid. */
  token: z.string().max(128).optional(),
});

export const unreadBody = z.object({ siteId: c.siteId, token: z.string().min(1).max(128) });

export const conversationStart = z.object({
  locale: c.locale.optional(),
});

export const visitorMessageSend = z.object({
  conversationId: c.conversationId,
  clientId: c.clientMessageId,
  text: c.messageText,
});

export const leaveMessage = z.object({
  clientId: c.clientMessageId,
  email: c.email,
  name: c.label(100).optional(),
  text: c.messageText,
});

export const rate = z.object({
  conversationId: c.conversationId,
  score: z.int().min(1).max(5),
  comment: c.comment.optional(),
});

/** The plain HMAC (simple shops): id and tier signed; name and email are shown as unverified. */
export const identifyHmac = z.object({
  /** The merchant's own customer id. */
  id: z.string().trim().min(1).max(128),
  name: c.label(100).optional(),
  email: c.email.optional(),
  /** Only honoured when the signature covers it (see README: signed identity). */
  tier: z.enum(['vip']).optional(),
  /**
   * Hex HMAC-SHA256 of `v2|<tier>|<id>` (identitySigningString) with the site's identity
   * secret. Its format is checked by the server, not here, so that a wrong one is counted
   * and reported to the merchant like any other bad signature.
   */
  signature: z.string().max(512),
});

/** A signed JWT (HS256, exp required, kid for rotation) carrying sub, name, email and tier. */
export const identifyJwt = z.object({ jwt: z.string().min(1).max(4096) });

export const identify = z.union([identifyJwt, identifyHmac]);

/** The claims of an identity JWT, checked after its signature. Other claims are ignored. */
export const identityClaims = z.object({
  sub: z.string().trim().min(1).max(128),
  name: c.label(100).optional(),
  email: c.email.optional(),
  tier: z.enum(['vip']).optional(),
});

export const context = z.object({
  page: c.page.optional(),
  product: c.product.nullable().optional(),
  cart: c.cart.nullable().optional(),
  locale: c.locale.optional(),
});

export const visitorSchemas = {
  'conversation:start': conversationStart,
  'conversation:list': z.object({}),
  'message:send': visitorMessageSend,
  'message:history': c.historyQuery,
  'message:read': c.readMark,
  'typing:set': c.typing,
  'conversation:rate': rate,
  'conversation:leave-message': leaveMessage,
  'visitor:identify': identify,
  'visitor:context': context,
  /** A verified shopper's recent orders (an anonymous one gets state "no_customer"). */
  'orders:mine': z.object({}),
  /** One order the shopper owns (verified) or has looked up as a guest. */
  'order:get': z.object({ orderId: externalRef }),
  'order:lookup': orderLookup,
  'order:card': orderCardSend,
  /** The product the shopper's page last reported (setContext), as a card. */
  'product:card': z.object({ conversationId: c.conversationId, clientId: c.clientMessageId }),
  // ---- attachments (issue 12 item 5)
  /** A file uploaded first (POST /api/v1/attachments), as a message. */
  'attachment:send': attachmentSend,
  // ---- offline email (issue 17) ----
  /** Mail the conversation to the shopper (to `email`, else the address they gave before). */
  'conversation:email-transcript': z.object({ conversationId: c.conversationId, email: c.email.optional() }),
  // ---- the shopper's returns (issue 12 item 4)
  ...returnsVisitorSchemas,
  // ---- NPS after the rating (issue 15 leftovers)
  ...npsVisitorSchemas,
} as const;

export type VisitorSchemas = typeof visitorSchemas;
