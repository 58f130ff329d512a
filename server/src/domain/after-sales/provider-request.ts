/** The request the shop receives, built from what the agent asked and the order we read. */
import type { OrderActionRequest } from '@counter/shared';
import type { ActionDoc } from '../../store/documents.js';

const DAY = 86_400_000;

export function providerRequest(doc: ActionDoc): OrderActionRequest {
  const base = { idempotencyKey: doc._id, orderId: doc.orderId, reason: doc.reason };
  const spec = doc.spec;
  switch (spec.kind) {
    case 'refund':
      return { kind: 'refund', ...base, ...(spec.amount !== undefined ? { amount: spec.amount } : {}), ...(spec.lines ? { lines: spec.lines } : {}) };
    case 'cancel':
      return { kind: 'cancel', ...base, ...(spec.lineIds ? { lineIds: spec.lineIds } : {}) };
    case 'return_request':
      return { kind: 'return_request', ...base, lines: spec.lines, attachmentIds: spec.attachmentIds };
    case 'return_update':
      return { kind: 'return_update', ...base, returnId: spec.returnId, step: spec.step, ...(spec.amount !== undefined ? { amount: spec.amount } : {}) };
    case 'voucher':
      return {
        kind: 'voucher',
        ...base,
        customerId: doc.customerId ?? '',
        value: spec.value,
        currency: doc.currency,
        // From the request's time, not the run's: an approval a day later keeps the expiry asked for.
        expiresAt: doc.createdAt + spec.expiresInDays * DAY,
      };
  }
}
