/** A return request as its shopper and the conversation's agents see it: the stored fields minus the internal ones. */
import type { ReturnRequestView } from '@counter/shared';
import type { ReturnRequestDoc } from '../../store/documents.js';

export function returnView(doc: ReturnRequestDoc): ReturnRequestView {
  const { _id, siteId: _s, visitorId: _v, customerId: _c, actionKey: _a, approveKey: _p, held: _h, holdUntil: _u, bought: _b, ...shown } = doc;
  return { id: _id, ...shown };
}
