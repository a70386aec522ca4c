// Entry of the worker side of activation-widgets.js (tools/bundle.mjs): when the bundle is started
// as a Worker it runs this instead of defining the elements — the race's training (race/worker.js),
// or <activation-speed>'s timed calls (speed/worker.js), each in a worker of its own.
import { startWorker } from '../widgets/race/worker.js';
import { measureSpeed } from '../widgets/speed/worker.js';

startWorker(self);
const race = self.onmessage;
self.onmessage = (ev) => { if (ev.data?.type === 'speed') measureSpeed(self, ev.data); else race(ev); };
