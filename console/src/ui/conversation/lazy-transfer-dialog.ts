/** The transfer dialog: fetched the first time an agent opens it (issue 16). */
import { lazyPart } from '../common/lazy-part.js';

export const LazyTransferDialog = lazyPart(() => import('./TransferDialog.js').then((m) => m.TransferDialog), 'inline');
