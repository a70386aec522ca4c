// The cross-engine checks (checks.mjs) in webkit (drivers.mjs says how it is driven).
import { engineSuite } from './suite.mjs';

engineSuite('webkit');
