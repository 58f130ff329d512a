/**
 * GET /api/v1/history: the History page's filters and search, as query-string values.
 * Every field is optional; an empty query lists the newest conversations the caller may see.
 */
import { z } from 'zod';
import type { HistoryResultPage } from '../history.js';
import * as c from './common.js';
import { tag } from './agent.js';

/** Opaque to clients (the server's keyset position, base64url); checked again when decoded. */
export const historyCursor = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'not a cursor');

const day = z.coerce.number().int().min(0);

export const historySearchQuery = z
  .object({
    /** Words to find (Chinese or English); every token must be in one message. */
    q: z.string().trim().max(200).optional(),
    status: z.enum(['waiting', 'assigned', 'resolved']).optional(),
    siteId: c.siteId.optional(),
    agentId: c.agentId.optional(),
    tag: tag.optional(),
    /** The shopper's rating score. */
    score: z.coerce.number().int().min(1).max(5).optional(),
    /** Conversations started at or after / before this time (ms). */
    from: day.optional(),
    to: day.optional(),
    /** "All conversations with this customer": this visitor, and the same verified customer on the caller's other sites. */
    visitorId: c.visitorId.optional(),
    cursor: historyCursor.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

/**
 * The page as the server built it from views (domain/views.ts): checked to be an object only;
 * what each audience may see is decided there, in one place.
 */
export const historyResultResponse = z.custom<HistoryResultPage>((value) => typeof value === 'object' && value !== null);
