import { afterSalesContract } from './after-sales-contract.js';
import { storeContract } from './contract.js';
import { embeddedHarness } from './harnesses.js';

storeContract('embedded (SQLite, on disk)', () => embeddedHarness());
// After-sales (issue 12): the ledger, daily totals, audit and limits on the same adapter.
afterSalesContract('embedded (SQLite, on disk)', () => embeddedHarness());
