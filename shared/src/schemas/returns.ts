/**
 * The shopper's return requests (issue 12 item 4): what the widget files, what agents decide,
 * and the site's policy (its reasons, which are quality problems, the reply target).
 */
import { z } from 'zod';
import { attachmentId } from './attachments.js';
import * as c from './common.js';
import { actionLines, externalRef } from './orders.js';

const reasonId = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be a reason id');

export const returnReason = z.object({
  id: reasonId,
  label: z.object({ en: c.label(100), zh: c.label(100).optional() }),
  /** A quality problem: the shop owes a reply within qualityReplyHours. */
  quality: z.boolean(),
});

export const returnPolicy = z.object({
  reasons: z.array(returnReason).min(1).max(20),
  qualityReplyHours: z.int().min(1).max(720),
});

/** The shopper files a return: lines and quantities of one order, a reason from the site's list, photos. */
export const returnFile = z.object({
  conversationId: c.conversationId,
  orderId: externalRef,
  /** One per opened form: a retry or a double click files once. */
  key: z.uuid(),
  lines: actionLines.max(100),
  reasonId,
  note: c.plainLine(500).optional(),
  /** Uploaded first (POST /api/v1/attachments) into this conversation. */
  attachmentIds: z.array(attachmentId).max(6).default([]),
});

export const returnId = z.uuid();

export const returnsVisitorSchemas = {
  'returns:policy': z.object({}),
  'return:file': returnFile,
  /** The shopper's requests with their timelines, read from the server (any device). */
  'returns:mine': z.object({}),
} as const;

export const returnsAgentSchemas = {
  'returns:list': z.object({ conversationId: c.conversationId }),
  /** Approve: files it with the shop and approves it there (or asks a supervisor, above the limits). */
  'return:decide': z.object({ requestId: returnId, decision: z.enum(['approve', 'reject']) }),
  'return-policy:get': z.object({ siteId: c.siteId }),
  'return-policy:set': z.object({ siteId: c.siteId, policy: returnPolicy }),
} as const;
