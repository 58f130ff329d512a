import type { ActionAuditEntry, OrderActionView } from '@counter/shared';
import type { ActionAuditDoc, ActionDoc } from '../../store/documents.js';

export function actionView(doc: ActionDoc): OrderActionView {
  const { _id, customerId: _c, reservedOn: _r, runningSince: _s, ...rest } = doc;
  return { idempotencyKey: _id, ...rest };
}

export function auditView(doc: ActionAuditDoc): ActionAuditEntry {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}
