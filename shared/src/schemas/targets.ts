/** Response targets (issue 14, item 4): the admin's form body and the answers. */
import { z } from 'zod';
import type { Conversation } from '../domain.js';
import { TARGET_LIMITS, type Breach, type ResponseTargets } from '../targets.js';

const L = TARGET_LIMITS;
const seconds = z.int().min(L.minSeconds).max(L.maxSeconds);

const tierTargets = z.object({ firstSeconds: seconds, nextSeconds: seconds, asyncSeconds: seconds });

export const responseTargets = z.object({
  vip: tierTargets,
  standard: tierTargets,
  escalation: z.object({
    action: z.enum(['notify', 'offer', 'move']),
    atPercent: z.int().min(L.minPercent).max(L.maxPercent),
  }),
});

export const targetsBody = z.object({ targets: responseTargets });
export const targetsResponse: z.ZodType<{ targets: ResponseTargets }> = z.object({ targets: responseTargets });

/** Every site the caller works for, with its targets: the console's badges. */
export const siteTargetsResponse = z.object({
  sites: z.array(z.object({ siteId: z.string(), targets: responseTargets })),
});

const breach: z.ZodType<Breach> = z.object({
  id: z.string(),
  siteId: z.string().brand<'SiteId'>(),
  conversationId: z.string().brand<'ConversationId'>(),
  kind: z.enum(['first', 'next', 'async']),
  tier: z.enum(['vip', 'standard']),
  targetMs: z.number(),
  actualMs: z.number(),
  at: z.number(),
  agentId: z.string().brand<'AgentId'>().nullable(),
}) as unknown as z.ZodType<Breach>;

export const breachesQuery = z.object({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const breachesResponse = z.object({ breaches: z.array(breach) });

/** The conversation as its new holder sees it; its shape is the agent view's (checked by the types on the server). */
export const acceptOfferResponse = z.object({ conversation: z.looseObject({ id: z.string() }) }) as unknown as z.ZodType<{
  conversation: Conversation;
}>;
