// The worker side of <activation-race>'s training (race/trainer.js is the page's side). Runs in a
// dedicated Worker with its own wasm instance: holds the same Race as the page (same settings, same
// seed, so the same data and the same initial weights), trains it while told to play, and posts what
// changed about every ~50 ms. The page copies those numbers and weights into its own Race, which it
// only ever draws from; nothing here touches a DOM.
//
// Page -> worker:  {type: 'race', gen, cfg, wasmModule?, slowdown?}  a new race (the previous one is freed);
//                  slowdown k > 1: every task (training or a chart) is followed by (k - 1)× its time
//                  idle (measurements only)
//                  {type: 'play', gen} {type: 'pause', gen} {type: 'step', gen, ticket}  (the page ends it: terminate())
//                  {type: 'chart', ticket, spec, width, height, dpr}  draw the loss chart (plot.js spec)
// Worker -> page:  {type: 'update', gen, entries: [change per network], ticket?}
//                  {type: 'chart', ticket, bitmap | null}  the chart as an ImageBitmap (null: cannot draw here)
//                  {type: 'error', gen, message}
// A message of an older generation is ignored on both sides.
import * as engine from '../../engine.js';
import { Race } from './model.js';
import { entryChange, nothingSent } from './changes.js';
import { Plot } from '../../plot/plot.js';

const SLICE_MS = 12;   // training between two looks at the message queue
const POST_EVERY_MS = 50;
const MEASURE_EVERY_MS = 200; // a network's boundary and accuracies are measured again this often

export function startWorker(scope) {
  let race = null, gen = -1, playing = false, sent = [], lastPost = 0, timer = null, slowdown = 1;
  let owedMs = 0; // idle time a slowed worker still owes for work done outside training (charts)
  const post = (msg, transfer) => scope.postMessage(msg, transfer);
  // all: every boundary measured now (the race stops here: the page shows exactly this state)
  const update = (extra = {}, all = false) => {
    if (!race) return;
    const now = performance.now();
    for (const e of race.entries) {
      if (e.boundaryEpoch !== e.epochs && (all || !(now - e.measuredAt < MEASURE_EVERY_MS))) { race.measure(e); e.measuredAt = now; }
    }
    const entries = race.entries.map((e, i) => entryChange(e, sent[i]));
    lastPost = performance.now();
    post({ type: 'update', gen, entries, finished: race.finished, ...extra },
      entries.flatMap((c) => (c.params ? [c.params.buffer] : [])));
  };
  const fail = (e) => { playing = false; post({ type: 'error', gen, message: e?.message ?? String(e) }); };
  // A task of training, then the next one after any waiting message (a MessageChannel hop is not
  // throttled like a nested setTimeout). With a slowdown k, the next task waits (k - 1)× the time
  // this one took: a k× slower core of its own, as a phone's worker has (waiting, not spinning, so
  // the measuring machine's other core stays the page's).
  const hop = new MessageChannel();
  hop.port1.onmessage = () => { timer = null; pump(); };
  const schedule = (waitMs = 0) => {
    if (timer || !playing) return;
    if (waitMs > 0) timer = setTimeout(() => { timer = null; pump(); }, waitMs);
    else { timer = true; hop.port2.postMessage(0); }
  };
  const pump = () => {
    if (!race || !playing) return;
    const t0 = performance.now();
    try {
      while (performance.now() - t0 < SLICE_MS && race.stepOne());
      if (race.finished) playing = false;
      if (!playing || performance.now() - lastPost >= POST_EVERY_MS) update({}, !playing);
    } catch (e) { fail(e); return; }
    const wait = (slowdown - 1) * (performance.now() - t0) + owedMs;
    owedMs = 0;
    schedule(wait);
  };
  const handle = async (m) => {
    if (m.type === 'race') {
      race?.dispose();
      race = null;
      playing = false;
      gen = m.gen;
      slowdown = Math.min(16, Math.max(1, Number(m.slowdown) || 1));
      await engine.ready({ wasmModule: m.wasmModule });
      race = new Race(m.cfg);
      sent = race.entries.map(nothingSent);
      return;
    }
    if (m.type === 'chart') { drawChart(m); return; }
    if (m.gen !== gen || !race) return;
    if (m.type === 'play') { playing = !race.finished; schedule(); }
    else if (m.type === 'pause') { if (playing) { playing = false; update({}, true); } }
    else if (m.type === 'step') { playing = false; race.stepAll(); update({ ticket: m.ticket }, true); }
  };
  // The loss chart, rasterized here (a CPU rasterizer spends tens of ms on twenty noisy curves; on
  // the page that was a long task of every chart update) and handed over as a bitmap.
  let plot = null;
  const drawChart = ({ ticket, spec, width, height, dpr }) => {
    let bitmap = null;
    const t0 = performance.now();
    try {
      plot ??= new Plot(new OffscreenCanvas(1, 1));
      plot.maxDpr = dpr;
      plot.resize(width, height, dpr);
      plot.render(spec);
      bitmap = plot.canvas.transferToImageBitmap();
    } catch { plot = null; } // no OffscreenCanvas (or no 2-D context on one): the page draws it
    owedMs += (slowdown - 1) * (performance.now() - t0); // a k× slower core draws it k× as long
    post({ type: 'chart', ticket, bitmap }, bitmap ? [bitmap] : []);
  };
  let queue = Promise.resolve();
  scope.onmessage = (ev) => { queue = queue.then(() => handle(ev.data)).catch(fail); };
}
