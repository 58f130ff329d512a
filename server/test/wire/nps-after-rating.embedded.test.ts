import { npsAfterRatingSuite } from './nps-after-rating-suite.js';

npsAfterRatingSuite('embedded', () => ({}));
