// <activation-speed> — what each activation costs, measured live in this browser's WebAssembly:
// nanoseconds per element for f and f′ over random-sign inputs (engine.measureActivationSpeed, the
// C++ timer of cpp/speed.*), shown relative to ReLU, with a branch-free and an if/else ReLU side by
// side (with random signs the if/else version pays for mispredicted branches).
// The measurement runs one short call at a time in a Worker of its own (speed/measurer.js: a call
// of tens of ms on a phone is no long task of the page, and the page's drawing is not timed), or on
// the page in frame-budgeted slices where no worker starts; several rounds, only while the widget is
// on screen (a timing taken while the page loads measures the page); each bar is a trimmed mean
// over the rounds so far.
//
// Attributes (strict; invalid values show an inline message):
//   ids       activations (default all ten, in the post's order)
//   variants  ReLU variants to add: "branchless,branchy" (default), "" or "none" for none
//   n         elements per timed pass, the same for every row (same memory traffic): 16384–1048576,
//             default 131072 (two 1-MB arrays, cache-resident). A browser clock ticks in steps of up to
//             0.1 ms with random jitter, so a fast pass is timed coarsely: each bar is a trimmed mean over
//             rounds (the jittered rounding averages out), and one call stays around 2–20 ms.
//   reps      timed passes per call, 1–5 (default 1; each call also runs one untimed warm-up pass)
//   rounds    1–40 (default 16)     show  "f", "df" or "both" (default)     lang  ko|en
//   autoplay  "false": wait for the button instead of measuring when first on screen
//   worker    "off": measure on the page's main thread (default "auto": in a worker where one starts)
// Sets `ready` once drawn, `done` after the last round. Events: `progress` {round, rounds} after
// each round, `done` {rows: [{id, variant, label, color, f, df}]} (ns per element, trimmed means).
import { Widget, engine, h, define } from '../ui/widget.js';
import { attr } from '../ui/kit.js';
import { TITLES, AFTER_POST } from '../ui/chart-widget.js';
import { canvasDpr } from '../plot/draw.js';
import TEXT from '../text/activation-speed.js';
import { SpeedMeasurer } from './speed/measurer.js';

const POST = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'rrelu', 'prelu', 'elu', 'selu', 'maxout'];
const IDS = [...POST, ...AFTER_POST];

const STYLE = `
.title { font-weight: 600; margin: 0 0 6px; }
.bar { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin: 6px 0; }
.status { color: var(--w-muted); font-variant-numeric: tabular-nums; }
.summary, .note { color: var(--w-muted); font-size: 13px; margin: 4px 0; }
.summary { color: var(--w-fg); }
details { margin-top: 4px; font-size: 13px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin-top: 4px; }
th, td { padding: 2px 8px; text-align: right; border-bottom: 1px solid var(--w-grid); }
th[scope=row], thead th:first-child { text-align: left; }
`;

// Mean of the middle 60 % (drops a slow moment of a busy machine and the extremes of clock rounding).
const trimmedMean = (a) => {
  const s = [...a].sort((x, y) => x - y), cut = Math.floor(s.length * 0.2), mid = s.slice(cut, s.length - cut);
  return mid.reduce((t, v) => t + v, 0) / mid.length;
};
const fmt = (v) => (v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));

class ActivationSpeed extends Widget {
  static TEXT = TEXT;
  static STYLE = STYLE;
  // the first picture needs no measuring: the same short frames from the start
  static FIRST_BUDGET_MS = 6;
  static ANNOUNCE = true;
  static ATTRS = ['ids', 'variants', 'n', 'reps', 'rounds', 'show', 'autoplay', 'worker'];

  skeleton() {
    const $ = this.$;
    Object.assign($, {
      title: h('p', { class: 'title' }), button: h('button', { type: 'button', name: 'measure' }), status: h('span', { class: 'status' }),
      canvas: h('canvas', { role: 'img' }), summary: h('p', { class: 'summary' }), note: h('p', { class: 'note' }),
      tableText: h('summary'), table: h('table'),
    });
    $.main.append($.title, $.canvas, h('div', { class: 'bar' }, $.button, this.exportButtons({ table: () => $.table }), $.status),
      $.summary, $.note, h('details', {}, $.tableText, $.table));
    this.askFirst([$.canvas, $.summary, $.table.parentElement], $.title);
    // the button measures now, on screen or not yet (autoplay or not)
    $.button.addEventListener('click', () => { this.armed = true; this.restart(); });
  }

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    const v = g('variants');
    return {
      ids: attr.list('ids', g('ids'), IDS, POST),
      variants: v != null && (v.trim() === '' || v.trim() === 'none') ? [] : attr.list('variants', v, ['branchless', 'branchy'], ['branchless', 'branchy']),
      n: attr.int('n', g('n'), { min: 16384, max: 1048576, def: 131072 }),
      reps: attr.int('reps', g('reps'), { min: 1, max: 5, def: 1 }),
      rounds: attr.int('rounds', g('rounds'), { min: 1, max: 40, def: 16 }),
      show: attr.choice('show', g('show'), ['f', 'df', 'both'], 'both'),
      autoplay: g('autoplay') !== 'false' && !ActivationSpeed.reducedMotion(), // reduced motion: wait for the button
      worker: attr.choice('worker', g('worker'), ['auto', 'off'], 'auto'),
    };
  }

  // A new configuration measures on screen when autoplay says so; the button arms it too.
  configure(how) { this.armed = null; super.configure(how); }

  build() {
    const T = this.T, $ = this.$;
    $.title.textContent = T.title;
    $.note.textContent = T.note;
    $.tableText.textContent = T.table;
    $.canvas.setAttribute('aria-label', T.title);
  }

  start() {
    const o = this.opts;
    this.armed ??= o.autoplay;
    this.rows = [];
    for (const id of o.ids) {
      this.rows.push({ id, variant: 'default', f: [], df: [] });
      if (id === 'relu') for (const variant of o.variants) this.rows.push({ id, variant, f: [], df: [] });
    }
    // interleave the rows round by round, so a slow moment of the machine hits every row alike
    this.queue = [];
    for (let k = 0; k < o.rounds; k++) for (let i = 0; i < this.rows.length; i++) this.queue.push([k, i]);
    this.round = 0;
    this.emitted = false;
    this.measuring = null; // the worker's call in flight
    this.calls = { worker: 0, page: 0 };
    this.gen = (this.gen || 0) + 1;
  }

  // Measures only when armed, on screen (the base would also work before the first picture, which
  // here needs no measurement).
  schedule() {
    if (this.pending && this.armed && this.vis.visible) this.loop.start();
    else this.loop.stop();
  }

  // One short wasm call (n elements x (reps + 1 warm-up) for f and f′): in the worker (the frame
  // loop then only draws; each answer sends the next call while the widget measures), else here.
  step() {
    const w = this.measurer();
    if (w) {
      if (!this.measuring && this.queue.length) this.measureInWorker(w);
      return !!this.measuring || this.queue.length > 0;
    }
    if (!this.queue.length) return false;
    const [k, i] = this.queue.shift();
    const row = this.rows[i];
    this.record(k, i, engine.measureActivationSpeed(row.id, this.callOptions(row, k)), 'page');
    return this.queue.length > 0;
  }
  callOptions(row, k) { return { n: this.opts.n, reps: this.opts.reps, variant: row.variant, seed: 1 + k }; }
  // (`calls`: how many calls were timed where, {worker, page}, since the last start; tests read it)
  record(k, i, r, where) {
    this.calls[where]++;
    const row = this.rows[i];
    row.f.push(r.nsPerElementF);
    row.df.push(r.nsPerElementDf);
    this.round = k + 1;
    if (i === this.rows.length - 1) this.emit('progress', { round: this.round, rounds: this.opts.rounds });
  }

  // The worker measuring for this widget (started at the first call); null: measure on the page.
  measurer() {
    if (this.opts.worker === 'off' || this.noWorker) return null;
    if (!this.speedWorker) {
      this.speedWorker = SpeedMeasurer.start();
      if (!this.speedWorker) { this.noWorker = true; return null; }
      this.loop.paced = true; // the frame loop only draws: one (empty) step per frame
    }
    return this.speedWorker;
  }
  measureInWorker(w) {
    const [k, i] = this.queue.shift(), gen = this.gen, row = this.rows[i];
    this.measuring = w.measure(row.id, this.callOptions(row, k)).then((r) => {
      if (gen !== this.gen) return;
      this.measuring = null;
      this.record(k, i, r, 'worker');
      if (this.loop.running && this.queue.length) this.measureInWorker(w); // the next call at once, not a frame later
    }, (e) => {
      if (gen !== this.gen || e.stopped) return;
      this.measuring = null;
      if (!e.lost) { this.fail(e.message); return; }
      // the worker never started (its script refused): this call and the rest on the page
      this.queue.unshift([k, i]);
      this.speedWorker = null;
      this.noWorker = true;
      this.loop.paced = false;
      this.schedule();
    });
  }
  dispose() { this.speedWorker?.dispose(); this.speedWorker = null; this.measuring = null; }

  // `done` once the attribute is set (the base sets it in draw()).
  draw() {
    super.draw();
    if (this.finished && !this.emitted && this.hasAttribute('done')) { this.emitted = true; this.emit('done', { rows: this.results() }); }
  }

  results() {
    const T = this.T;
    return this.rows.map((r) => ({
      id: r.id, variant: r.variant, label: r.variant === 'default' ? TITLES[r.id] : T[r.variant], color: this.color(r.id),
      f: r.f.length ? trimmedMean(r.f) : NaN, df: r.df.length ? trimmedMean(r.df) : NaN,
    }));
  }

  resize(w) { this.width = Math.max(200, w || 320); }

  render() {
    const T = this.T, $ = this.$, o = this.opts;
    const res = this.results();
    const ref = res.find((r) => r.id === 'relu' && r.variant === 'default') || res.find((r) => r.id === 'relu') || res[0];
    const done = this.finished;
    $.button.textContent = this.round > 0 ? `↻ ${T.again}` : `▶ ${T.start}`;
    $.status.textContent = done ? T.done(o.rounds) : this.round > 0 ? T.measuring(this.round, o.rounds) : (this.armed ? T.waiting : '');
    $.table.replaceChildren(h('thead', {}, h('tr', {}, ...T.th.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...res.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, Number.isFinite(r.f) ? fmt(r.f) : '…'),
        h('td', {}, Number.isFinite(r.df) ? fmt(r.df) : '…'), h('td', {}, Number.isFinite(r.f) && ref.f > 0 ? `${(r.f / ref.f).toFixed(2)}×` : '…')))));
    const get = (id, v = 'default') => res.find((r) => r.id === id && r.variant === v);
    const by = get('relu', 'branchy'), bl = get('relu', 'branchless'), sg = get('sigmoid'), el = get('elu');
    $.summary.textContent = done && by && bl && sg && el && ref.f > 0
      ? T.summary((by.f / bl.f).toFixed(1), (sg.f / ref.f).toFixed(1), (el.f / ref.f).toFixed(1)) : '';
    this.paint(res, ref, T);
  }

  // the base's text alternative: the result sentence once measured, else what is happening
  summary() { return this.$.summary.textContent || [this.T.title, this.$.status.textContent].filter(Boolean).join(': '); }

  // Horizontal bars: f solid, f′ translucent with an outline; the dashed line is ReLU's f.
  paint(res, ref, T) {
    const canvas = this.$.canvas, th = this.theme, fs = th.fontSize, w = this.width;
    const both = this.opts.show === 'both', keys = both ? ['f', 'df'] : [this.opts.show];
    const rowH = both ? 26 : 18, top = fs + 10, height = top + res.length * rowH + 6;
    const dpr = canvasDpr();
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(height * dpr)) { canvas.width = Math.round(w * dpr); canvas.height = Math.round(height * dpr); }
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = th.bg;
    ctx.fillRect(0, 0, w, height);
    ctx.font = `${fs}px ${th.fontFamily}`;
    let labelW = 0;
    for (const r of res) labelW = Math.max(labelW, ctx.measureText(r.label).width);
    const L = Math.min(labelW + 8, w * 0.42), R = w - 52;
    let max = 0;
    for (const r of res) for (const k of keys) if (Number.isFinite(r[k])) max = Math.max(max, r[k]);
    max = max > 0 ? max * 1.05 : 1;
    const sx = (v) => L + (v / max) * (R - L);
    // header: legend
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillStyle = th.muted;
    const names = both ? `▮ ${T.f}   ▯ ${T.df}` : (keys[0] === 'f' ? T.f : T.df);
    const long = `${names}   (${T.unit}; × = ${T.rel})`;
    const legend = ctx.measureText(long).width < w - L - 4 ? long : `${names}   (× ${T.rel})`;
    ctx.fillText(legend, Math.max(0, Math.min(L, w - 4 - ctx.measureText(legend).width)), fs / 2 + 3);
    // ReLU reference line
    if (Number.isFinite(ref.f) && ref.f > 0) {
      ctx.strokeStyle = th.axis;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(Math.round(sx(ref.f)) + 0.5, top - 2);
      ctx.lineTo(Math.round(sx(ref.f)) + 0.5, height - 2);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    res.forEach((r, i) => {
      const y = top + i * rowH;
      ctx.fillStyle = th.fg;
      ctx.textAlign = 'right';
      let label = r.label;
      while (ctx.measureText(label).width > L - 6 && label.length > 4) label = `${label.slice(0, -2)}…`;
      ctx.fillText(label, L - 6, y + rowH / 2 - 1);
      keys.forEach((k, j) => {
        const v = r[k], bh = both ? 10 : 12, by = y + 2 + j * (bh + 1);
        if (!Number.isFinite(v)) return;
        ctx.fillStyle = r.color;
        ctx.globalAlpha = k === 'f' ? 1 : 0.45;
        ctx.fillRect(L, by, Math.max(1, sx(v) - L), bh);
        ctx.globalAlpha = 1;
        if (k === 'df') { ctx.strokeStyle = r.color; ctx.strokeRect(L + 0.5, by + 0.5, Math.max(1, sx(v) - L) - 1, bh - 1); }
        if (ref[k] > 0) {
          ctx.fillStyle = th.muted;
          ctx.textAlign = 'left';
          ctx.fillText(`${(v / ref[k]).toFixed(1)}×`, Math.min(sx(v) + 4, R + 4), by + bh / 2);
        }
      });
    });
  }
  // Sigmoid's f against ReLU's, ns per element, from this browser's measurement.
  outcome() {
    if (!this.finished) return null;
    const res = this.results(), f = (id) => res.find((r) => r.id === id && r.variant === 'default')?.f;
    const s = f('sigmoid'), r = f('relu');
    if (!(s > 0 && r >= 0)) return null;
    // ReLU can fall below a coarse browser clock (0 ns measured): then sigmoid is many times slower
    const ratio = r > 0 ? s / r : Infinity;
    return { correct: ratio < 1.5 ? 0 : ratio <= 5 ? 1 : 2,
      measured: `sigmoid ${s.toFixed(2)} ns, ReLU ${r.toFixed(2)} ns (${r > 0 ? `×${ratio.toFixed(1)}` : '×∞'})` };
  }
}

define('activation-speed', ActivationSpeed);
