/** Supervisor live view commands (issue 15 items 4-5); every one is for supervisors and up, checked in the domain. */
import { z } from 'zod';
import * as c from './common.js';

const siteRef = z.object({ siteId: c.siteId });

export const supervisorSchemas = {
  /** Follow one site's live view: answered with the view, then `supervisor:updated` as it changes. */
  'supervisor:watch': siteRef,
  'supervisor:unwatch': siteRef,
  /** A note to the agent holding the conversation: staff see it, the shopper never does. */
  'supervisor:whisper': z.object({ conversationId: c.conversationId, clientId: c.clientMessageId, text: c.messageText }),
  /** The supervisor takes the conversation over from whoever holds it. */
  'supervisor:take-over': c.conversationRef,
  /** Moves a held conversation to another agent of its site. */
  'supervisor:move': z.object({ conversationId: c.conversationId, toAgentId: c.agentId }),
  /** One-click mitigations offered by the peak warning. */
  'supervisor:mitigate': z.object({ siteId: c.siteId, action: z.enum(['bot-first', 'raise-capacity', 'call-in']) }),
} as const;

export type SupervisorSchemas = typeof supervisorSchemas;
