/** The order detail dialog with its after-sales forms: fetched when an agent first opens an order (issue 16). */
import { lazyPart } from '../common/lazy-part.js';

export const LazyOrderDetail = lazyPart(() => import('./OrderDetail.js').then((m) => m.OrderDetail), 'inline');

/** A shopper's return request card, in the same chunk (one fetch, and the main chunk stays as it was). */
export const LazyReturnRequest = lazyPart(() => import('./OrderDetail.js').then((m) => m.ReturnRequestCard), 'inline');
