/** The shopper's return requests (issue 12 item 4), types inferred from schemas/returns.ts. */
import type { z } from 'zod';
import type { ConversationId } from './ids.js';
import type { Millis } from './domain.js';
import type * as s from './schemas/returns.js';

export type ReturnReason = z.output<typeof s.returnReason>;
export type ReturnPolicy = z.output<typeof s.returnPolicy>;

/** Where a return stands; each stage reached is a step of its timeline. */
export type ReturnStage = 'requested' | 'pending_approval' | 'approved' | 'rejected' | 'received' | 'refunded';

/** One return request; the same view for its shopper and the conversation's agents (nothing staff-only in it). */
export interface ReturnRequestView {
  id: string;
  conversationId: ConversationId;
  orderId: string;
  orderNumber: string;
  currency: string;
  lines: { lineId: string; title: string; quantity: number; unitPrice: number }[];
  reason: ReturnReason;
  note: string | null;
  attachmentIds: string[];
  stage: ReturnStage;
  /** Oldest first. */
  steps: { stage: ReturnStage; at: Millis }[];
  /** Quality problems: the reply the shop owes, set by the server when filed; null otherwise. */
  dueAt: Millis | null;
  /** The shop's return id, once filed with the shop. */
  returnId: string | null;
  createdAt: Millis;
}
