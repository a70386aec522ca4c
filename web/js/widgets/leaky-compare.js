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
// Sets `ready` once drawn, `done` when the last epoch is trained; pauses off screen; fires `epoch`.
import * as engine from '../engine.js';
import { h, AttrError, attr, lang, Visibility, FrameLoop, BASE_STYLE, showError, Widths } from '../ui/kit.js';
import { Plot } from '../plot/plot.js';
import { readTheme } from '../plot/theme.js';
import { exportButtons, csvButton } from '../plot/export.js';

const FALLBACK = { relu: '#0070af', leaky_relu: '#0e895c', rrelu: '#3d91c2', prelu: '#bf5f9b' };
const DATASETS = ['circle', 'xor', 'gaussian', 'spiral'];
const TEXT = {
  ko: {
    title: { alpha: 'LeakyReLU의 α: 0.01 대 0.2 (그리고 ReLU), 같은 데이터·같은 초기 가중치', prelu: 'PReLU가 학습하는 α (은닉 유닛마다 하나, 모두 0.25에서 출발)', rrelu: 'RReLU: 훈련 모드(무작위 기울기)와 평가 모드의 손실' },
    play: '재생', pause: '일시정지', restart: '처음부터', dataset: '데이터', epoch: (e, n) => `에포크 ${e}/${n}`,
    test: '테스트 손실', train: '훈련 세트 손실 (평가 모드)', trainMode: '훈련 모드 손실 (무작위 기울기, 에포크 평균)',
    alphaPanel: 'α (유닛별)', gap: '과대적합 간격: 테스트 − 훈련 손실', layer: (l) => `${l}번째 은닉층`, start: '시작값 0.25',
    fixed: (a) => `LeakyReLU α=${a} (RReLU의 평가 기울기로 고정)`,
    th: { alpha: ['활성화', '훈련 손실', '테스트 손실', '테스트 정확도'], rrelu: ['활성화', '훈련 모드 손실', '훈련 손실(평가)', '테스트 손실', '간격'], prelu: ['유닛', 'α'] },
    alphaStats: (mn, mean, mx) => `현재 α: 최소 ${mn}, 평균 ${mean}, 최대 ${mx}`,
    x: '에포크', engine: '계산 엔진을 불러오지 못했습니다: ',
  },
  en: {
    title: { alpha: 'LeakyReLU α: 0.01 vs 0.2 (and ReLU) — same data, same initial weights', prelu: 'The α PReLU learns (one per hidden unit, all start at 0.25)', rrelu: 'RReLU: training-mode loss (random slopes) vs eval mode' },
    play: 'play', pause: 'pause', restart: 'restart', dataset: 'data', epoch: (e, n) => `epoch ${e}/${n}`,
    test: 'test loss', train: 'training-set loss (eval mode)', trainMode: 'training-mode loss (random slopes, epoch mean)',
    alphaPanel: 'α (per unit)', gap: 'overfitting gap: test − training loss', layer: (l) => `hidden layer ${l}`, start: 'start 0.25',
    fixed: (a) => `LeakyReLU α=${a} (fixed at RReLU's eval slope)`,
    th: { alpha: ['activation', 'training loss', 'test loss', 'test accuracy'], rrelu: ['activation', 'training-mode loss', 'training loss (eval)', 'test loss', 'gap'], prelu: ['unit', 'α'] },
    alphaStats: (mn, mean, mx) => `α now: min ${mn}, mean ${mean}, max ${mx}`,
    x: 'epoch', engine: 'could not load the activation engine: ',
  },
};

const STYLE = `${BASE_STYLE}
:host { --plot-bg: var(--w-bg); --plot-fg: var(--w-fg); --plot-muted: var(--w-muted); --plot-grid: var(--w-grid);
  --plot-axis: var(--axis, #8a93a3); }
@media (prefers-color-scheme: dark) { :host { --plot-axis: var(--axis, #7d889b); } }
.title { font-weight: 600; margin: 0 0 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 13px; color: var(--w-muted); margin-bottom: 4px; }
.legend span { white-space: nowrap; }
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
function cssColor(el, name, fallback) { return getComputedStyle(el).getPropertyValue(name).trim() || fallback; }
const VIEW_DEFAULTS = {
  alpha: { dataset: 'circle', hidden: [3, 3, 3], optimizer: 'momentum', lr: 0.1, noise: 0.2 },
  prelu: { dataset: 'xor', hidden: [8, 8], optimizer: 'adam', lr: 0.01, noise: 0.3 },
  // few points, wide layers, heavy noise: built to overfit, so the regularising effect has room to show
  rrelu: { dataset: 'circle', hidden: [32, 32], optimizer: 'adam', lr: 0.01, noise: 0.5, points: 100, epochs: 200 },
};
function widths(raw, def) {
  if (raw == null || raw.trim() === '') return def;
  const parts = raw.split(',');
  if (parts.length > 4) throw new AttrError(`hidden="${raw}": 1 to 4 layers / 은닉층 1~4개`);
  return parts.map((p, i) => attr.int(`hidden[${i}]`, p, { min: 1, max: 64 }));
}

class LeakyCompare extends HTMLElement {
  static get observedAttributes() {
    return ['view', 'dataset', 'epochs', 'lr', 'optimizer', 'batch', 'hidden', 'noise', 'points', 'seed', 'alphas', 'lower', 'upper', 'autoplay', 'lang'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.$ = {
      title: h('p', { class: 'title' }), legend: h('div', { class: 'legend' }), canvas: h('canvas', { role: 'img' }),
      play: h('button', { type: 'button', name: 'play' }), restart: h('button', { type: 'button', name: 'restart' }),
      dataset: h('select', { name: 'dataset' }, ...DATASETS.map((d) => h('option', { value: d }, d))), datasetText: h('span'),
      status: h('span', { class: 'status', 'aria-live': 'off' }), stats: h('div', { class: 'stats' }), line: h('p', { class: 'line', 'aria-live': 'polite' }),
      error: h('div', { class: 'error', role: 'alert', hidden: '' }),
    };
    const $ = this.$;
    $.main = h('div', {}, $.title, $.legend, $.canvas,
      h('div', { class: 'controls' }, $.play, $.restart, h('label', {}, $.datasetText, ' ', $.dataset), $.status), $.line, $.stats,
      // downloads: the results table (CSV) and the loss plot (PNG / SVG)
      h('div', { class: 'controls exports' }, csvButton(this, () => $.stats.querySelector('table'), () => this.fileName()),
        exportButtons(this, () => this.plot, () => this.fileName())));
    root.append(h('style', {}, STYLE), $.error, $.main);
    this.plot = new Plot($.canvas);
    $.play.addEventListener('click', () => { this.paused = !this.paused; if (!this.paused && this.epoch >= this.opts.epochs) this.reset(); this.sync(); });
    $.restart.addEventListener('click', () => { this.paused = false; this.reset(); });
    $.dataset.addEventListener('change', () => {
      this.datasetOverride = $.dataset.value;
      this.paused = false;
      this.reset();
      // reflected for share.js without reconfiguring (the run above already uses it)
      this.reflecting = true;
      try { this.setAttribute('dataset', $.dataset.value); } finally { this.reflecting = false; }
      this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: { dataset: $.dataset.value } }));
    });
    this.loop = new FrameLoop({ step: () => this.trainOne(), draw: () => this.render(), budgetMs: 8 });
    this.vis = new Visibility(this, () => this.sync());
    this.widths = new Widths(() => { if (this.hist) this.render(); });
  }

  connectedCallback() {
    this.vis.start();
    this.widths.observe(this.$.main);
    engine.ready().then(() => { this.engineReady = true; this.configure(); },
      (e) => showError(this, this.$.error, this.$.main, TEXT[lang(this)].engine + e.message));
  }
  disconnectedCallback() { this.vis.stop(); this.widths.disconnect(); this.loop.stop(); this.compare?.dispose(); this.compare = null; }
  attributeChangedCallback(name) {
    if (this.reflecting) return;
    if (name === 'dataset') this.datasetOverride = undefined;
    if (this.engineReady) this.configure();
  }

  fileName() { return `leaky-compare-${this.opts?.view || 'alpha'}`; }

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    const view = attr.choice('view', g('view'), ['alpha', 'prelu', 'rrelu'], 'alpha');
    const alphasRaw = g('alphas');
    const alphas = alphasRaw == null || alphasRaw.trim() === '' ? [0.01, 0.2] : alphasRaw.split(',').map((s, i) => attr.number(`alphas[${i}]`, s, { min: 0, max: 1 }));
    if (alphas.length !== 2) throw new AttrError(`alphas="${alphasRaw}": two values like "0.01,0.2" / 값 두 개`);
    const lower = attr.number('lower', g('lower'), { min: 0, max: 1, def: 0.125 }), upper = attr.number('upper', g('upper'), { min: 0, max: 1, def: 1 / 3 });
    if (lower > upper) throw new AttrError(`lower (${lower}) > upper (${upper}) / lower는 upper보다 클 수 없습니다`);
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
      autoplay: g('autoplay') !== 'false',
    };
  }

  runs(o) {
    const T = TEXT[lang(this)];
    const leaky = cssColor(this, '--c-leaky_relu', FALLBACK.leaky_relu);
    if (o.view === 'alpha') {
      return [
        { spec: { activation: 'relu' }, label: 'ReLU', color: cssColor(this, '--c-relu', FALLBACK.relu) },
        { spec: { activation: 'leaky_relu', params: { alpha: o.alphas[0] } }, label: `LeakyReLU α=${o.alphas[0]}`, color: leaky, dash: [7, 4] },
        { spec: { activation: 'leaky_relu', params: { alpha: o.alphas[1] } }, label: `LeakyReLU α=${o.alphas[1]}`, color: leaky, width: 2.6 },
      ];
    }
    if (o.view === 'prelu') return [{ spec: { activation: 'prelu' }, label: 'PReLU', color: cssColor(this, '--c-prelu', FALLBACK.prelu) }];
    const mid = +((o.lower + o.upper) / 2).toFixed(4);
    return [
      { spec: { activation: 'rrelu', params: { lower: o.lower, upper: o.upper } }, label: 'RReLU', color: cssColor(this, '--c-rrelu', FALLBACK.rrelu) },
      { spec: { activation: 'leaky_relu', params: { alpha: mid } }, label: T.fixed(mid), color: leaky, dash: [7, 4] },
    ];
  }

  configure() {
    const $ = this.$;
    try { this.opts = this.readAttrs(); } catch (e) {
      if (!(e instanceof AttrError)) throw e;
      this.loop.stop();
      showError(this, $.error, $.main, e.message);
      return;
    }
    showError(this, $.error, $.main, null);
    this.paused = !this.opts.autoplay;
    this.reset();
  }

  reset() {
    const o = this.opts, T = TEXT[lang(this)], $ = this.$;
    this.loop.stop();
    this.compare?.dispose();
    this.compare = null;
    this.removeAttribute('done');
    const dataset = this.datasetOverride ?? o.dataset;
    $.dataset.value = dataset;
    this.runList = this.runs(o);
    try {
      this.compare = engine.createLeakyCompare({
        runs: this.runList.map((r) => r.spec), dataset, points: o.points, noise: o.noise, hidden: o.hidden,
        optimizer: o.optimizer, learningRate: o.lr, batchSize: o.batch, seed: o.seed,
      });
      this.epoch = 0;
      this.hist = this.compare.evaluate().map((r) => ({ ...r, list: [r] }));
    } catch (e) {
      showError(this, $.error, $.main, e.message);
      return;
    }
    $.title.textContent = T.title[o.view];
    $.datasetText.textContent = T.dataset;
    $.restart.textContent = `↺ ${T.restart}`;
    $.canvas.setAttribute('aria-label', T.title[o.view]);
    this.legend(T);
    this.render();
    this.sync();
  }

  legend(T) {
    const item = (label, color, cls = '') => { const i = h('i', { class: cls }); i.style.borderTopColor = color; return h('span', {}, i, label); };
    const o = this.opts, items = [];
    if (o.view === 'alpha') for (const r of this.runList) items.push(item(r.label, r.color, r.dash ? 'dash' : ''));
    else if (o.view === 'prelu') {
      const c = this.runList[0].color;
      o.hidden.forEach((_, l) => items.push(item(T.layer(l + 1), c, l % 2 ? 'dash' : 'thin')));
    } else {
      const c = this.runList[0].color, th = readTheme(this);
      items.push(item(`RReLU: ${T.trainMode}`, c, 'thin'), item(`RReLU: ${T.train}`, c, 'dash'), item(`RReLU: ${T.test}`, th.series[1]),
        item(this.runList[1].label, this.runList[1].color, 'dash'));
    }
    this.$.legend.replaceChildren(...items);
  }

  // Start or stop the loop: runs only when on screen, not paused and not finished.
  sync() {
    const T = TEXT[lang(this)];
    if (!this.opts || !this.compare) return;
    const going = !this.paused && this.vis.visible && this.epoch < this.opts.epochs;
    if (going) this.loop.start(); else this.loop.stop();
    this.$.play.textContent = this.paused || this.epoch >= this.opts.epochs ? `▶ ${T.play}` : `❚❚ ${T.pause}`;
  }

  trainOne() {
    if (!this.compare || this.paused || this.epoch >= this.opts.epochs) return false;
    let recs;
    try { recs = this.compare.step(); } catch (e) { showError(this, this.$.error, this.$.main, e.message); return false; }
    this.epoch++;
    recs.forEach((r, i) => this.hist[i].list.push(r));
    if (this.epoch >= this.opts.epochs) {
      this.setAttribute('done', '');
      queueMicrotask(() => this.sync());
    }
    this.dispatchEvent(new CustomEvent('epoch', { detail: { epoch: this.epoch, records: recs } }));
    return this.epoch < this.opts.epochs;
  }

  series(i, key, extra = {}) {
    const list = this.hist[i].list, x = new Float64Array(list.length), y = new Float64Array(list.length);
    list.forEach((r, k) => { x[k] = k; y[k] = typeof key === 'function' ? key(r) : r[key]; });
    return { x, y, color: this.runList[i].color, width: this.runList[i].width || 1.8, dash: this.runList[i].dash, ...extra };
  }

  render() {
    if (!this.hist) return;
    const T = TEXT[lang(this)], o = this.opts, th = readTheme(this), $ = this.$;
    const mainWidth = this.widths.get($.main);
    if (mainWidth === undefined) return; // drawn once the browser has laid the widget out (Widths)
    const w = Math.max(220, mainWidth || 320);
    if (!this.hasAttribute('ready')) this.setAttribute('ready', ''); // (set here, where the picture is drawn)
    const narrow = w < 480;
    let panels;
    if (o.view === 'alpha') {
      panels = [
        { label: T.test, series: this.hist.map((_, i) => this.series(i, 'testLoss')) },
        { label: T.train, weight: 0.8, series: this.hist.map((_, i) => this.series(i, 'evalTrainLoss')) },
      ];
    } else if (o.view === 'prelu') {
      const units = this.hist[0].list[0].alphas.length, series = [];
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
          this.series(0, 'testLoss', { color: th.series[1], dash: undefined, width: 2 }),
        ] },
        { label: T.gap, weight: 0.8, series: [this.series(0, gap, { dash: undefined }), this.series(1, gap)] },
      ];
    }
    this.plot.resize(w, narrow ? 300 : 340);
    this.plot.render({ theme: th, x: { min: 0, max: o.epochs, label: T.x }, panels });
    $.status.textContent = T.epoch(this.epoch, o.epochs);
    this.table(T);
  }

  table(T) {
    const o = this.opts, last = this.hist.map((x) => x.list[x.list.length - 1]);
    const head = (cols) => h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, c))));
    let rows;
    if (o.view === 'alpha') {
      rows = last.map((r, i) => [this.runList[i].label, f3(r.evalTrainLoss), f3(r.testLoss), Number.isFinite(r.testAccuracy) ? `${(100 * r.testAccuracy).toFixed(1)}%` : '—']);
      this.$.line.textContent = '';
    } else if (o.view === 'prelu') {
      const a = Array.from(last[0].alphas);
      rows = a.map((v, k) => [String(k + 1), v.toFixed(3)]);
      const mean = a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
      this.$.line.textContent = T.alphaStats(Math.min(...a).toFixed(3), mean.toFixed(3), Math.max(...a).toFixed(3));
    } else {
      rows = last.map((r, i) => [this.runList[i].label, f3(r.trainLoss), f3(r.evalTrainLoss), f3(r.testLoss), f3(r.testLoss - r.evalTrainLoss)]);
      this.$.line.textContent = '';
    }
    const table = h('table', {}, head(T.th[o.view]), h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r[0]), ...r.slice(1).map((c) => h('td', {}, c))))));
    // PReLU's per-unit table is long: keep it for screen readers only (a clipped <div>: a table ignores width: 1px)
    this.$.stats.replaceChildren(o.view === 'prelu' ? h('div', { class: 'sr-only' }, table) : table);
    this.maxFrameWorkMs = Math.max(this.maxFrameWorkMs || 0, this.loop.lastFrameWorkMs || 0);
  }
}

if (!customElements.get('leaky-compare')) customElements.define('leaky-compare', LeakyCompare);
