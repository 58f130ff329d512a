import { embeddedHarness } from './harnesses.js';
import { kbContract } from './kb-contract.js';

kbContract('embedded (SQLite, on disk)', () => embeddedHarness());
