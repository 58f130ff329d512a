import { presenceHistoryContract } from './presence-history-contract.js';
import { embeddedHarness } from './harnesses.js';

presenceHistoryContract('embedded (SQLite, on disk)', () => embeddedHarness('counter-presence-'));
