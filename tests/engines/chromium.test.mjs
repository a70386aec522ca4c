// The cross-engine checks (checks.mjs) in chromium (drivers.mjs says how it is driven).
import { engineSuite } from './suite.mjs';

engineSuite('chromium');
