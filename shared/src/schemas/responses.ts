/**
 * What REST routes answer, as schemas: the server's route definitions use them as response
 * schemas (they shape what leaves, dropping any field not listed), and the OpenAPI document
 * is generated from them. Each is annotated with the wire type it describes (domain.ts), so
 * the two cannot drift apart without a compile error.
 */
import { z } from 'zod';
import type {
  Agent,
  Availability,
  BusinessHours,
  CannedReply,
  Greeting,
  IdentityCheckReport,
  Site,
  WidgetConfig,
} from '../domain.js';
import type { LoginResponse, SessionResponse, VisitorSessionResponse } from '../events.js';
import type { RevealAuditEntry } from '../orders.js';
import { ERRORS, type ErrorBody, type ErrorCode } from '../errors.js';
import * as c from './common.js';

const millis = z.number().int();

export const agentView: z.ZodType<Agent> = z.object({
  id: c.agentId,
  email: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'admin', 'supervisor', 'agent']),
  siteIds: z.array(c.siteId),
  capacity: z.number().int(),
  status: z.enum(['online', 'away', 'offline']),
  active: z.boolean(),
  load: z.number().int(),
  connected: z.boolean(),
  createdAt: millis,
  avatarUrl: z.string().nullable(),
  prefs: z.object({
    sound: z.boolean(),
    desktop: z.boolean(),
    // --- console language and onboarding (issue 16, items 2 and 6) ---
    locale: c.locale.optional(),
    snippetCopied: z.boolean().optional(),
    checklistHidden: z.boolean().optional(),
  }),
});

const greetingView: z.ZodType<Greeting> = z.object({ en: z.string().optional(), zh: z.string().optional() });
const businessHoursView: z.ZodType<BusinessHours> = z.object({
  timezone: z.string(),
  slots: z.array(z.object({ day: z.number().int(), open: z.string(), close: z.string() })),
});

export const siteView: z.ZodType<Site> = z.object({
  id: c.siteId,
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  identitySecret: z.string(),
  identityKeyId: z.string(),
  previousIdentityKey: z.object({ keyId: z.string(), until: millis }).nullable(),
  greeting: greetingView,
  businessHours: businessHoursView.nullable(),
  defaultLocale: c.locale,
  orderProvider: z.object({ kind: z.enum(['none', 'http', 'vendure']), url: z.string().nullable(), hasSecret: z.boolean() }),
  createdAt: millis,
  // --- onboarding (issue 16, item 6) ---
  widgetSeenAt: millis.optional(),
  // --- issue 15 leftovers: the NPS question ---
  nps: z.boolean().optional(),
});

export const identityCheckReport: z.ZodType<IdentityCheckReport> = z.object({
  failedLast24h: z.number().int(),
  lastFailure: z.object({ at: millis, reason: z.string() }).nullable(),
});
export const identityChecksResponse = z.object({ identityChecks: identityCheckReport });

export const cannedReplyView: z.ZodType<CannedReply> = z.object({
  id: c.cannedReplyId,
  shortcut: z.string(),
  title: z.string(),
  text: z.string(),
  updatedAt: millis,
  siteId: c.siteId.nullable(),
});

export const availabilityView: z.ZodType<Availability> = z.object({
  agentsOnline: z.number().int(),
  open: z.boolean(),
  typicalReplySeconds: z.number().nullable(),
  bot: z.boolean().optional(),
});

export const widgetConfigView: z.ZodType<WidgetConfig> = z.object({
  siteId: c.siteId,
  name: z.string(),
  greeting: greetingView,
  defaultLocale: c.locale,
  availability: availabilityView,
  orders: z.boolean(),
  email: z.boolean().optional(),
  // issue 17: the merchant's look
  look: z.object({ color: z.string(), ink: z.string(), showAgent: z.boolean() }).optional(),
  // issue 14 item 2: the topics the new chat offers
  topics: z.array(z.string()).optional(),
  // issue 15 leftovers: ask the NPS question after the rating
  nps: z.boolean().optional(),
});

export const loginResponse: z.ZodType<LoginResponse> = z.object({ agent: agentView });

export const sessionResponse: z.ZodType<SessionResponse> = z.object({ agent: agentView.nullable() });

export const visitorSessionResponse: z.ZodType<VisitorSessionResponse> = z.object({
  visitorId: c.visitorId,
  token: z.string(),
  config: widgetConfigView,
});

export const unreadResponse = z.object({ unread: z.number().int() });
export const healthResponse = z.object({ status: z.literal('ok') });
export const readyResponse = z.object({ status: z.literal('ready'), store: z.string() });

export const agentsResponse = z.object({ agents: z.array(agentView) });
export const agentResponse = z.object({ agent: agentView });
export const sitesResponse = z.object({ sites: z.array(siteView) });
export const siteResponse = z.object({ site: siteView });
export const cannedRepliesResponse = z.object({ cannedReplies: z.array(cannedReplyView) });
export const cannedReplyResponse = z.object({ cannedReply: cannedReplyView });

/** 204: no body. */
export const noContent = z.null();

export const errorBody: z.ZodType<ErrorBody> = z.object({
  code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfter: z.number().optional(),
});

/** Every route may fail with the catalogue's body; listed once for all of them. */
export const errorResponses = {
  '4xx': z.object({ error: errorBody }),
  '5xx': z.object({ error: errorBody }),
} as const;

export const auditEntryView: z.ZodType<RevealAuditEntry> = z.object({
  id: z.string(),
  siteId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  orderId: z.string(),
  conversationId: z.string(),
  field: z.literal('address_and_phone'),
  at: millis,
});
export const auditResponse = z.object({ entries: z.array(auditEntryView) });
