// Where <activation-race> trains: in a Worker with its own wasm instance (race/worker.js), so the
// page's main thread only draws, or on the main thread in frame-budgeted slices where a worker
// cannot start (file://, a Content-Security-Policy without worker-src, no Worker, the element's
// worker="off"). Both give the same numbers: the worker builds the same Race from the same settings
// and seed, and every change it posts (race/changes.js) is copied into the page's Race — the weights
// into its networks — so drawing, exports and networkJSON() read the page's Race either way.
//
//   const t = WorkerTrainer.start({ onChange, onFail, onLost });   // null when no worker can start
//   t.setRace(race);  t.run(true | false);  await t.step();  t.dispose();
//   t.drawChart(spec, width, height, dpr) -> Promise<ImageBitmap | null>: the loss chart rasterized
//   in the worker (null, and t.drawsCharts false from then on, where the worker cannot draw)
//   onChange(msg)  after a message's changes were applied (msg.finished, msg.ticket)
//   onFail(text)   the worker's training threw (the race shows the message, as on the main thread)
//   onLost()       the worker could not start (script refused, CSP): train on the main thread instead
// For measurements only: globalThis.activationRaceWorkerSlowdown = k makes the worker k× slower
// (tools/perf/race.mjs: DevTools' CPU throttling slows the page's threads, not its workers).
import * as engine from '../../engine.js';
import { applyChange } from './changes.js';

export class WorkerTrainer {
  static start(handlers) {
    const worker = engine.startBundleWorker();
    return worker && new WorkerTrainer(worker, handlers);
  }

  constructor(worker, { onChange, onFail, onLost }) {
    Object.assign(this, { worker, onChange, onFail, onLost, race: null, gen: 0, running: false, heard: false, tickets: new Map(), nextTicket: 1, drawsCharts: true });
    worker.onmessage = (ev) => this.receive(ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      if (!this.heard) { this.dispose(); this.onLost(); } // never started: the main thread takes over
      else this.onFail(ev.message || 'worker error');
    };
    worker.onmessageerror = () => this.onFail('worker message error');
  }

  // A new race: the worker builds the same one (the previous one is dropped on both sides).
  setRace(race) {
    this.race = race;
    this.applied = false;
    this.gen++;
    this.running = false;
    this.settle();
    engine.postWithModule(this.worker, { type: 'race', gen: this.gen, cfg: race.cfg, slowdown: globalThis.activationRaceWorkerSlowdown });
  }

  // Trains while `want` (playing and on screen), else holds.
  run(want) {
    if (want === this.running || !this.race) return;
    this.running = want;
    this.worker.postMessage({ type: want ? 'play' : 'pause', gen: this.gen });
  }

  // One epoch of every network still training; resolves once its numbers are in the page's Race.
  step() {
    this.running = false;
    const ticket = this.nextTicket++;
    this.worker.postMessage({ type: 'step', gen: this.gen, ticket });
    return new Promise((resolve) => this.tickets.set(ticket, resolve));
  }

  drawChart(spec, width, height, dpr) {
    const ticket = this.nextTicket++;
    this.worker.postMessage({ type: 'chart', ticket, spec, width, height, dpr });
    return new Promise((resolve) => this.tickets.set(ticket, resolve));
  }

  receive(msg) {
    this.heard = true;
    if (msg.type === 'chart') {
      if (!msg.bitmap) this.drawsCharts = false;
      const resolve = this.tickets.get(msg.ticket);
      this.tickets.delete(msg.ticket);
      if (resolve) resolve(msg.bitmap); else msg.bitmap?.close();
      return;
    }
    if (msg.gen !== this.gen || !this.race) return;
    if (msg.type === 'error') { // before any numbers came (e.g. its wasm did not load): the page takes over
      this.running = false;
      if (this.applied) this.onFail(msg.message); else { this.dispose(); this.onLost(); }
      return;
    }
    if (msg.type !== 'update') return;
    this.applied = true;
    msg.entries.forEach((c, i) => { if (this.race.entries[i]) applyChange(this.race.entries[i], c); });
    if (msg.finished) this.running = false;
    this.onChange(msg);
    if (msg.ticket) { this.tickets.get(msg.ticket)?.(); this.tickets.delete(msg.ticket); }
  }

  settle() { for (const resolve of this.tickets.values()) resolve(); this.tickets.clear(); }

  dispose() {
    this.settle();
    this.worker.terminate();
    this.race = null;
  }
}

// The worker training race `w` (an <activation-race>), started the first time its race needs training;
// null where training stays on the main thread (worker="off", or no worker could start). A race is
// trained by one side only, from its first epoch: the worker, once chosen, gets every new race.
export function workerFor(w) {
  if (w.opts?.worker === 'off' || w.noWorker || !w.race) return null;
  if (!w.trainer) {
    w.trainer = WorkerTrainer.start({
      onChange: (msg) => w.onWorkerChange(msg),
      onFail: (text) => w.fail(text),
      onLost: () => { w.trainer = null; w.noWorker = true; w.loop.paced = false; w.schedule(); },
    });
    if (!w.trainer) { w.noWorker = true; return null; }
  }
  if (w.trainer.race !== w.race) w.trainer.setRace(w.race);
  w.loop.paced = true; // the frame loop only draws: one (empty) step per frame
  return w.trainer;
}

// True while race `w.race` is the worker's (its frames draw; they do not train).
export const trainedByWorker = (w) => !!w.trainer && w.trainer.race === w.race && !!w.race;

// While the worker trains `w`'s race it also rasterizes the loss chart (one request at a time; the
// next chart job sends the newer one) and the page only copies the bitmap in. False when the page
// must draw `spec` itself (not training, no worker, or a worker that cannot draw).
export function chartInWorker(w, spec) {
  const plot = w.plot;
  if (!w.loop.running || !trainedByWorker(w) || !w.trainer.drawsCharts) { w.pageCharts = (w.pageCharts || 0) + 1; return false; }
  plot.spec = spec; // what the picture shows, for the SVG export
  if (w.chartPending) return true;
  w.chartPending = true;
  const seq = w.pageCharts;
  w.trainer.drawChart(spec, plot.width, plot.height, plot.dpr).then((bitmap) => {
    w.chartPending = false;
    const c = plot.canvas;
    // unless the page drew the chart itself since (paused, resized, restyled)
    if (bitmap && seq === w.pageCharts && bitmap.width === c.width && bitmap.height === c.height) {
      plot.ctx.setTransform(1, 0, 0, 1, 0, 0);
      plot.ctx.drawImage(bitmap, 0, 0);
    }
    bitmap?.close();
  });
  return true;
}
