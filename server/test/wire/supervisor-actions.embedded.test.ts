import { supervisorSuite } from './supervisor-suite.js';

supervisorSuite('embedded store', () => ({}));
