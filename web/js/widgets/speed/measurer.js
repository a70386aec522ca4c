// Where <activation-speed> times its calls: in a Worker running the widgets' bundle (speed/worker.js),
// or on the page's main thread where no worker can start (file://, a Content-Security-Policy
// without worker-src, no Worker, the element's worker="off"), as the race decides (race/trainer.js).
//
//   const m = SpeedMeasurer.start();          // null when no worker can start
//   const r = await m.measure(id, options);   // {nsPerElementF, nsPerElementDf}; a call at a time
//   m.dispose();
// measure() rejects with an Error whose `lost` is true when the worker never answered (its script
// was refused): the page measures on its own from then on.
import * as engine from '../../engine.js';

export class SpeedMeasurer {
  static start() {
    const worker = engine.startBundleWorker();
    return worker && new SpeedMeasurer(worker);
  }

  constructor(worker) {
    Object.assign(this, { worker, heard: false, sentModule: false, tickets: new Map(), next: 1 });
    worker.onmessage = (ev) => {
      const m = ev.data;
      if (m?.type !== 'speed') return;
      this.heard = true;
      const t = this.tickets.get(m.ticket);
      this.tickets.delete(m.ticket);
      if (!t) return;
      if (m.error !== undefined) t.reject(new Error(m.error)); else t.resolve(m.result);
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      const e = new Error(ev.message || 'worker error');
      e.lost = !this.heard; // never started: the page measures instead
      this.rejectAll(e);
    };
    worker.onmessageerror = () => this.rejectAll(new Error('worker message error'));
  }

  measure(id, options) {
    const ticket = this.next++;
    const msg = { type: 'speed', ticket, id, options };
    return new Promise((resolve, reject) => {
      this.tickets.set(ticket, { resolve, reject });
      if (this.sentModule) this.worker.postMessage(msg); else engine.postWithModule(this.worker, msg);
      this.sentModule = true;
    });
  }

  rejectAll(e) { for (const t of this.tickets.values()) t.reject(e); this.tickets.clear(); }

  dispose() {
    this.worker.terminate();
    const e = new Error('measurement stopped');
    e.stopped = true;
    this.rejectAll(e);
  }
}
