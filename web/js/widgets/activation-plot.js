// <activation-plot fn="elu" alpha="1"> — one activation f and its derivative f′ on one canvas,
// with parameter sliders, a hover readout, a log-|f′| toggle and marks for the facts the post
// states. On the widget base (ui/widget.js): lifecycle, language, inline errors and PNG / SVG
// exports are the base's; this file keeps the attributes, the sampling and the drawing.
//
// Attributes (parsed strictly; an invalid value shows an inline message, never a blank box):
//   fn        linear|sigmoid|tanh|relu|leaky_relu|rrelu|prelu|elu|selu|maxout (required)
//   alpha lower upper w1 b1 w2 b2   only those `fn` takes; ranges from engine.activationInfo
//   xmin xmax x range (default −6..6)     show  "f,df" (default), "f" or "df"
//   log-df    present = |f′| on a log axis (a second panel)   controls  "none" hides the controls
//   lang      ko|en (default: <html lang>)
// Colours: --plot-* on the host (a page rule on the element beats the defaults here).
// Sets `ready` once first drawn, `done` while the drawing shows the current settings, `error`
// while showing a message. Fires `change` ({detail: {fn, params, logDf}}, bubbles, composed) when
// a slider or the log toggle moves, after reflecting the new value to the attribute.
import { Widget, engine, h, define } from '../ui/widget.js';
import { AttrError, attr, shown } from '../ui/kit.js';
import { Plot } from '../plot/plot.js';
import { formatNumber, niceStep } from '../plot/scale.js';
import TEXT from '../text/activation-plot.js';

const PARAMS = ['alpha', 'beta', 'lower', 'upper', 'w1', 'b1', 'w2', 'b2'];
const SYMBOL = { alpha: 'α', beta: 'β', lower: 'l', upper: 'u' };
const X_LIMIT = 1e6;
const SELU_MIN = -1.0507009873554805 * 1.6732632423543772;

const fmt = (v) => formatNumber(v, 4);
const prettyRange = (r) => r.replace(/-/g, '\u2212').replace(/inf/g, '∞').replace(/scale\*alpha/g, 'λα').replace(/alpha/g, 'α');
// An error worded in the reader's language from this widget's own table.
const own = (key, ...args) => new AttrError((C, lang) => TEXT[lang][key](...args));
// A number attribute (present): the common parser's check and message; an empty value is not a number.
const num = (name, raw) => {
  if (raw.trim() === '') throw new AttrError((C) => C.attr.notNumber(name, shown(raw)));
  return attr.number(name, raw);
};

// Alone on a page: f in the accent colour, f′ in the palette's warm contrast colour (a neutral f′
// would share its colour with the tick labels). The teaching page sets its own --plot-* on the host.
const STYLE = `
:host { --plot-series-1: var(--w-accent); --plot-series-2: var(--w-class-0); --plot-band: var(--plot-series-1);
  color: var(--plot-fg); background: var(--plot-bg); border-color: var(--plot-grid);
  font-family: var(--plot-font-family, system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR", sans-serif); }
.head { display: flex; flex-wrap: wrap; gap: 2px 14px; align-items: baseline; margin-bottom: 4px; }
.title { font-weight: 600; margin-right: auto; }
.key { white-space: nowrap; color: var(--plot-muted); }
.key i { display: inline-block; width: 18px; height: 3px; border-radius: 2px; vertical-align: middle; margin-right: 5px; }
.kf i { background: var(--plot-series-1); } .kd i { background: var(--plot-series-2); }
.kd.dashed i { background: linear-gradient(90deg, var(--plot-series-2) 70%, transparent 0) 0 0 / 10px 3px repeat-x; }
canvas { touch-action: pan-y; border-radius: 4px; }
canvas:focus-visible { outline: 2px solid var(--plot-series-1); outline-offset: 2px; }
.readout { min-height: 1.45em; margin: 4px 0 2px; font-variant-numeric: tabular-nums; color: var(--plot-muted); overflow-wrap: anywhere; }
.readout b { font-weight: 600; color: var(--plot-fg); } .readout span { white-space: nowrap; margin-right: 0.9em; }
.params { display: grid; grid-template-columns: auto minmax(60px, 1fr) auto; gap: 2px 10px; align-items: center; }
.params:empty { display: none; } .log { margin-top: 2px; }
/* the download group is set apart from the log toggle (else "|f′| 로그 축 그림 내려받기" reads as one phrase) */
.controls .export { margin-inline-start: 1em; padding-inline-start: 12px; border-inline-start: 1px solid var(--plot-axis); margin-top: 2px; }
label { display: inline-flex; align-items: center; gap: 6px; min-width: 0; }
.slider { display: contents; }
.slider input { width: 100%; min-width: 0; margin: 4px 0; accent-color: var(--plot-series-1); }
output { min-width: 3.6em; font-variant-numeric: tabular-nums; }
.box { width: 100%; min-width: 0; }
`;

class ActivationPlot extends Widget {
  static TEXT = TEXT;
  static STYLE = STYLE;
  static ATTRS = ['fn', ...PARAMS, 'xmin', 'xmax', 'show', 'log-df', 'controls'];

  constructor() {
    super();
    Object.assign(this, { hoverX: null, raf: 0, fnShown: null, data: null, stale: true });
  }

  skeleton() {
    const $ = this.$;
    Object.assign($, {
      title: h('span', { class: 'title' }), kf: h('span', { class: 'key kf' }), kd: h('span', { class: 'key kd' }),
      canvas: h('canvas', { role: 'img', tabindex: '0' }), readout: h('div', { class: 'readout', 'aria-live': 'polite' }),
      controls: h('div', { class: 'controls' }), sliders: h('div', { class: 'params' }),
      logBox: h('input', { type: 'checkbox', name: 'log-df' }), logText: h('span'),
    });
    $.logLabel = h('label', { class: 'log' }, $.logBox, $.logText);
    $.controls.append($.sliders, $.logLabel,
      this.exportButtons({ plot: () => this.plot, name: () => `activation-plot-${this.opts?.fn ?? 'plot'}` }));
    $.main.append(h('div', { class: 'head' }, $.title, $.kf, $.kd), h('div', { class: 'box' }, $.canvas), $.readout, $.controls);
    this.plot = new Plot($.canvas);
    $.canvas.addEventListener('pointermove', (e) => this.hoverAt(e.clientX));
    $.canvas.addEventListener('pointerdown', (e) => this.hoverAt(e.clientX));
    $.canvas.addEventListener('pointerleave', () => { this.hoverX = null; this.redraw(); });
    $.canvas.addEventListener('keydown', (e) => this.onKey(e));
    $.logBox.addEventListener('change', () => this.onLog($.logBox.checked));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  // Current parameters (all of fn's, defaults filled in) — null while the attributes are invalid.
  get params() { return this.opts ? { ...this.opts.params } : null; }
  // Geometry of the last drawing (panels in CSS px, domains) for hit-testing, exports and tests.
  get plotLayout() { return this.plot?.layout ? structuredClone(this.plot.layout) : null; }
  // The function's title in the widget's language.
  get fnTitle() { return this.T.titles[this.opts.fn] ?? this.opts.info.title; }

  // ---------------------------------------------------------------- attributes
  readAttrs() {
    const g = (n) => this.getAttribute(n), ids = engine.activationIds();
    const fn = g('fn');
    if (fn === null || fn.trim() === '') throw own('missing');
    if (!ids.includes(fn.trim())) throw own('unknownFn', shown(fn), ids.join(', '));
    const info = engine.activationInfo(fn.trim());
    const params = {};
    for (const name of PARAMS) {
      const v = g(name), pi = info.params.find((p) => p.name === name);
      if (!pi) {
        if (v !== null) throw own('notTaken', info.id, name, info.params.map((p) => p.name).join(', '));
        continue;
      }
      const x = v === null ? pi.default : num(name, v);
      if (!(x >= pi.min && x <= pi.max)) throw own('outOfRange', info.id, name, shown(v), fmt(pi.min), fmt(pi.max));
      params[name] = x;
    }
    if (info.id === 'rrelu' && params.lower > params.upper) throw own('order', fmt(params.lower), fmt(params.upper));
    const xa = g('xmin'), xb = g('xmax');
    const xmin = xa === null ? -6 : num('xmin', xa), xmax = xb === null ? 6 : num('xmax', xb);
    if (!(xmin < xmax && Math.abs(xmin) <= X_LIMIT && Math.abs(xmax) <= X_LIMIT)) throw own('xrange', fmt(xmin), fmt(xmax), X_LIMIT);
    const showAttr = g('show');
    const parts = showAttr === null ? ['f', 'df'] : showAttr.split(/[\s,]+/).filter(Boolean);
    if (!parts.length || parts.some((p) => p !== 'f' && p !== 'df')) throw new AttrError((C) => C.attr.choice('show', shown(showAttr), ['"f,df"', '"f"', '"df"']));
    const logAttr = g('log-df');
    if (logAttr !== null && !['', 'true', 'false', 'log-df'].includes(logAttr)) throw new AttrError((C) => C.attr.choice('log-df', shown(logAttr), ['""', '"true"', '"false"']));
    const ctl = g('controls');
    if (ctl !== null && !['', 'auto', 'all', 'none'].includes(ctl)) throw new AttrError((C) => C.attr.choice('controls', shown(ctl), ['"auto"', '"none"']));
    return {
      fn: info.id, info, params, xmin, xmax, showF: parts.includes('f'), showDf: parts.includes('df'),
      logDf: logAttr !== null && logAttr !== 'false', controls: ctl !== 'none',
    };
  }

  // ---------------------------------------------------------------- DOM (no sampling here)
  build() {
    const $ = this.$, o = this.opts;
    $.title.textContent = this.fnTitle;
    $.logText.textContent = this.T.log;
    [$.kf.hidden, $.kd.hidden, $.controls.hidden, $.logLabel.hidden] = [!o.showF, !o.showDf, !o.controls, !o.showDf];
    this.syncKeys();
    if (this.fnShown !== o.fn) { // new sliders only for a new fn: a moving slider keeps its focus
      this.fnShown = o.fn;
      $.sliders.replaceChildren(...o.info.params.map((p) => {
        const step = niceStep((p.sliderMax - p.sliderMin) / 200); // a short decimal: the ends stay reachable
        const input = h('input', { type: 'range', name: p.name, step: String(step) });
        input.addEventListener('input', () => this.onSlider(p.name, Number(input.value)));
        return h('label', { class: 'slider' }, h('span', {}, SYMBOL[p.name] || p.name), input, h('output'));
      }));
    }
    for (const p of o.info.params) {
      const input = $.sliders.querySelector(`input[name="${p.name}"]`), v = o.params[p.name];
      input.min = String(Math.min(p.sliderMin, v));
      input.max = String(Math.max(p.sliderMax, v));
      if (Number(input.value) !== v) input.value = String(v);
      this.showValue(input, v);
    }
  }
  syncKeys() {
    const $ = this.$, logDf = this.opts.logDf;
    $.logBox.checked = logDf;
    $.kf.replaceChildren(h('i'), 'f(x)');
    $.kd.replaceChildren(h('i'), logDf ? '|f′(x)|' : 'f′(x)');
    $.kd.classList.toggle('dashed', !logDf); // as drawn: dashed on the shared axis, solid on the log panel
  }
  showValue(input, v) {
    input.setAttribute('aria-valuetext', fmt(v));
    input.nextElementSibling.textContent = fmt(v);
  }

  // ---------------------------------------------------------------- reader's changes
  onSlider(name, v) {
    if (!this.opts) return;
    v = Number(v.toPrecision(6));
    const p = this.opts.params, s = String(v);
    // rrelu keeps lower <= upper by pushing the other end along (that end first: every step valid)
    if (this.opts.fn === 'rrelu' && name === 'lower' && v > p.upper) this.reflect('upper', s);
    if (this.opts.fn === 'rrelu' && name === 'upper' && v < p.lower) this.reflect('lower', s);
    this.reflect(name, s); // opts follow (the base reads the attributes again)
    for (const q of this.opts.info.params) {
      const input = this.$.sliders.querySelector(`input[name="${q.name}"]`);
      if (Number(input.value) !== this.opts.params[q.name]) input.value = String(this.opts.params[q.name]);
      this.showValue(input, this.opts.params[q.name]);
    }
    this.emitChange();
    this.restart(); // samples again in the next frame
  }
  onLog(on) {
    if (!this.opts) return;
    this.reflect('log-df', on ? '' : null);
    this.syncKeys();
    this.emitChange();
    this.redraw();
  }
  emitChange() {
    const o = this.opts;
    this.emit('change', { fn: o.fn, params: { ...o.params }, logDf: o.logDf });
  }

  // ---------------------------------------------------------------- data
  start() { this.stale = true; }
  // One sampleCurve call per change; x grid plus the places where f′ jumps (pen lifts there).
  step() {
    const o = this.opts, p = o.params, kinks = [];
    const n = Math.max(400, Math.min(800, Math.round((this.widths.get(this.$.main) || 600) * 1.25)));
    if (['relu', 'leaky_relu', 'rrelu', 'prelu', 'selu'].includes(o.fn) || (o.fn === 'elu' && p.alpha !== 1)) kinks.push(0);
    if (o.fn === 'maxout' && p.w1 !== p.w2) kinks.push((p.b2 - p.b1) / (p.w1 - p.w2));
    if (o.fn === 'hardswish') kinks.push(-3, 3); // f′ jumps at both ends of the curved piece
    // the grid always holds x = 0 (sigmoid′ max, kinks) and maxout's crossing: corners stay sharp
    const extra = [0, ...kinks].filter((k) => k > o.xmin && k < o.xmax);
    const xs = Float64Array.from(new Set([...engine.linspace(o.xmin, o.xmax, n), ...extra])).sort();
    this.data = engine.sampleCurve(o.fn, xs, p);
    this.breaks = kinks;
    this.stale = false;
    return false;
  }
  readyToShow() { return !this.stale && !!this.plot.spec; }

  // ---------------------------------------------------------------- drawing
  // Hover and the log toggle: one drawing per frame, however many events came.
  redraw() {
    if (this.raf || !this.isConnected) return;
    this.raf = requestAnimationFrame(() => { this.raf = 0; this.draw(); });
  }
  resize(width) { this.width = width || 300; }

  marks() {
    const o = this.opts, T = this.T, p = o.params, out = { hlines: [], points: [], bands: [] };
    if (o.fn === 'sigmoid') {
      out.hlines.push({ y: 1, label: T.range('(0, 1)'), side: 'left' }, { y: 0 });
      out.points.push({ x: 0, y: 0.25, label: T.max('1/4', 0) });
    } else if (o.fn === 'tanh') {
      out.hlines.push({ y: 1, label: T.range('(\u22121, 1)'), side: 'left' }, { y: -1 });
      out.points.push({ x: 0, y: 1, label: T.max('1', 0) });
    } else if (o.fn === 'elu') {
      out.hlines.push({ y: -p.alpha, label: `\u2212α = ${fmt(-p.alpha)}` });
    } else if (o.fn === 'selu') {
      out.hlines.push({ y: SELU_MIN, label: '\u2212λα ≈ \u22121.758' });
    } else if (o.fn === 'rrelu' && o.xmin < 0) {
      const x = engine.linspace(o.xmin, Math.min(0, o.xmax), 2);
      out.bands.push({ x, lo: x.map((v) => p.upper * v), hi: x.map((v) => p.lower * v), label: T.band });
    }
    return out;
  }

  render() {
    if (this.stale || !this.data) return; // sampled in the next frame
    const o = this.opts, T = this.T, theme = this.theme, cf = theme.series[0], cd = theme.series[1];
    const width = this.width, twoPanels = o.logDf && o.showDf && o.showF;
    const height = Math.round(Math.min(twoPanels ? 520 : 380, Math.max(twoPanels ? 320 : 220, width * (twoPanels ? 0.85 : 0.62))));
    this.plot.resize(width, height);
    const d = this.data, m = this.marks();
    const fS = { x: d.x, y: d.f, color: cf, width: 2.25 };
    const dY = o.logDf ? d.df.map(Math.abs) : d.df;
    const dS = { x: d.x, y: dY, color: cd, width: 2, breaks: this.breaks, zeroLabel: T.zero, dash: o.logDf ? null : [7, 3] };
    const fPanel = { series: o.showF ? [fS] : [], hlines: o.showF ? m.hlines : [], bands: o.showF ? m.bands.map((b) => ({ ...b, color: theme.band })) : [] };
    const dPoints = o.showDf ? m.points.map((q) => ({ ...q, color: cd })) : [];
    let panels;
    if (!o.showDf) panels = [fPanel];
    else if (!o.logDf) panels = [{ ...fPanel, series: [...fPanel.series, dS], points: dPoints }];
    else if (!o.showF) panels = [{ log: true, series: [dS], points: dPoints, label: T.logPanel }];
    else panels = [{ ...fPanel, weight: 1.1 }, { log: true, series: [dS], points: dPoints, label: T.logPanel }];
    const dPanel = !o.showDf ? -1 : panels.length - 1;
    if (this.hoverX !== null && !(this.hoverX >= o.xmin && this.hoverX <= o.xmax)) this.hoverX = null; // x range changed
    const cross = this.hoverX === null ? null : this.readout(this.hoverX, dPanel, cf, cd);
    if (!cross) this.readoutHint();
    this.plot.cross = cross;
    this.plot.render({ theme, x: { min: o.xmin, max: o.xmax, label: 'x' }, panels });
    this.describe();
  }

  // Readout through engine.activate/derivative at the exact hovered x; returns crosshair dots.
  readout(x, dPanel, cf, cd) {
    const o = this.opts, f = engine.activate(o.fn, x, o.params), df = engine.derivative(o.fn, x, o.params);
    const ro = this.$.readout;
    Object.assign(ro.dataset, { x: String(x), f: String(f), df: String(df) });
    const part = (name, v) => h('span', {}, `${name} = `, h('b', {}, formatNumber(v)));
    ro.replaceChildren(part('x', x), ' ', part('f(x)', f), ' ', part('f′(x)', df)); // wraps between parts only
    const dots = [];
    if (o.showF) dots.push({ panel: 0, y: f, color: cf });
    if (dPanel >= 0) dots.push({ panel: dPanel, y: df, color: cd });
    return { x, dots };
  }
  readoutHint() {
    delete this.$.readout.dataset.x;
    this.$.readout.textContent = this.T.hint;
  }

  describe() {
    const o = this.opts, T = this.T, d = this.data;
    let f0 = Infinity, f1 = -Infinity, m = -Infinity;
    for (let i = 0; i < d.x.length; i++) { f0 = Math.min(f0, d.f[i]); f1 = Math.max(f1, d.f[i]); m = Math.max(m, d.df[i]); }
    const at = [];
    d.df.forEach((v, i) => { if (v === m) at.push(d.x[i]); });
    const a = fmt(o.xmin), b = fmt(o.xmax), title = this.fnTitle;
    this.$.canvas.setAttribute('aria-label', T.label(title, a, b));
    this.summaryText = T.summary(title, a, b, fmt(f0), fmt(f1), o.fn === 'maxout' ? T.pieces : prettyRange(o.info.range))
      + (at.length === d.x.length ? T.dconst(fmt(m)) : T.dmax(fmt(m), fmt(at[0]), fmt(at.at(-1))));
  }

  // the base's text alternative of the drawing (ui/widget.js)
  summary() { return this.summaryText; }

  hoverAt(clientX) {
    if (!this.opts || !this.plot.layout) return;
    this.hoverX = this.plot.pxToX(clientX - this.$.canvas.getBoundingClientRect().left);
    this.redraw();
  }

  onKey(e) {
    if (!this.opts) return;
    const o = this.opts, step = (o.xmax - o.xmin) / 100, x = this.hoverX ?? (o.xmin + o.xmax) / 2;
    const next = { ArrowLeft: x - step, ArrowRight: x + step, Home: o.xmin, End: o.xmax }[e.key];
    if (e.key === 'Escape') this.hoverX = null;
    else if (next === undefined) return;
    else this.hoverX = Math.max(o.xmin, Math.min(o.xmax, next));
    e.preventDefault();
    this.redraw();
  }
}

define('activation-plot', ActivationPlot);
export { ActivationPlot };
