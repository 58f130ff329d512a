/** The order detail dialog with its after-sales forms: fetched when an agent first opens an order (issue 16). */
import { lazyPart } from '../common/lazy-part.js';

export const LazyOrderDetail = lazyPart(() => import('./OrderDetail.js').then((m) => m.OrderDetail), 'inline');
