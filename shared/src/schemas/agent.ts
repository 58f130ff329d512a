/** Inbound payloads on the /agent namespace. */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import * as c from './common.js';
import { orderRef } from './orders.js';
import { attachmentSend } from './attachments.js';
import { afterSalesSchemas } from './after-sales.js';
import { returnsAgentSchemas } from './returns.js';
import { supervisorSchemas } from './supervisor.js';

export const agentStatus = z.object({ status: z.enum(['online', 'away', 'offline']) });

export const agentMessageSend = z.object({
  conversationId: c.conversationId,
  clientId: c.clientMessageId,
  text: c.messageText,
  /** An internal note: stored and shown to agents, never to the shopper. */
  internal: z.boolean().default(false),
});

export const transfer = z.object({
  conversationId: c.conversationId,
  /** null: back to the head of the queue. */
  toAgentId: c.agentId.nullable(),
  note: c.comment.optional(),
});

export const tag = c
  .label(LIMITS.tagLength)
  .toLowerCase()
  .regex(/^[\p{L}\p{N} _-]+$/u, 'letters, digits, spaces, - and _ only');

export const setTags = z.object({
  conversationId: c.conversationId,
  tags: z.array(tag).max(LIMITS.tagsPerConversation),
});

export const agentSchemas = {
  'agent:status': agentStatus,
  'inbox:list': z.object({}),
  'queue:list': z.object({}),
  'agents:list': z.object({}),
  'sites:list': z.object({}),
  'conversation:open': c.conversationRef,
  'conversation:take': c.conversationRef,
  'conversation:resolve': c.conversationRef,
  'conversation:reopen': c.conversationRef,
  'conversation:transfer': transfer,
  'conversation:tags': setTags,
  'message:send': agentMessageSend,
  'message:history': c.historyQuery,
  'message:read': c.readMark,
  'typing:set': c.typing,
  /** The conversation's shopper's orders (by verified customer id, else by email). */
  'orders:list': c.conversationRef,
  'order:get': orderRef,
  /** The unmasked address and phone of one order; audited. */
  'order:reveal': orderRef,
  // ---- attachments (issue 12 item 5)
  /** A file uploaded first (POST /api/v1/attachments), as a message to the shopper. */
  'attachment:send': attachmentSend,
  // After-sales actions, approvals, limits and their audit (issue 12).
  ...afterSalesSchemas,
  // ---- the shopper's returns (issue 12 item 4)
  ...returnsAgentSchemas,
  // ---- offline email (issue 17) ----
  /** Would a reply reach the shopper live, by email, or only when they come back? */
  'conversation:reach': c.conversationRef,
  // ---- supervisor live view and peak warning (issue 15 items 4-5) ----
  ...supervisorSchemas,
} as const;

export type AgentSchemas = typeof agentSchemas;
