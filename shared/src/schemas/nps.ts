/** The shopper's optional 0–10 "would you recommend us" answer after the rating (issue 15 leftovers). */
import { z } from 'zod';
import * as c from './common.js';

export const npsAnswer = z.object({
  conversationId: c.conversationId,
  score: z.number().int().min(0).max(10),
});

export const npsVisitorSchemas = {
  /** Once per resolved conversation of a site that asks; the same answer again is accepted. */
  'conversation:nps': npsAnswer,
} as const;
