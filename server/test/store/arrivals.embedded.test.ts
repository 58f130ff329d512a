import { arrivalsContract } from './arrivals-contract.js';
import { embeddedHarness } from './harnesses.js';

arrivalsContract('embedded (SQLite, on disk)', () => embeddedHarness('counter-arrivals-'));
