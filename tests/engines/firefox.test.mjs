// The cross-engine checks (checks.mjs) in firefox (drivers.mjs says how it is driven).
import { engineSuite } from './suite.mjs';

engineSuite('firefox');
