// <leaky-compare> — the leaky ReLU family trained side by side in C++ (engine.createLeakyCompare):
// the same data, the same initial weights, the same mini-batches; only the hidden activation differs.
//   view="alpha"  relu vs leaky_relu α=0.01 vs α=0.2: test and training loss per epoch
//   view="prelu"  PReLU's learned α of every hidden unit per epoch (all start at 0.25)
//   view="rrelu"  RReLU's training-mode loss (random slopes) vs its eval-mode losses, and its
//                 test − train gap next to a LeakyReLU fixed at RReLU's eval slope (l+u)/2
//
// Attributes (strict; invalid values show an inline message):
//   view       alpha|prelu|rrelu (default alpha)        dataset  circle|xor|gaussian|spiral (also the select)
//   epochs     10–1000 (150)   lr  (0, 1]   optimizer sgd|momentum|adam   batch 1–500 (16)
//   hidden     widths like "8,8" (1–4 layers of 1–64)   noise [0, 1]   points 50–2000 (400)   seed (1)
//   Defaults per view — alpha: circle, hidden 3,3,3, momentum, lr 0.1, noise 0.2 (a narrow deep net, where
//   the negative-side slope matters); prelu: xor, hidden 8,8, adam, lr 0.01, noise 0.3; rrelu: circle,
//   100 points, hidden 32,32, adam, lr 0.01, noise 0.5, 200 epochs (a set-up that overfits).
//   alphas     view=alpha: the two α values (default "0.01,0.2")
//   lower upper  view=rrelu: RReLU's slope interval (default 0.125, 0.3333)
//   autoplay   "false": wait for ▶ instead of training when first on screen       lang  ko|en
// Sets `ready` once drawn (epoch 0), `done` when the last epoch is trained; trains only on screen.
// Events: `progress` {epoch, records} after each epoch, `done` {epoch, records} at the end (one
// record per run: trainLoss, evalTrainLoss, testLoss, testAccuracy, alphas, diverged), `change`
// {control: 'dataset', value} when the reader picks another data set.
import { Widget, engine, h, define } from '../ui/widget.js';
import { AttrError, attr, shown } from '../ui/kit.js';
import { Plot } from '../plot/plot.js';
import TEXT from '../text/leaky-compare.js';

const DATASETS = ['circle', 'xor', 'gaussian', 'spiral'];

const STYLE = `
.title { font-weight: 600; margin: 0 0 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 13px; color: var(--w-muted); margin-bottom: 4px; }
.legend span { min-width: 0; } /* long labels wrap on a phone (nowrap overflowed 375 px by 47 px) */
.legend i { display: inline-block; width: 20px; border-top: 3px solid; vertical-align: middle; margin-right: 5px; }
.legend i.dash { border-top-style: dashed; } .legend i.thin { border-top-width: 1px; }
.controls { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin: 6px 0 2px; }
.status { color: var(--w-muted); font-variant-numeric: tabular-nums; }
.stats { font-size: 13px; margin-top: 4px; overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 1px 8px; text-align: right; border-bottom: 1px solid var(--w-grid); }
th[scope=row], thead th:first-child { text-align: left; }
.line { color: var(--w-muted); font-size: 13px; margin: 4px 0 0; }
`;

const f3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const VIEW_DEFAULTS = {
  alpha: { dataset: 'circle', hidden: [3, 3, 3], optimizer: 'momentum', lr: 0.1, noise: 0.2 },
  prelu: { dataset: 'xor', hidden: [8, 8], optimizer: 'adam', lr: 0.01, noise: 0.3 },
  // few points, wide layers, heavy noise: built to overfit, so the regularising effect has room to show
  rrelu: { dataset: 'circle', hidden: [32, 32], optimizer: 'adam', lr: 0.01, noise: 0.5, points: 100, epochs: 200 },
};
function widths(raw, def) {
  if (raw == null || raw.trim() === '') return def;
  const parts = raw.split(',');
  if (parts.length > 4) throw new AttrError((C, lang) => TEXT[lang].hiddenCount(shown(raw)));
  return parts.map((p, i) => attr.int(`hidden[${i}]`, p, { min: 1, max: 64 }));
}

// The networks of a view: the engine's spec, the colour's activation id, the label, the line style.
function runsOf(o) {
  if (o.view === 'alpha') {
    return [
      { spec: { activation: 'relu' }, id: 'relu', label: () => 'ReLU' },
      { spec: { activation: 'leaky_relu', params: { alpha: o.alphas[0] } }, id: 'leaky_relu', label: () => `LeakyReLU α=${o.alphas[0]}`, dash: [7, 4] },
      { spec: { activation: 'leaky_relu', params: { alpha: o.alphas[1] } }, id: 'leaky_relu', label: () => `LeakyReLU α=${o.alphas[1]}`, width: 2.6 },
    ];
  }
  if (o.view === 'prelu') return [{ spec: { activation: 'prelu' }, id: 'prelu', label: () => 'PReLU' }];
  const mid = +((o.lower + o.upper) / 2).toFixed(4);
  return [
    { spec: { activation: 'rrelu', params: { lower: o.lower, upper: o.upper } }, id: 'rrelu', label: () => 'RReLU' },
    { spec: { activation: 'leaky_relu', params: { alpha: mid } }, id: 'leaky_relu', label: (T) => T.fixed(mid), dash: [7, 4] },
  ];
}

class LeakyCompare extends Widget {
  static TEXT = TEXT;
  static STYLE = STYLE;
  static ANNOUNCE = true;
  static ATTRS = ['view', 'dataset', 'epochs', 'lr', 'optimizer', 'batch', 'hidden', 'noise', 'points', 'seed', 'alphas', 'lower', 'upper', 'autoplay'];
  static CONTROLS = { dataset: 'dataset' };
  // the first picture (epoch 0) needs no training: the same short frames from the start
  static FIRST_BUDGET_MS = 8;
  static BUDGET_MS = 8;

  skeleton() {
    const $ = this.$;
    Object.assign($, {
      title: h('p', { class: 'title' }), legend: h('div', { class: 'legend' }), canvas: h('canvas', { role: 'img' }),
      play: h('button', { type: 'button', name: 'play' }), restart: h('button', { type: 'button', name: 'restart' }),
      dataset: h('select', { name: 'dataset' }, ...DATASETS.map((d) => h('option', { value: d }))), datasetText: h('span'),
      status: h('span', { class: 'status', 'aria-live': 'off' }), stats: h('div', { class: 'stats' }), line: h('p', { class: 'line' }),
    });
    $.main.append($.title, $.legend, $.canvas,
      h('div', { class: 'controls' }, $.play, $.restart, h('label', {}, $.datasetText, ' ', $.dataset), $.status), $.line, $.stats,
      // downloads: the loss plot (PNG / SVG) and the results table (CSV)
      h('div', { class: 'controls exports' }, this.exportButtons({ plot: () => this.plot, table: () => $.stats.querySelector('table'), name: () => this.fileName() })));
    this.plot = new Plot($.canvas);
    this.askFirst([$.legend, $.canvas, $.line, $.stats], $.title);
    $.play.addEventListener('click', () => {
      if (this.finished) { this.paused = false; this.restart(); return; }
      this.paused = !this.paused;
      this.schedule();
      this.draw();
    });
    $.restart.addEventListener('click', () => { this.paused = false; this.restart(); });
    // a new data set trains from the start (the base reflects it to the attribute and fires `change`)
    $.dataset.addEventListener('change', () => { this.paused = false; this.restart(); });
  }

  fileName() { return `leaky-compare-${this.opts?.view || 'alpha'}`; }

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    const view = attr.choice('view', g('view'), ['alpha', 'prelu', 'rrelu'], 'alpha');
    const alphasRaw = g('alphas');
    const alphas = alphasRaw == null || alphasRaw.trim() === '' ? [0.01, 0.2] : alphasRaw.split(',').map((s, i) => attr.number(`alphas[${i}]`, s, { min: 0, max: 1 }));
    if (alphas.length !== 2) throw new AttrError((C, lang) => TEXT[lang].alphasCount(shown(alphasRaw)));
    const lower = attr.number('lower', g('lower'), { min: 0, max: 1, def: 0.125 }), upper = attr.number('upper', g('upper'), { min: 0, max: 1, def: 1 / 3 });
    if (lower > upper) throw new AttrError((C, lang) => TEXT[lang].lowerUpper(lower, upper));
    const D = VIEW_DEFAULTS[view];
    return {
      view, alphas, lower, upper,
      dataset: attr.choice('dataset', g('dataset'), DATASETS, D.dataset),
      epochs: attr.int('epochs', g('epochs'), { min: 10, max: 1000, def: D.epochs ?? 150 }),
      lr: attr.number('lr', g('lr'), { min: 1e-5, max: 1, def: D.lr }),
      optimizer: attr.choice('optimizer', g('optimizer'), ['sgd', 'momentum', 'adam'], D.optimizer),
      batch: attr.int('batch', g('batch'), { min: 1, max: 500, def: 16 }),
      hidden: widths(g('hidden'), D.hidden),
      noise: attr.number('noise', g('noise'), { min: 0, max: 1, def: D.noise }),
      points: attr.int('points', g('points'), { min: 50, max: 2000, def: D.points ?? 400 }),
      seed: attr.int('seed', g('seed'), { min: 0, max: 1e9, def: 1 }),
      autoplay: g('autoplay') !== 'false' && !LeakyCompare.reducedMotion(), // reduced motion: the first picture and ▶
    };
  }

  // A new configuration plays or waits as autoplay says; ▶, ↺ and the select play.
  configure(how) { this.paused = null; super.configure(how); }

  build() {
    const T = this.T, $ = this.$, o = this.opts;
    $.title.textContent = T.title[o.view];
    $.canvas.setAttribute('aria-label', T.title[o.view]);
    $.datasetText.textContent = T.dataset;
    $.restart.textContent = `↺ ${T.restart}`;
    for (const opt of $.dataset.options) opt.textContent = T.datasets[opt.value];
    $.dataset.value = o.dataset;
  }

  start() {
    const o = this.opts;
    this.paused ??= !o.autoplay;
    this.dispose();
    this.runList = runsOf(o);
    this.compare = engine.createLeakyCompare({
      runs: this.runList.map((r) => r.spec), dataset: this.$.dataset.value, points: o.points, noise: o.noise, hidden: o.hidden,
      optimizer: o.optimizer, learningRate: o.lr, batchSize: o.batch, seed: o.seed,
    });
    this.epoch = 0;
    this.hist = this.compare.evaluate().map((r) => [r]);
    this.emitted = false;
  }

  dispose() { this.compare?.dispose(); this.compare = null; }

  // Trains only on screen and while not paused: the first picture (epoch 0) needs no training.
  schedule() {
    if (this.pending && !this.paused && this.vis.visible) this.loop.start();
    else this.loop.stop();
  }

  step() {
    if (this.epoch >= this.opts.epochs) return false;
    const recs = this.compare.step();
    this.epoch++;
    recs.forEach((r, i) => this.hist[i].push(r));
    this.emit('progress', { epoch: this.epoch, records: recs });
    return this.epoch < this.opts.epochs;
  }

  // `done` once the attribute is set (the base sets it in draw()).
  draw() {
    super.draw();
    if (this.finished && !this.emitted && this.hasAttribute('done')) {
      this.emitted = true;
      this.emit('done', { epoch: this.epoch, records: this.hist.map((l) => l.at(-1)) });
    }
  }

  runColor(i) { return this.color(this.runList[i].id); }

  series(i, key, extra = {}) {
    const list = this.hist[i], x = new Float64Array(list.length), y = new Float64Array(list.length);
    list.forEach((r, k) => { x[k] = k; y[k] = typeof key === 'function' ? key(r) : r[key]; });
    const run = this.runList[i];
    return { x, y, color: this.runColor(i), width: run.width || 1.8, dash: run.dash, ...extra };
  }

  resize(w) {
    const width = Math.max(220, w || 320);
    this.plot.resize(width, width < 480 ? 300 : 340);
  }

  render() {
    const T = this.T, o = this.opts, th = this.theme, $ = this.$;
    // RReLU's test loss: a colour apart from the activations' (the palette's first class colour)
    const testColor = this.paletteColor('class-0');
    let panels;
    if (o.view === 'alpha') {
      panels = [
        { label: T.test, series: this.hist.map((_, i) => this.series(i, 'testLoss')) },
        { label: T.train, weight: 0.8, series: this.hist.map((_, i) => this.series(i, 'evalTrainLoss')) },
      ];
    } else if (o.view === 'prelu') {
      const units = this.hist[0][0].alphas.length, series = [];
      let u = 0;
      o.hidden.forEach((wdt, l) => {
        for (let j = 0; j < wdt; j++, u++) {
          const k = u;
          series.push(this.series(0, (r) => r.alphas[k], { width: 1.3, dash: l % 2 ? [5, 3] : undefined }));
        }
      });
      panels = [{ label: T.alphaPanel, series, hlines: [{ y: 0.25, label: T.start }] }];
      if (units !== u) panels[0].series.length = 0;
    } else {
      const gap = (r) => r.testLoss - r.evalTrainLoss;
      panels = [
        { label: 'RReLU', series: [
          this.series(0, 'trainLoss', { width: 1.1, dash: undefined }), this.series(0, 'evalTrainLoss', { dash: [7, 4] }),
          this.series(0, 'testLoss', { color: testColor, dash: undefined, width: 2 }),
        ] },
        { label: T.gap, weight: 0.8, series: [this.series(0, gap, { dash: undefined }), this.series(1, gap)] },
      ];
    }
    this.plot.render({ theme: th, x: { min: 0, max: o.epochs, label: T.x }, panels });
    $.status.textContent = T.epoch(this.epoch, o.epochs);
    $.play.textContent = this.paused || this.finished ? `▶ ${T.play}` : `❚❚ ${T.pause}`;
    this.legend(T, testColor);
    this.table(T);
  }

  legend(T, testColor) {
    const item = (label, color, cls = '') => { const i = h('i', { class: cls }); i.style.borderTopColor = color; return h('span', {}, i, label); };
    const o = this.opts, runs = this.runList, items = [];
    if (o.view === 'alpha') runs.forEach((r, i) => items.push(item(r.label(T), this.runColor(i), r.dash ? 'dash' : '')));
    else if (o.view === 'prelu') o.hidden.forEach((_, l) => items.push(item(T.layer(l + 1), this.runColor(0), l % 2 ? 'dash' : 'thin')));
    else {
      const c = this.runColor(0);
      items.push(item(`RReLU: ${T.trainMode}`, c, 'thin'), item(`RReLU: ${T.train}`, c, 'dash'), item(`RReLU: ${T.test}`, testColor),
        item(runs[1].label(T), this.runColor(1), 'dash'));
    }
    // the same legend is not built again at every drawing (new elements: style and layout again)
    const key = JSON.stringify(items.map((x) => [x.textContent, x.firstChild.className, x.firstChild.style.borderTopColor]));
    if (key !== this.legendKey) { this.legendKey = key; this.$.legend.replaceChildren(...items); }
  }

  table(T) {
    const o = this.opts, last = this.hist.map((x) => x.at(-1));
    const head = (cols) => h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, c))));
    let rows;
    if (o.view === 'alpha') {
      rows = last.map((r, i) => [this.runList[i].label(T), f3(r.evalTrainLoss), f3(r.testLoss), Number.isFinite(r.testAccuracy) ? `${(100 * r.testAccuracy).toFixed(1)}%` : '—']);
      this.$.line.textContent = '';
    } else if (o.view === 'prelu') {
      const a = Array.from(last[0].alphas);
      rows = a.map((v, k) => [String(k + 1), v.toFixed(3)]);
      const mean = a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
      this.$.line.textContent = T.alphaStats(Math.min(...a).toFixed(3), mean.toFixed(3), Math.max(...a).toFixed(3));
    } else {
      rows = last.map((r, i) => [this.runList[i].label(T), f3(r.trainLoss), f3(r.evalTrainLoss), f3(r.testLoss), f3(r.testLoss - r.evalTrainLoss)]);
      this.$.line.textContent = '';
    }
    this.tableData = { caption: `${T.title[o.view]} (${T.epoch(this.epoch, o.epochs)})`, head: T.th[o.view], rows };
    const table = h('table', {}, head(T.th[o.view]), h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r[0]), ...r.slice(1).map((c) => h('td', {}, c))))));
    // PReLU's per-unit table is long: keep it for screen readers only (a clipped <div>: a table ignores width: 1px)
    this.$.stats.replaceChildren(o.view === 'prelu' ? h('div', { class: 'sr-only' }, table) : table);
  }
  // the base's text alternative: PReLU's α line, else the table's numbers in one sentence
  summary() {
    const d = this.tableData;
    if (!d) return '';
    return this.opts.view === 'prelu' ? `${d.caption}: ${this.$.line.textContent}` : this.C.tableSummary(d.caption, d.head, d.rows);
  }
  predictText() { return this.T.predict[this.opts?.view ?? 'alpha']; }
  // The view's answer from the last epoch's records.
  outcome() {
    if (!this.finished || !this.hist?.length) return null;
    const o = this.opts, last = this.hist.map((x) => x.at(-1)), T = this.T;
    if (o.view === 'alpha') {
      const best = last.reduce((b, r, i) => (r.testLoss < last[b].testLoss ? i : b), 0);
      return { correct: best, measured: last.map((r, i) => `${this.runList[i].label(T)} ${f3(r.testLoss)}`).join(', ') };
    }
    if (o.view === 'prelu') {
      const a = Array.from(last[0].alphas), mn = Math.min(...a), mx = Math.max(...a), mean = a.reduce((s, v) => s + v, 0) / a.length;
      return { correct: mx - mn >= 0.05 ? 1 : Math.abs(mean) < 0.05 ? 2 : 0, measured: T.alphaStats(mn.toFixed(3), mean.toFixed(3), mx.toFixed(3)) };
    }
    const gap = last.map((r) => r.testLoss - r.evalTrainLoss), d = gap[0] - gap[1];
    return { correct: Math.abs(d) < 0.02 ? 1 : d < 0 ? 0 : 2, measured: last.map((r, i) => `${this.runList[i].label(T)} ${f3(gap[i])}`).join(', ') };
  }
}

define('leaky-compare', LeakyCompare);
