// <activation-race> — the same small network trained with every activation side by side: one
// loss chart (train and test, log axis), a decision-boundary heatmap per activation and a results
// table, all updated live while training runs in frame-budgeted slices (no long main-thread tasks).
//
// Attributes (parsed strictly; an invalid value shows an inline message, never a blank box):
//   dataset      circle|xor|gaussian|spiral (circle)      noise   0..1 (0.1)
//   activations  comma list of ids (all ten)               layers  hidden widths "8,8": 1–4 of 2–32
//   lr           [1e-6, 10] (0.01)   optimizer sgd|momentum|adam (adam)   batch 1–400 (10)
//   seed         0–2147483647 (1)  epochs  stop after N epochs (default: run until paused)
//   autoplay     start training once drawn (and on screen)   lang ko|en
// Events (bubbling, composed): `progress` and `done`, detail {epoch, histories: {id: {epoch, train, test}}}.
// Sets `ready` once first drawn, `error` while showing a message, `running` while training.
// Every engine Network is deleted on reset, on reconfiguration and when the element leaves the page.
// Methods: play() pause() step() reset() toCSV() networkJSON(id); getters epoch, running, histories, frameStats.
import * as engine from '../engine.js';
import { h, lang, Visibility, FrameLoop, showError, Widths } from '../ui/kit.js';
import { Plot } from '../plot/plot.js';
import { exportButtons } from '../plot/export.js';
import { readTheme } from '../plot/theme.js';
import { Heatmap } from '../plot/heatmap.js';
import { Race, GRID, DOMAIN } from './race/model.js';
import { parseRaceAttrs } from './race/attrs.js';
import { TEXT } from './race/text.js';
import { lossSeries, divergencePoints, tableCells, fmt, pct } from './race/draw.js';
import { STYLE, buildControls, buildLegend, buildHeatmaps, buildTable, buildExports, buildHelp } from './race/view.js';

const ATTRS = ['dataset', 'activations', 'layers', 'lr', 'optimizer', 'init', 'batch', 'seed', 'noise', 'epochs', 'autoplay', 'lang'];
const VISUAL_EVERY_MS = 150; // chart, table and some boundaries are redrawn this often while training
const CHART_EVERY_MS = 290;  // the loss chart (thick anti-aliased strokes are the costliest paint)
const HEATS_PER_VISUAL = 5;  // boundaries per visual frame: ten are all fresh every ~300 ms
const HEAT_EVERY_MS = 250;   // a boundary is not redrawn more often than this
const TRAIN_MS = 10, TRAIN_MS_BEFORE_VISUAL = 3; // training slice per frame (FrameLoop budget)
const PAINT_BUDGET_MS = 8;   // repainting stale boundaries while paused
const FIRST_PAINT_BUDGET_MS = 24; // the first ten boundaries (page load: fewer, fuller frames)
const PROGRESS_EVERY_MS = 100;

class ActivationRace extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.$ = {
      title: h('span', { class: 'title' }), status: h('span', { class: 'status', 'aria-live': 'off' }),
      controls: h('div'), legend: h('div', { class: 'legend' }), chartTitle: h('p', { class: 'sub' }),
      chart: h('canvas', { role: 'img' }), heatTitle: h('p', { class: 'sub' }), heat: h('div', { class: 'heat' }),
      table: h('div', { class: 'tablewrap' }), exports: h('div'), help: h('div'),
      summary: h('p', { class: 'sr-only', 'aria-live': 'polite' }), error: h('div', { class: 'error', role: 'alert', hidden: true }),
    };
    const $ = this.$;
    $.main = h('div', { class: 'main' }, h('div', { class: 'head' }, $.title, $.status), $.controls, $.chartTitle, $.legend,
      h('div', { class: 'chartbox' }, $.chart), $.heatTitle, $.heat, $.table, $.exports, $.help, $.summary);
    root.append(h('style', {}, STYLE), $.main, $.error);
    this.plot = new Plot($.chart);
    this.chartExport = exportButtons(this, () => this.plot, () => 'activation-race-loss'); // PNG / SVG of the loss chart
    Object.assign(this, { frames: { count: 0, totalMs: 0, maxMs: 0, recent: [] }, race: null, cfg: null, playing: false, focus: null, heatmaps: new Map(), pending: 0, doneFired: false });
    this.loop = new FrameLoop({ step: () => this.race?.stepOne() ?? false, draw: () => this.frame(), budgetMs: TRAIN_MS });
    this.vis = new Visibility(this, (v) => this.onVisible(v));
    this.widths = new Widths(() => { if (this.race) this.drawAll(); }); // the chart's box and the heatmap figures
    this.langObs = new MutationObserver(() => this.relabel());
    this.onScheme = () => { this.colors = null; if (this.race) this.relabel(); };
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('change', (e) => this.onControl(e));
  }

  connectedCallback() {
    this.vis.start();
    this.widths.observe(this.$.chart.parentElement);
    this.langObs.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.mql = matchMedia('(prefers-color-scheme: dark)');
    this.mql.addEventListener('change', this.onScheme);
    engine.ready().then(() => this.schedule(), (e) => this.fail(this.t().engine + e.message));
  }

  disconnectedCallback() {
    this.loop.stop();
    this.vis.stop();
    this.widths.disconnect();
    this.langObs.disconnect();
    this.mql?.removeEventListener('change', this.onScheme);
    cancelAnimationFrame(this.pending);
    cancelAnimationFrame(this.paintRaf);
    this.pending = this.paintRaf = 0;
    this.teardown();
    this.cfg = null; // a later reconnection starts afresh (autoplay included)
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || name === 'autoplay') return;
    if (name === 'lang') this.relabel(); else this.schedule();
  }

  t() { return TEXT[lang(this)]; }
  // The activation's colour: the page's --c-<id>, else the widget's fallback (cached until the scheme changes).
  color(id) {
    if (!this.colors) {
      const st = getComputedStyle(this);
      this.colors = Object.fromEntries(engine.activationIds().map((a) => [a, st.getPropertyValue(`--r-${a}`).trim() || '#888888']));
    }
    return this.colors[id];
  }

  // Text only (language or colour scheme changed): rebuild the DOM around the running race.
  relabel() {
    if (!this.race) { this.schedule(); return; }
    const l = this.getAttribute('lang');
    if (l !== null && !/^(ko|en)(-[a-z0-9-]+)?$/i.test(l)) { this.schedule(); return; }
    this.buildDom();
    this.drawAll();
    this.sync();
  }

  // ---------------------------------------------------------------- public API (also for tests)
  get epoch() { return this.race ? this.race.epoch : 0; }
  get running() { return this.loop.running; }
  get histories() { return this.race ? this.race.histories() : {}; }
  // Main-thread time of the training frames (work slice + drawing): {count, totalMs, maxMs, recent: [last 600 ms values]}.
  get frameStats() { return { ...this.frames, recent: this.frames.recent.slice() }; }
  play() { if (this.race && !this.race.finished) { this.playing = true; this.sync(); } }
  pause() { this.playing = false; this.sync(); }
  step() {
    if (!this.race || this.race.finished) return;
    this.playing = false;
    this.race.stepAll();
    this.sync();
    this.drawAll();
    this.events();
  }
  reset() { this.playing = false; this.rebuild(); }
  toCSV() { return this.race ? this.race.csv() : ''; }
  networkJSON(id) { const e = this.race?.entries.find((x) => x.id === id); return e ? e.net.toJSON() : null; }

  // ---------------------------------------------------------------- configuration
  // Coalesces attribute changes into one rebuild per frame.
  schedule() {
    if (this.pending || !this.isConnected) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      if (engine.isReady()) this.rebuild();
    });
  }

  parse() { return parseRaceAttrs(this, engine.activationIds()); }


  teardown() {
    this.race?.dispose();
    this.race = null;
  }

  // (Re)reads the attributes, frees the old networks and builds a fresh race.
  rebuild() {
    const wasPlaying = this.playing && this.cfg !== null;
    this.loop.stop();
    this.teardown();
    let cfg;
    try {
      cfg = this.parse();
      this.race = new Race(cfg);
    } catch (e) {
      this.cfg = null;
      this.playing = false;
      this.fail(e.message);
      return;
    }
    const first = this.cfg === null;
    this.cfg = cfg;
    this.doneFired = false;
    this.lastProgressEpoch = -1;
    showError(this, this.$.error, this.$.main, null);
    this.buildDom();
    if (first && cfg.autoplay) this.playing = true; // first build, after a fixed error, after reconnection
    else if (!wasPlaying) this.playing = false;
    this.drawAll(); // sets `ready` once the boundaries are painted
    this.sync();
  }

  fail(message) {
    this.loop.stop();
    showError(this, this.$.error, this.$.main, `${this.t().error}: ${message}`);
    this.toggleAttribute('running', false);
  }

  buildDom() {
    const t = this.t(), c = this.cfg, $ = this.$, ids = c.activations, col = (id) => this.color(id);
    $.title.textContent = t.title;
    $.controls.replaceChildren(buildControls(t, c, engine.activationIds(), col));
    $.chartTitle.textContent = t.lossTitle;
    if (!ids.includes(this.focus)) this.focus = null;
    $.legend.replaceChildren(...buildLegend(ids, col, this.focus));
    $.heatTitle.textContent = t.boundaries;
    const figs = buildHeatmaps(ids, col);
    $.heat.replaceChildren(...figs);
    this.heatmaps = new Map(figs.map((f) => [f.dataset.id, { fig: f, hm: new Heatmap(f.querySelector('canvas')), at: 0, epoch: -1, size: 110 }]));
    $.table.replaceChildren(buildTable(t, ids, col));
    const exports = buildExports(t, ids);
    exports.append(this.chartExport);
    $.exports.replaceChildren(exports);
    $.help.replaceChildren(buildHelp(t));
    $.chart.setAttribute('aria-label', t.chartLabel);
  }

  // ---------------------------------------------------------------- running
  onVisible() { this.sync(); }

  // Starts or stops the frame loop to match playing && visible && work left; updates buttons.
  sync() {
    const r = this.race, want = this.playing && this.vis.visible && r && !r.finished;
    if (want) this.loop.start(); else this.loop.stop();
    this.toggleAttribute('running', !!want);
    const form = this.$.controls.querySelector('form');
    if (form && r) {
      const t = this.t(), play = form.elements.play;
      play.textContent = this.playing ? t.pause : t.play;
      play.setAttribute('aria-pressed', String(this.playing));
      play.disabled = r.finished;
      form.elements.step.disabled = r.finished;
    }
    if (r) this.updateTable();
    this.updateStatus();
  }

  // After each frame's training slice. Only every VISUAL_EVERY_MS does a frame touch the DOM or a
  // canvas (chart, table, a few boundaries): frames that change nothing need no paint and no
  // compositor commit, which keeps every main-thread task short. The slice before a visual frame
  // trains less, so that frame's total stays small too.
  frame() {
    const now = performance.now(), r = this.race;
    if (now - (this.visualAt || 0) >= VISUAL_EVERY_MS || r.finished) {
      this.visualAt = now;
      if (now - (this.chartAt || 0) >= CHART_EVERY_MS || r.finished) { this.chartAt = now; this.drawChart(); }
      let due;
      for (let k = 0; k < HEATS_PER_VISUAL && (due = this.dueHeatmap(now)); k++) this.drawHeatmap(due, now);
      this.updateTable();
    }
    this.loop.budgetMs = now + 17 - this.visualAt >= VISUAL_EVERY_MS ? TRAIN_MS_BEFORE_VISUAL : TRAIN_MS;
    this.events(now);
    if (!this.loop.running) this.sync();
    const f = this.frames, ms = this.loop.lastFrameWorkMs + performance.now() - now;
    f.count++; f.totalMs += ms; f.maxMs = Math.max(f.maxMs, ms);
    f.recent.push(ms); if (f.recent.length > 600) f.recent.shift();
  }

  events(now = performance.now()) {
    const r = this.race, ep = r.epoch, fin = r.finished;
    if (ep !== this.lastProgressEpoch && (fin || now - (this.progressAt || 0) >= PROGRESS_EVERY_MS)) {
      this.lastProgressEpoch = ep;
      this.progressAt = now;
      this.emit('progress');
    }
    if (fin && !this.doneFired) {
      this.doneFired = true;
      this.playing = false;
      this.drawAll();
      this.emit('done');
      this.sync();
    }
  }

  emit(type) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: { epoch: this.race.epoch, histories: this.race.histories() } }));
  }

  // ---------------------------------------------------------------- drawing
  // Everything, after (re)configuration, resizing, a scheme change, a step or the end of the race.
  // Also re-reads the theme and the heatmap sizes, which the per-frame updates reuse.
  drawAll() {
    if (!this.race) return;
    const theme = readTheme(this), st = getComputedStyle(this), v = (n) => st.getPropertyValue(n).trim();
    this.look = { theme, heat: { bg: theme.bg, neg: v('--race-c0'), pos: v('--race-c1'), line: v('--w-fg'), ring: v('--race-ring') || theme.bg } };
    this.updateTable();
    this.updateStatus();
    // the chart and the boundaries fill their boxes: drawn once the browser has laid them out (Widths)
    const maps = [...this.heatmaps.values()], sizes = maps.map((m) => this.widths.get(m.fig));
    if (sizes.includes(undefined) || this.widths.get(this.$.chart.parentElement) === undefined) return;
    maps.forEach((m, i) => { m.size = sizes[i] || 110; m.stale = true; });
    this.drawChart();
    this.kickPaint();
  }

  // Stale boundaries are repainted a few per frame (never all ten in one task); `ready` is set
  // once every one has been drawn. While training, frame() repaints them on its visual frames.
  kickPaint() {
    if (this.paintRaf) return;
    const tick = () => {
      this.paintRaf = 0;
      if (!this.race) return;
      const t0 = performance.now();
      let due;
      const budget = this.hasAttribute('ready') ? PAINT_BUDGET_MS : FIRST_PAINT_BUDGET_MS;
      while (performance.now() - t0 < budget && (due = this.dueHeatmap(t0, true))) this.drawHeatmap(due, t0);
      this.updateTable(); // accuracies come with the boundaries
      if (this.dueHeatmap(t0, true)) this.paintRaf = requestAnimationFrame(tick);
      else if (!this.hasAttribute('ready')) this.setAttribute('ready', '');
    };
    this.paintRaf = requestAnimationFrame(tick);
  }

  drawChart() {
    const r = this.race, $ = this.$, theme = this.look.theme;
    const width = this.widths.get($.chart.parentElement) || 300;
    this.plot.resize(width, Math.round(Math.min(340, Math.max(200, width * 0.42))));
    const xMax = Number.isFinite(r.target) ? r.target : Math.max(10, ...r.entries.map((e) => e.epochs));
    const series = lossSeries(r, this.focus, (id) => this.color(id), width);
    this.plot.render({ theme, x: { min: 0, max: xMax, label: this.t().xLabel }, panels: [{ log: true, series, points: divergencePoints(r, (id) => this.color(id)) }] });
  }

  // A boundary that must be repainted (stale: resized, restyled, new race), else (unless
  // staleOnly) the stalest one whose network has moved on and that is older than HEAT_EVERY_MS.
  dueHeatmap(now, staleOnly = false) {
    let best = null;
    for (const e of this.race.entries) {
      const m = this.heatmaps.get(e.id);
      if (m.stale) return [e, m];
      if (!staleOnly && m.epoch !== e.epochs && now - m.at >= HEAT_EVERY_MS && (!best || m.at < best[1].at)) best = [e, m];
    }
    return best;
  }

  drawHeatmap([e, m], now) {
    const r = this.race, t = this.t();
    if (m.epoch !== e.epochs || !e.boundary) r.measure(e);
    m.hm.resize(m.size);
    m.hm.render({ n: GRID, p: e.boundary, min: DOMAIN[0], max: DOMAIN[1], points: r.points, colors: this.look.heat });
    m.at = now;
    m.epoch = e.epochs;
    m.stale = false;
    const acc = m.fig.querySelector('.acc');
    acc.textContent = e.diverged ? t.diverged : pct(e.accTest);
    acc.className = e.diverged ? 'acc bad' : 'acc';
    m.fig.querySelector('canvas').setAttribute('aria-label', t.heatLabel(e.id, pct(e.accTest)));
  }

  updateTable() {
    const r = this.race, t = this.t();
    for (const e of r.entries) {
      const tr = this.$.table.querySelector(`tr[data-id="${e.id}"]`);
      if (!tr) continue;
      const cells = tableCells(r, e, t, this.loop.running);
      tr.querySelectorAll('td').forEach((td, i) => { td.textContent = String(cells[i]); });
      tr.lastElementChild.className = e.diverged ? 'bad' : '';
      tr.toggleAttribute('data-diverged', e.diverged);
      this.$.legend.querySelector(`.chip[data-id="${e.id}"]`)?.toggleAttribute('data-diverged', e.diverged);
    }
  }

  updateStatus() {
    if (!this.race) return;
    const r = this.race, t = this.t();
    this.$.status.textContent = t.epoch(r.epoch, r.target);
    const live = r.entries.filter((e) => !e.diverged && Number.isFinite(e.lastTrain));
    const best = live.sort((a, b) => a.lastTrain - b.lastTrain)[0];
    this.$.summary.textContent = t.summary(r.entries.length, best ? `${best.id} (${fmt(best.lastTrain)})` : '');
  }

  // ---------------------------------------------------------------- input
  onClick(e) {
    const b = e.target.closest('button');
    if (!b || !this.race) return;
    if (b.name === 'play') { if (this.playing) this.pause(); else this.play(); }
    else if (b.name === 'step') this.step();
    else if (b.name === 'reset') this.reset();
    else if (b.name === 'csv') this.download('activation-race.csv', this.toCSV(), 'text/csv');
    else if (b.name === 'json') {
      const id = this.$.exports.querySelector('select[name=jsonId]').value;
      this.download(`race-${id}.json`, this.networkJSON(id), 'application/json');
    } else if (b.classList.contains('chip')) {
      this.focus = this.focus === b.dataset.id ? null : b.dataset.id;
      this.$.legend.querySelectorAll('.chip').forEach((c) => c.setAttribute('aria-pressed', String(c.dataset.id === this.focus)));
      this.drawChart();
    }
  }

  // A control changed: validate the new value with the attribute parser, then reflect it.
  onControl(e) {
    const el = e.target, form = el.form;
    if (!form || !this.cfg || el.name === 'jsonId') return;
    const f = form.elements, next = {};
    if (el.name === 'act') {
      const on = [...form.querySelectorAll('input[name=act]:checked')].map((x) => x.value);
      if (!on.length) { el.checked = true; return; } // at least one runner
      next.activations = on.join(',');
    } else if (el.name === 'nlayers' || el.name === 'units') {
      next.layers = Array(Number(f.nlayers.value)).fill(f.units.value).join(',');
    } else if (['dataset', 'noise', 'lr', 'optimizer', 'batch', 'seed'].includes(el.name)) {
      next[el.name] = el.value;
    } else return;
    const msg = form.querySelector('.ctlmsg'), saved = {};
    for (const k of Object.keys(next)) saved[k] = this.getAttribute(k);
    for (const [k, v] of Object.entries(next)) this.setAttribute(k, v);
    try { this.parse(); msg.hidden = true; } catch (err) { // keep the running race; say what is wrong
      for (const [k, v] of Object.entries(saved)) { if (v === null) this.removeAttribute(k); else this.setAttribute(k, v); }
      cancelAnimationFrame(this.pending);
      this.pending = 0;
      msg.textContent = err.message;
      msg.hidden = false;
    }
  }

  download(name, text, type) {
    if (text == null) return;
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a', { href: url, download: name, hidden: true });
    this.shadowRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }
}

if (!customElements.get('activation-race')) customElements.define('activation-race', ActivationRace);
export { ActivationRace };
