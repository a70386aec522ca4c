// <activation-race> — the same small network trained with every activation side by side: one
// loss chart (train and test, log axis), a decision-boundary heatmap per activation and a results
// table, all updated live while training runs in frame-budgeted slices (no long main-thread tasks).
//
// Attributes (parsed strictly; an invalid value shows an inline message, never a blank box):
//   dataset      circle|xor|gaussian|spiral|spiral3 (circle; spiral3: three classes, softmax + cross_entropy)
//   noise        0..1 (0.1)
//   activations  comma list of ids (all ten)               layers  hidden widths "8,8": 1–4 of 2–32
//   lr           [1e-6, 10] (0.01)   optimizer sgd|momentum|adam (adam)   batch 1–400 (10)
//   init         glorot_uniform|he_normal|lecun_normal|default   seed 0–2147483647 (1)
//   dataset      also sin|abs|step (1-D regression: MSE, fitted curves, R²) and custom with
//   points       "x,y,label;…" (x, y in [-1, 1], label 0|1, 4–2000 points; drawn or imported in the widget)
//   lr-for       "relu:0.001,…" one network's own learning rate (the divergence fix writes it)
//   preset       one of race/presets.js: sets every control and says what to look for
//   init         glorot_uniform|he_normal|lecun_normal|default   layers up to 10 hidden layers
//   epochs       stop after N epochs (default: run until paused)
//   autoplay     start training once drawn (and on screen)   lang ko|en   predict off
//   worker       on|off (on): train in a Worker (race/trainer.js); off, or where none can start: here
// Events (bubbling, composed): `ready`; `change` {control, value} when the reader changes a setting;
// `progress` and `done`, detail {epoch, histories: {id: {epoch, train, test}}}.
// Sets `ready` once first drawn, `error` while showing a message, `running` while training, `done`
// once every network has run its epochs.
// Every engine Network is deleted on reset, on reconfiguration and when the element leaves the page.
// Methods: play() pause() step() (a promise: resolves once the epoch is in) reset() toCSV() networkJSON(id);
// getters epoch, running, histories, frameStats, trainedIn ('worker' | 'page').
//
// On the widget base (ui/widget.js): the base's step() hook is taken by the public step() (one
// epoch for every network), so the frame loop trains through race.stepOne() instead — or, when a
// worker trains the race, only draws; schedule() runs the loop (and the worker) only while playing
// AND on screen; frame() does the race's own visual frames.
import { Widget, engine, h, define } from '../ui/widget.js';
import { Plot } from '../plot/plot.js';
import { download } from '../plot/export.js';
import { Heatmap } from '../plot/heatmap.js';
import { Race, REGRESSION, CUSTOM, classCount } from './race/model.js';
import { parseRaceAttrs } from './race/attrs.js';
import TEXT from '../text/activation-race.js';
import { lossSeries, divergencePoints, heatColors } from './race/draw.js';
import { STYLE, buildControls, buildLegend, buildHeatmaps, buildTable, buildExports, buildHelp } from './race/view.js';
import { PointEditor, EDITOR_STYLE } from './race/editor.js';
import { FitPlot } from './race/curve.js';
import { toAttr } from './race/data.js';
import { writeAttrs, choosePreset, startingPoints, editorColors } from './race/settings.js';
import { raceOutcome, racePredictText } from './race/predict.js';
import { onRaceClick, onRaceControl } from './race/input.js';
import { workerFor, trainedByWorker, chartInWorker } from './race/trainer.js';
import { paintBoundaries, dueBoundary } from './race/boundaries.js';
import { updateScores, updateTable, updateDiverge, raceSummary, updateStatus, updateEpoch } from './race/report.js';

const JOB_EVERY_MS = 50;     // a frame does one visual job (chart, a few boundaries, or the text) at most this often
const CHART_EVERY_MS = 300;  // the loss chart (thick anti-aliased strokes are the costliest paint)
const TEXT_EVERY_MS = 300;   // the table, the boundaries' scores, status and text alternative
const HEAT_BUDGET_MS = 6;    // boundaries per job: as many as fit in this at their measured cost (at least one)
const HEATS_PER_JOB = 2;     // and at most this many (each changed canvas is copied for the compositor)
const TRAIN_MS = 10, TRAIN_MS_BEFORE_VISUAL = 3; // training slice per frame on the main thread (FrameLoop budget)
const PAINT_BUDGET_MS = 8;   // repainting stale boundaries while paused
const FIRST_PAINT_BUDGET_MS = 8; // the first ten boundaries (wall-clock: fewer per frame on a slower CPU)
const PROGRESS_EVERY_MS = 100;
// Control name -> attribute (the layer controls write `layers`; `act` writes `activations`).

class ActivationRace extends Widget {
  static TEXT = TEXT;
  static STYLE = STYLE + EDITOR_STYLE;
  static ATTRS = ['dataset', 'points', 'activations', 'layers', 'lr', 'lr-for', 'optimizer', 'init', 'batch', 'seed', 'noise', 'epochs', 'autoplay', 'preset', 'worker'];
  static FIRST_BUDGET_MS = TRAIN_MS;
  static BUDGET_MS = TRAIN_MS;
  static SPACE_DRAWINGS = false; // frame() spaces its own visual jobs (JOB_EVERY_MS)

  constructor() {
    super();
    Object.assign(this, { frames: { count: 0, totalMs: 0, maxMs: 0, recent: [] }, race: null, configured: false, playing: false, focus: null, heatmaps: new Map(), doneFired: false });
    // one network-epoch here; or nothing (the worker trains) while the race is not over
    this.loop.step = () => (trainedByWorker(this) ? !this.race.finished : this.safe(() => this.race?.stepOne() ?? false) === true);
    this.root.addEventListener('click', (e) => this.onClick(e));
    this.root.addEventListener('change', (e) => this.onControl(e));
  }

  skeleton() {
    const $ = Object.assign(this.$, {
      title: h('span', { class: 'title' }), status: h('span', { class: 'status', 'aria-live': 'off' }),
      controls: h('div'), legend: h('div', { class: 'legend' }), chartTitle: h('p', { class: 'sub' }),
      chart: h('canvas', { role: 'img' }), heatTitle: h('p', { class: 'sub' }), heat: h('div', { class: 'heat' }),
      table: h('div', { class: 'tablewrap', role: 'region', tabindex: '0' }), exports: h('div'), help: h('div'), // the table scrolls sideways: a keyboard reaches it
      summary: h('p', { class: 'sr-only', 'aria-live': 'polite' }), editor: h('div'), diverge: h('ul', { class: 'diverge' }),
    });
    const chartbox = h('div', { class: 'chartbox' }, $.chart);
    $.main.append(h('div', { class: 'head' }, $.title, $.status), $.controls, $.editor, $.chartTitle, $.legend,
      chartbox, $.heatTitle, $.heat, $.table, $.diverge, $.exports, $.help, $.summary);
    this.editor = new PointEditor({ onCommit: (pts) => this.writeAttrs({ dataset: CUSTOM, points: toAttr(pts) }), download });
    $.editor.append(this.editor.element);
    this.askFirst([chartbox, $.heat, $.table, $.diverge], $.editor);
    // at most 2 device px per CSS px (plot/draw.js canvasDpr): a CPU rasterizer paints twenty noisy
    // curves at DPR 2.6 in 1.7× the time, for lines no reader can tell apart from DPR 2's
    this.plot = new Plot($.chart);
    this.chartExport = this.exportButtons({ plot: () => this.plot, name: () => 'activation-race-loss' }); // PNG / SVG of the loss chart
  }

  readAttrs() { return parseRaceAttrs(this, engine.activationIds()); }

  // Several attributes set together (a control, a share link, a script) rebuild the race once, in
  // the next frame. `autoplay` counts only when the race is first built.
  attributeChangedCallback(name, old, value) {
    if (name === 'autoplay') return;
    if (name === 'lang' || name === 'predict' || old === value || !this.engineReady) { super.attributeChangedCallback(name, old, value); return; }
    if (!this.configRaf) this.configRaf = requestAnimationFrame(() => { this.configRaf = 0; if (this.engineReady) this.configure(); });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    cancelAnimationFrame(this.configRaf);
    this.configRaf = 0;
    this.configured = false; // a later reconnection starts afresh (autoplay included)
    this.toggleAttribute('running', false);
    this.trainer?.dispose();
    this.trainer = null;
  }

  fail(message) {
    super.fail(message);
    this.trainer?.run(false);
    this.playing = false;
    this.configured = false;
    this.toggleAttribute('running', false);
  }
  // The base's message box, headed by the race's own words.
  showMessage(message) {
    super.showMessage(message);
    const head = this.$.error.querySelector('strong');
    if (head) head.textContent = this.T.error;
  }

  // ---------------------------------------------------------------- public API (also for tests)
  get epoch() { return this.race ? this.race.epoch : 0; }
  get running() { return this.loop.running; }
  get histories() { return this.race ? this.race.histories() : {}; }
  // Main-thread time of the training frames (work slice + drawing): {count, totalMs, maxMs, recent: [last 600 ms values]}.
  get frameStats() { return { ...this.frames, recent: this.frames.recent.slice() }; }
  get trainedIn() { return trainedByWorker(this) ? 'worker' : 'page'; }
  play() { if (this.race && !this.race.finished) { this.playing = true; this.schedule(); } }
  pause() { this.playing = false; this.schedule(); }
  step() {
    if (!this.race || this.race.finished) return Promise.resolve();
    this.playing = false;
    const worker = workerFor(this);
    this.schedule();
    if (worker) return worker.step(); // drawn when its numbers arrive (onWorkerChange)
    if (this.safe(() => { this.race.stepAll(); return true; })) { this.draw(); this.events(); }
    return Promise.resolve();
  }
  reset() { this.playing = false; this.restart(); }
  toCSV() { return this.race ? this.race.csv() : ''; }
  networkJSON(id) { const e = this.race?.entries.find((x) => x.id === id); return e ? e.net.toJSON() : null; }

  // ---------------------------------------------------------------- the base's hooks
  // Every text-bearing node for this.opts in the current language; the running race is kept.
  build() {
    const t = this.T, c = this.opts, $ = this.$, ids = c.activations;
    $.title.textContent = t.title;
    $.controls.replaceChildren(buildControls(t, c, engine.activationIds()));
    $.chartTitle.textContent = t.lossTitle;
    if (!ids.includes(this.focus)) this.focus = null;
    $.legend.replaceChildren(...buildLegend(ids, this.focus));
    const regression = REGRESSION.includes(c.dataset), Plotter = regression ? FitPlot : Heatmap;
    $.heatTitle.textContent = regression ? t.fits : classCount(c.dataset) > 2 ? t.boundariesClasses : t.boundaries;
    const figs = buildHeatmaps(ids);
    $.heat.replaceChildren(...figs);
    this.heatmaps = new Map(figs.map((f) => [f.dataset.id, { fig: f, hm: new Plotter(f.querySelector('canvas')), at: 0, epoch: -1, size: 110 }]));
    $.table.replaceChildren(buildTable(t, ids, regression));
    $.table.setAttribute('aria-label', t.caption);
    $.editor.hidden = c.dataset !== CUSTOM;
    if (c.dataset === CUSTOM) this.editor.build(t, this.language, c.points, this.editorColors());
    this.divergeKey = null;
    $.exports.replaceChildren(buildExports(t, ids, this.chartExport));
    $.help.replaceChildren(buildHelp(t));
    $.chart.setAttribute('aria-label', t.chartLabel);
    // ask for the boxes' widths now, so the browser's next layout reports them with the widget's own
    for (const el of [$.chart.parentElement, ...figs]) this.widths.get(el);
    this.syncButtons();
  }

  // A fresh race for this.opts (the old one's networks freed); keeps playing through a change of
  // settings, autoplays when first built.
  start() {
    const wasPlaying = this.playing && this.configured;
    this.dispose();
    this.race = new Race(this.opts);
    if (this.opts.worker === 'off' && this.trainer) { this.trainer.dispose(); this.trainer = null; }
    this.loop.paced = false; // until a worker takes this race (race/trainer.js)
    const first = !this.configured;
    this.configured = true;
    this.doneFired = false;
    this.lastProgressEpoch = -1;
    for (const m of this.heatmaps.values()) Object.assign(m, { at: 0, epoch: -1, stale: true });
    // first build, after a fixed error, after reconnection; with reduced motion the reader presses ▶
    if (first && this.opts.autoplay && !this.constructor.reducedMotion()) this.playing = true;
    else if (!wasPlaying) this.playing = false;
  }

  dispose() {
    cancelAnimationFrame(this.paintRaf);
    this.paintRaf = 0;
    this.race?.dispose();
    this.race = null;
  }

  // Runs the frame loop while playing && on screen && work left; updates buttons, table, status.
  schedule() {
    const r = this.race, want = !!(this.playing && this.vis.visible && r && !r.finished && !this.hasAttribute('error'));
    (want ? workerFor(this) : this.trainer)?.run(want);
    if (want) this.loop.start(); else this.loop.stop();
    this.toggleAttribute('running', want);
    this.syncButtons();
    if (r) this.updateTable();
    this.updateStatus();
  }

  // `ready` comes from kickPaint(), once every boundary has been drawn.
  readyToShow() { return false; }

  // After each frame's training slice (or, while a worker trains, each frame). At most every
  // JOB_EVERY_MS a frame does ONE visual job — the loss chart, a few boundaries, or the text — so
  // no frame pays for all of them (on a phone-class CPU the chart alone is ~20 ms, a boundary ~4 ms,
  // the text's style recalculation ~20 ms). The slice before a job frame trains less.
  frame() {
    const now = performance.now(), r = this.race;
    if (!r) return;
    if (r.finished) { this.drawChart(); this.updateText(); }
    else if (now - (this.jobAt || 0) >= JOB_EVERY_MS) { this.jobAt = now; this.visualJob(now); }
    this.loop.budgetMs = now + 17 - this.jobAt >= JOB_EVERY_MS ? TRAIN_MS_BEFORE_VISUAL : TRAIN_MS;
    this.events(now);
    if (!this.loop.running) this.schedule();
    const f = this.frames, ms = this.loop.lastFrameWorkMs + performance.now() - now;
    f.count++; f.totalMs += ms; f.maxMs = Math.max(f.maxMs, ms);
    f.recent.push(ms); if (f.recent.length > 600) f.recent.shift();
  }

  // The most overdue of the chart and the text, else the boundaries that are due.
  visualJob(now) {
    const chartLate = now - (this.chartAt || 0) - CHART_EVERY_MS, textLate = now - (this.textAt || 0) - TEXT_EVERY_MS;
    if (chartLate >= 0 && chartLate >= textLate) { this.chartAt = now; this.drawChart(); return; }
    if (textLate >= 0) { this.textAt = now; this.updateText(); return; }
    paintBoundaries(this, now, { budgetMs: HEAT_BUDGET_MS, max: HEATS_PER_JOB });
  }

  updateText() {
    updateEpoch(this);
    this.updateTable();
    this.prediction?.update(); // an open-ended race is judged at a checkpoint epoch (race/predict.js)
    this.refreshSummary(); // the base's text alternative (throttled)
  }

  events(now = performance.now()) {
    const r = this.race;
    if (!r) return;
    const ep = r.epoch, fin = r.finished;
    if (ep !== this.lastProgressEpoch && (fin || now - (this.progressAt || 0) >= PROGRESS_EVERY_MS)) {
      this.lastProgressEpoch = ep;
      this.progressAt = now;
      this.emit('progress', this.detail());
    }
    if (fin && !this.doneFired) {
      this.doneFired = true;
      this.playing = false;
      this.finished = true;
      this.draw();
      this.emit('done', this.detail());
      this.schedule();
    }
  }
  detail() { return { epoch: this.race.epoch, histories: this.race.histories() }; }

  // The worker's numbers are in this.race: while the loop runs its frames draw them; else draw now.
  onWorkerChange() {
    if (this.loop.running) return;
    this.draw();
    this.events();
    this.schedule();
  }

  // ---------------------------------------------------------------- drawing
  // Everything, after (re)configuration, resizing, a scheme or language change, a step or the end
  // of the race (the base's draw() has read this.theme). Also reads the class colours and the
  // heatmap sizes, which the per-frame updates reuse.
  render() {
    if (!this.race) return;
    const theme = this.theme;
    this.look = { theme, heat: heatColors((k) => this.paletteColor(k), theme.bg, this.race.classes),
      fit: { bg: theme.bg, grid: this.paletteColor('grid'), muted: this.paletteColor('muted'), point: this.paletteColor('fg') } };
    if (this.opts.dataset === CUSTOM) { this.editor.colors = this.editorColors(); this.editor.paint(); }
    this.updateTable();
    this.updateStatus();
    this.syncButtons();
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
      if (!this.race || !this.look) return;
      const t0 = performance.now();
      paintBoundaries(this, t0, { budgetMs: this.hasAttribute('ready') ? PAINT_BUDGET_MS : FIRST_PAINT_BUDGET_MS, staleOnly: true });
      this.updateTable(); // accuracies come with the boundaries
      if (dueBoundary(this, t0, true)) this.paintRaf = requestAnimationFrame(tick);
      else if (!this.hasAttribute('ready')) this.markReady();
    };
    this.paintRaf = requestAnimationFrame(tick);
  }

  drawChart() {
    const r = this.race, $ = this.$;
    if (!this.look) return;
    const width = this.widths.get($.chart.parentElement) || 300;
    this.plot.resize(width, Math.round(Math.min(340, Math.max(200, width * 0.42))));
    const xMax = Number.isFinite(r.target) ? r.target : Math.max(10, ...r.entries.map((e) => e.epochs));
    const color = (id) => this.color(id);
    const spec = { theme: this.look.theme, x: { min: 0, max: xMax, label: this.T.xLabel },
      panels: [{ log: true, series: lossSeries(r, this.focus, color, width), points: divergencePoints(r, color) }] };
    if (!chartInWorker(this, spec)) this.plot.render(spec);
  }

  // ---------------------------------------------------------------- text (race/report.js)
  updateScores() { updateScores(this); }
  updateTable() { updateTable(this); }
  updateDiverge() { updateDiverge(this); }
  summary() { return raceSummary(this); } // the base's text alternative of the charts
  updateStatus() { updateStatus(this); }

  // The play button says what it will do; step and play are off once the race is over.
  syncButtons() {
    const form = this.$.controls.querySelector('form'), r = this.race;
    if (!form || !r) return;
    const t = this.T, play = form.elements.play;
    play.textContent = this.playing ? t.pause : t.play;
    play.setAttribute('aria-pressed', String(this.playing));
    play.disabled = r.finished;
    form.elements.step.disabled = r.finished;
  }

  // ---------------------------------------------------------------- input (race/input.js)
  onClick(e) { onRaceClick(this, e); }
  onControl(e) { onRaceControl(this, e); }

  writeAttrs(next) { return writeAttrs(this, next); }
  choosePreset(id) { choosePreset(this, id); }
  startingPoints() { return startingPoints(this); }
  editorColors() { return editorColors(this); }

  // ---------------------------------------------------------------- predict, then observe (race/predict.js)
  predictText() { return racePredictText(this); }
  outcome() { return raceOutcome(this); }
  onAnswered() { if (this.race && !this.race.finished && !this.playing) this.play(); }
}

define('activation-race', ActivationRace);
export { ActivationRace };
