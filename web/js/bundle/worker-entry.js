// Entry of the worker side of activation-widgets.js (tools/bundle.mjs): when the bundle is started
// as a Worker it runs this instead of defining the elements — the race's training (race/worker.js).
import { startWorker } from '../widgets/race/worker.js';

startWorker(self);
