/**
 * Building blocks for the runtime schemas. Only the server imports this folder; clients
 * take the inferred types with `import type`, so no validator ships in their bundles.
 *
 * z.object strips unknown keys; z.string rejects objects and arrays, so a payload such
 * as {"$ne": null} in a string field fails here, before any query is built.
 */
import { z } from 'zod';
import { ID_PATTERN } from '../ids.js';
import { LIMITS } from '../limits.js';
import { LOCALES } from '../domain.js';
import { cleanText, hasVisibleText, NOTHING_VISIBLE } from './safe-text.js';

/** Each id kind is its own schema (zod's brand() returns the same instance, so no base is shared). */
const idOf = <B extends string>() => z.string().regex(ID_PATTERN, 'must be an id').brand<B>();
export const siteId = idOf<'SiteId'>();
export const conversationId = idOf<'ConversationId'>();
export const agentId = idOf<'AgentId'>();
export const visitorId = idOf<'VisitorId'>();
export const messageId = idOf<'MessageId'>();
export const cannedReplyId = idOf<'CannedReplyId'>();
export const clientMessageId = z.uuid().brand<'ClientMessageId'>();

/** Counts, prices: finite numbers only (no NaN or Infinity, which JSON cannot carry anyway). */
const finite = z.number().finite();

/**
 * Text from a person, cleaned by the one sanitiser (safe-text.ts: controls, bidi overrides,
 * lone surrogates, NFC, combining marks) and trimmed. Every schema below that takes text
 * builds on these four, so no field stores a NUL, an override or an invisible name.
 */
const cleaned = (multiline: boolean) => z.string().overwrite((value) => cleanText(value, multiline)).trim();
const visible = <S extends z.ZodString>(schema: S) => schema.refine(hasVisibleText, NOTHING_VISIBLE);

/** Multi-line text (a message, a note, a comment): required, something visible in it. */
export function text(max: number) {
  return visible(cleaned(true).min(1, 'must not be empty').max(max, `at most ${max} characters`));
}

/** A short label such as a name or a title: one line, required, something visible in it. */
export const label = (max = 200) => visible(cleaned(false).min(1).max(max));

/** Optional text that may be empty (a page title, a greeting, an SKU): cleaned all the same. */
export const plainLine = (max: number) => cleaned(false).max(max);
export const plainText = (max: number) => cleaned(true).max(max);

export const email = z.email().max(254);
/** Normalised (percent-encoded, punycode host): no raw control or bidi character reaches a link. */
export const httpUrl = z.url({ protocol: /^https?$/, normalize: true }).max(2048);
export const origin = z
  .string()
  .max(255)
  .regex(/^https?:\/\/[^/\s?#]+$/, 'must be an origin such as https://shop.example.com');
export const locale = z.enum(LOCALES);
export const seq = z.int().min(0);

export const messageText = text(LIMITS.messageLength);
export const comment = text(LIMITS.commentLength);

export const page = z.object({
  url: httpUrl,
  title: plainLine(300).default(''),
});

export const product = z.object({
  id: plainLine(128).optional(),
  title: label(300),
  price: finite.min(0).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code').optional(),
  url: httpUrl.optional(),
  image: httpUrl.optional(),
});

export const cartItem = z.object({
  id: plainLine(128).optional(),
  title: label(300),
  quantity: z.int().min(1).max(9999),
  price: finite.min(0).optional(),
});

export const cart = z.object({
  items: z.array(cartItem).max(LIMITS.cartItems),
  total: finite.min(0).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
});

export const conversationRef = z.object({ conversationId });

export const historyQuery = z.object({
  conversationId,
  /** Messages with seq > afterSeq, oldest first (catch-up after reconnect). */
  afterSeq: seq.optional(),
  /** Messages with seq < beforeSeq, newest page first (scrolling back). */
  beforeSeq: seq.optional(),
  limit: z.int().min(1).max(LIMITS.historyPageMax).default(LIMITS.historyPage),
});

export const readMark = z.object({ conversationId, seq });
export const typing = z.object({ conversationId, typing: z.boolean() });
