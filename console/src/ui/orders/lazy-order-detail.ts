/** The order detail dialog with its after-sales forms: fetched when an agent first opens an order (issue 16). */
import { lazyPart } from '../common/lazy-part.js';

// With a requestId it draws a shopper's return request instead (issue 12 item 4): same chunk, no new loader in the main one.
export const LazyOrderDetail = lazyPart(() => import('./OrderDetail.js').then((m) => m.OrderPart), 'inline');
