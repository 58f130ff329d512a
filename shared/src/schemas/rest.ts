/** REST bodies (agents, admins). One schema per route body. */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import * as c from './common.js';
import { orderProviderInput } from './orders.js';

export const loginBody = z.object({
  email: c.email,
  password: z.string().min(1).max(200),
});

export const password = z.string().min(10, 'at least 10 characters').max(200);

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});

const role = z.enum(['owner', 'admin', 'supervisor', 'agent']);
const capacity = z.int().min(0).max(50);
/** The sites a person works for; the domain checks that they exist and that the caller manages them. */
const siteIds = z.array(c.siteId).max(200).transform((ids) => [...new Set(ids)]);

export const createAgentBody = z.object({
  email: c.email,
  name: c.label(100),
  role: role.default('agent'),
  siteIds: siteIds.default([]),
  capacity: capacity.default(3),
  password,
});

export const updateAgentBody = z.object({
  name: c.label(100).optional(),
  role: role.optional(),
  siteIds: siteIds.optional(),
  capacity: capacity.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});

/** What anyone may change about themselves (admins change the rest, see updateAgentBody). */
export const profileBody = z.strictObject({
  /** The name shoppers see ("Mei is helping you"). */
  name: c.label(100).optional(),
  prefs: z
    .strictObject({
      sound: z.boolean().optional(),
      desktop: z.boolean().optional(),
      // --- console language and onboarding (issue 16, items 2 and 6) ---
      locale: c.locale.optional(),
      snippetCopied: z.boolean().optional(),
      checklistHidden: z.boolean().optional(),
    })
    .optional(),
});

/**
 * A profile picture, resized by the console (LIMITS.avatarPixels square) before upload: base64 of a
 * PNG, JPEG or WebP file; the server checks the bytes, not a declared type.
 */
export const avatarBody = z.strictObject({ image: z.base64().max(Math.ceil(LIMITS.avatarBytes / 3) * 4) });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const businessHours = z.object({
  timezone: z.string().min(1).max(64).refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone'),
  slots: z
    .array(z.object({ day: z.int().min(0).max(6), open: hhmm, close: hhmm }))
    .max(50)
    .refine((slots) => slots.every((s) => s.open < s.close), 'each slot must open before it closes'),
});

const greeting = z.object({
  en: c.plainText(300).optional(),
  zh: c.plainText(300).optional(),
});

export const createSiteBody = z.object({
  name: c.label(100),
  allowedOrigins: z.array(c.origin).max(50).default([]),
  greeting: greeting.default({}),
  businessHours: businessHours.nullable().default(null),
  defaultLocale: c.locale.default('en'),
});

export const updateSiteBody = z.object({
  name: c.label(100).optional(),
  allowedOrigins: z.array(c.origin).max(50).optional(),
  greeting: greeting.optional(),
  businessHours: businessHours.nullable().optional(),
  defaultLocale: c.locale.optional(),
  /** Where orders come from; the secret is write-only (absent: keep the stored one). */
  orderProvider: orderProviderInput.optional(),
  /**
   * true: issue a new identity secret; the old one keeps verifying for the grace period
   * (IDENTITY_SECRET_GRACE_HOURS), so pages already signed keep working.
   */
  rotateIdentitySecret: z.boolean().optional(),
  /** true: the previous secret stops verifying now (it leaked, or every page is updated). */
  endIdentitySecretGrace: z.boolean().optional(),
  // ---- issue 15 leftovers
  /** Ask shoppers the 0–10 "would you recommend us" question after the rating. */
  nps: z.boolean().optional(),
});

export const cannedReplyBody = z.object({
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_-]{1,32}$/, 'letters, digits, - and _ only, up to 32'),
  title: c.label(100),
  text: c.messageText,
  /** Omitted: the caller's only site; null: server-wide (the owner only). */
  siteId: c.siteId.nullable().optional(),
});

/** `:id` in a route's path, one schema per id kind so the handler receives the branded id. */
export const agentIdParams = z.object({ id: c.agentId });
export const siteIdParams = z.object({ id: c.siteId });
export const cannedReplyIdParams = z.object({ id: c.cannedReplyId });
export const conversationIdParams = z.object({ id: c.conversationId });
export const siteQuery = z.object({ siteId: c.siteId });
