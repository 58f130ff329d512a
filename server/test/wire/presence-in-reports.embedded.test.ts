import { presenceInReportsSuite } from './presence-in-reports-suite.js';

presenceInReportsSuite('embedded', () => ({}));
