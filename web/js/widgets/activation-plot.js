// <activation-plot fn="elu" alpha="1"> — one activation f and its derivative f′ on one canvas,
// with parameter sliders, a hover readout, a log-|f′| toggle and marks for the facts the post
// states. Attributes in, a `change` event out, styles encapsulated in a shadow root.
//
// Attributes (parsed strictly; an invalid value shows an inline message, never a blank box):
//   fn        linear|sigmoid|tanh|relu|leaky_relu|rrelu|prelu|elu|selu|maxout (required)
//   alpha lower upper w1 b1 w2 b2   only those `fn` takes; ranges from engine.activationInfo
//   xmin xmax x range (default −6..6)     show  "f,df" (default), "f" or "df"
//   log-df    present = |f′| on a log axis (a second panel)   controls  "none" hides the controls
//   lang      ko|en (default: <html lang>)
// Sets `ready` once first drawn, `error` while showing a message. Fires `change`
// ({detail: {fn, params, logDf}}, bubbles, composed) when a slider or the log toggle moves,
// after reflecting the new value to the attribute.
import * as engine from '../engine.js';
import { Plot } from '../plot/plot.js';
import { readTheme } from '../plot/theme.js';
import { formatNumber, niceStep } from '../plot/scale.js';
import { exportButtons } from '../plot/export.js'; // PNG / SVG download buttons (issue 5)
import { Widths } from '../ui/kit.js';

const PARAMS = ['alpha', 'lower', 'upper', 'w1', 'b1', 'w2', 'b2'];
const SYMBOL = { alpha: 'α' };
const NUMBER_RE = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i;
const X_LIMIT = 1e6;

const TEXT = {
  ko: {
    hint: '그래프 위에 포인터를 올리면 x, f(x), f′(x) 값이 보입니다.', log: '|f′| 로그 축', logPanel: '|f′(x)| (로그 축)',
    error: '그래프를 그릴 수 없습니다', zero: 'f′ = 0 (로그 축 아래 끝)', range: (r) => `출력 범위 ${r}`,
    max: (v, x) => `f′ 최댓값 ${v} (x = ${x})`, band: '음영: 학습 시 음수 쪽 기울기 ~ U(lower, upper)',
    label: (t, a, b) => `${t} 함수 f(x)와 도함수 f′(x)의 그래프, x는 ${a}부터 ${b}까지`,
    summary: (t, a, b, f0, f1, r) => `${t}: x가 ${a}부터 ${b}까지일 때 f는 ${f0}에서 ${f1}까지 (출력 범위 ${r}).`,
    dmax: (m, x0, x1) => (x0 === x1 ? ` f′의 최댓값은 x = ${x0}에서 ${m}.` : ` f′의 최댓값은 ${m} (x = ${x0} … ${x1}).`), dconst: (m) => ` f′는 어디서나 ${m}.`,
    missing: '필수 속성 fn이 없습니다', unknownFn: (v, ids) => `fn=${v}는 알 수 없는 활성화 함수입니다. 가능한 값: ${ids}`,
    notNumber: (n, v) => `${n}=${v}는 숫자가 아닙니다 (예: ${n}="0.5")`,
    outOfRange: (fn, n, v, a, b) => `${fn}의 ${n}는 ${a} 이상 ${b} 이하여야 합니다 (받은 값 ${v})`,
    notTaken: (fn, n, list) => `${fn}에는 매개변수 ${n}가 없습니다 (받는 매개변수: ${list || '없음'})`,
    order: (l, u) => `rrelu: lower(${l})는 upper(${u})보다 클 수 없습니다`,
    xrange: (a, b) => `xmin(${a})은 xmax(${b})보다 작아야 하고 둘 다 ±${X_LIMIT} 안이어야 합니다`,
    choice: (n, v, ok) => `${n}=${v}는 허용되지 않습니다. 가능한 값: ${ok}`, engine: '계산 엔진을 불러오지 못했습니다: ', pieces: '조각에 따라 다름',
    // Korean titles (English ones come from the engine's info table)
    titles: { linear: '선형 (항등 함수)', sigmoid: '시그모이드 (로지스틱)', tanh: '쌍곡 탄젠트 (tanh)', relu: 'ReLU', leaky_relu: 'Leaky ReLU',
      rrelu: '무작위 Leaky ReLU (RReLU)', prelu: '매개변수 ReLU (PReLU)', elu: 'ELU', selu: 'SELU (크기 조정 ELU)', maxout: '맥스아웃 (Maxout)' },
  },
  en: {
    hint: 'Hover over the plot to read x, f(x) and f′(x).', log: 'log |f′| axis', logPanel: '|f′(x)| (log axis)',
    error: 'Cannot draw this plot', zero: 'f′ = 0 (bottom of the log axis)', range: (r) => `output range ${r}`,
    max: (v, x) => `max f′ = ${v} at x = ${x}`, band: 'shaded: training-time slopes ~ U(lower, upper)',
    label: (t, a, b) => `Plot of ${t} f(x) and its derivative f′(x) for x from ${a} to ${b}`,
    summary: (t, a, b, f0, f1, r) => `${t}: for x from ${a} to ${b}, f goes from ${f0} to ${f1} (output range ${r}).`,
    dmax: (m, x0, x1) => (x0 === x1 ? ` f′ is largest, ${m}, at x = ${x0}.` : ` f′ is largest, ${m}, for x in [${x0}, ${x1}].`), dconst: (m) => ` f′ is ${m} everywhere.`,
    missing: 'the fn attribute is required', unknownFn: (v, ids) => `fn=${v} is not an activation; allowed: ${ids}`,
    notNumber: (n, v) => `${n}=${v} is not a number (e.g. ${n}="0.5")`,
    outOfRange: (fn, n, v, a, b) => `${fn}: ${n} must be between ${a} and ${b} (got ${v})`,
    notTaken: (fn, n, list) => `${fn} takes no parameter ${n} (it takes: ${list || 'none'})`,
    order: (l, u) => `rrelu: lower (${l}) must not exceed upper (${u})`,
    xrange: (a, b) => `xmin (${a}) must be less than xmax (${b}), both within ±${X_LIMIT}`,
    choice: (n, v, ok) => `${n}=${v} is not allowed; allowed: ${ok}`, engine: 'could not load the activation engine: ', pieces: 'depends on the pieces',
  },
};

// Shown in messages as text only (never parsed as HTML): quoted and shortened.
const shown = (v) => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
const fmt = (v) => formatNumber(v, 4);
const prettyRange = (r) => r.replace(/-/g, '\u2212').replace(/inf/g, '∞').replace(/scale\*alpha/g, 'λα').replace(/alpha/g, 'α');

const canvasBox = (el) => el.$.canvas.parentElement; // the box the canvas fills

class AttrError extends Error {} // a message for the reader, shown inside the widget

const STYLE = `
:host { display: block; box-sizing: border-box; max-width: 100%; min-width: 0;
  --plot-bg: #ffffff; --plot-fg: #1d2330; --plot-muted: #5b6475; --plot-grid: #e6e9ef; --plot-axis: #8a93a3;
  --plot-series-1: #1f62c4; --plot-series-2: #c2410c; --plot-band: #1f62c4; --plot-mark: #374151; --plot-error: #b42318;
  color: var(--plot-fg); background: var(--plot-bg); border: 1px solid var(--plot-grid); border-radius: 8px;
  padding: 8px 10px; font: 14px/1.45 var(--plot-font-family, system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR", sans-serif); }
@media (prefers-color-scheme: dark) { :host { --plot-bg: #151a23; --plot-fg: #e7ebf2; --plot-muted: #a7b0c0;
  --plot-grid: #2a3242; --plot-axis: #6f7a8e; --plot-series-1: #6fb1ff; --plot-series-2: #ffa05c; --plot-band: #6fb1ff;
  --plot-mark: #cdd4df; --plot-error: #ff8a80; } }
:host([hidden]), * { box-sizing: border-box; }
.head { display: flex; flex-wrap: wrap; gap: 2px 14px; align-items: baseline; margin-bottom: 4px; }
.title { font-weight: 600; margin-right: auto; }
.key { white-space: nowrap; color: var(--plot-muted); }
.key i { display: inline-block; width: 18px; height: 3px; border-radius: 2px; vertical-align: middle; margin-right: 5px; }
.kf i { background: var(--plot-series-1); } .kd i { background: var(--plot-series-2); }
.kd.dashed i { background: linear-gradient(90deg, var(--plot-series-2) 70%, transparent 0) 0 0 / 10px 3px repeat-x; }
canvas { display: block; width: 100%; touch-action: pan-y; border-radius: 4px; }
canvas:focus-visible { outline: 2px solid var(--plot-series-1); outline-offset: 2px; }
.readout { min-height: 1.45em; margin: 4px 0 2px; font-variant-numeric: tabular-nums; color: var(--plot-muted); overflow-wrap: anywhere; }
.readout b { font-weight: 600; color: var(--plot-fg); } .readout span { white-space: nowrap; margin-right: 0.9em; }
.params { display: grid; grid-template-columns: auto minmax(60px, 1fr) auto; gap: 2px 10px; align-items: center; }
.params:empty { display: none; } .log { margin-top: 2px; }
/* the download group is set apart from the log toggle (else "|f′| 로그 축 그림 내려받기" reads as one phrase) */
.controls .export { padding-inline-start: 12px; border-inline-start: 1px solid var(--plot-axis); margin-top: 2px; }
label { display: inline-flex; align-items: center; gap: 6px; min-width: 0; }
.slider { display: contents; }
.slider input { width: 100%; min-width: 0; margin: 4px 0; accent-color: var(--plot-series-1); }
output { min-width: 3.6em; font-variant-numeric: tabular-nums; }
.error { color: var(--plot-error); border-left: 3px solid var(--plot-error); padding: 4px 8px; overflow-wrap: anywhere; }
.error strong { display: block; } .box { width: 100%; min-width: 0; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

class ActivationPlot extends HTMLElement {
  static get observedAttributes() { return ['fn', ...PARAMS, 'xmin', 'xmax', 'show', 'log-df', 'controls', 'lang']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = h('style', {}, STYLE);
    this.$ = {
      title: h('span', { class: 'title' }), kf: h('span', { class: 'key kf' }), kd: h('span', { class: 'key kd' }),
      canvas: h('canvas', { role: 'img', tabindex: '0' }), readout: h('div', { class: 'readout', 'aria-live': 'polite' }),
      controls: h('div', { class: 'controls' }), sliders: h('div', { class: 'params' }), logBox: h('input', { type: 'checkbox', name: 'log-df' }), logText: h('span'),
      summary: h('p', { class: 'sr-only' }), error: h('div', { class: 'error', role: 'alert', hidden: '' }),
    };
    const $ = this.$;
    $.logLabel = h('label', { class: 'log' }, $.logBox, $.logText);
    $.controls.append($.sliders, $.logLabel, exportButtons(this, () => this.plot, () => this.state && `activation-plot-${this.state.fn}`));
    $.main = h('div', { class: 'main' }, h('div', { class: 'head' }, $.title, $.kf, $.kd),
      h('div', { class: 'box' }, $.canvas), $.readout, $.controls, $.summary);
    root.append(style, $.main, $.error);
    this.plot = new Plot($.canvas);
    Object.assign(this, { state: null, hoverX: null, raf: 0, dirty: false, fnShown: null });
    $.canvas.addEventListener('pointermove', (e) => this.hoverAt(e.clientX));
    $.canvas.addEventListener('pointerdown', (e) => this.hoverAt(e.clientX));
    $.canvas.addEventListener('pointerleave', () => { this.hoverX = null; this.schedule(false); });
    $.canvas.addEventListener('keydown', (e) => this.onKey(e));
    $.logBox.addEventListener('change', () => { this.toggleAttribute('log-df', $.logBox.checked); this.emitChange(); });
    this.widths = new Widths(() => this.schedule(false)); // the canvas's box; height follows width
    this.langObs = new MutationObserver(() => this.schedule(true));
    this.onScheme = () => this.schedule(false);
  }

  connectedCallback() {
    this.widths.observe(canvasBox(this));
    this.langObs.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.mql = matchMedia('(prefers-color-scheme: dark)');
    this.mql.addEventListener('change', this.onScheme);
    engine.ready().then(() => this.schedule(true), (e) => this.showError(this.t().engine + e.message));
  }

  disconnectedCallback() {
    [this.widths, this.langObs].forEach((o) => o.disconnect());
    this.mql?.removeEventListener('change', this.onScheme);
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  attributeChangedCallback() { this.schedule(true); }

  // Current parameters (all of fn's, defaults filled in) — null while the attributes are invalid.
  get params() { return this.state ? { ...this.state.params } : null; }
  // Geometry of the last drawing (panels in CSS px, domains) for hit-testing, exports and tests.
  get plotLayout() { return this.plot.layout ? structuredClone(this.plot.layout) : null; }

  lang() {
    const l = (this.getAttribute('lang') || document.documentElement.lang || 'ko').toLowerCase();
    return l.startsWith('en') ? 'en' : 'ko';
  }
  t() { return TEXT[this.lang()]; }
  // The function's title in the widget's language.
  title() { return this.t().titles?.[this.state.fn] ?? this.state.info.title; }

  // Coalesces attribute changes, slider moves, resizes and hovers into one draw per frame.
  schedule(reparse) {
    this.dirty ||= reparse;
    if (this.raf || !this.isConnected) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      if (!engine.isReady()) return;
      const reparseNow = this.dirty;
      this.dirty = false;
      if (reparseNow || !this.state) {
        try {
          this.state = this.parse();
          this.sync();
          this.sample();
        } catch (e) { // bad attributes (AttrError) or an engine error: say so inside the widget
          this.state = null;
          this.showError(e.message);
          return;
        }
      }
      if (this.state) this.draw();
    });
  }

  // ---------------------------------------------------------------- attributes
  parse() {
    const t = this.t(), ids = engine.activationIds();
    const fn = this.getAttribute('fn');
    if (fn === null || fn.trim() === '') throw new AttrError(t.missing);
    if (!ids.includes(fn.trim())) throw new AttrError(t.unknownFn(shown(fn), ids.join(', ')));
    const info = engine.activationInfo(fn.trim());
    const num = (name, v) => {
      if (!NUMBER_RE.test(v)) throw new AttrError(t.notNumber(name, shown(v)));
      return Number(v);
    };
    const params = {};
    for (const name of PARAMS) {
      const v = this.getAttribute(name);
      const pi = info.params.find((p) => p.name === name);
      if (!pi) {
        if (v !== null) throw new AttrError(t.notTaken(info.id, name, info.params.map((p) => p.name).join(', ')));
        continue;
      }
      const x = v === null ? pi.default : num(name, v);
      if (!(x >= pi.min && x <= pi.max)) throw new AttrError(t.outOfRange(info.id, name, shown(v), fmt(pi.min), fmt(pi.max)));
      params[name] = x;
    }
    if (info.id === 'rrelu' && params.lower > params.upper) throw new AttrError(t.order(fmt(params.lower), fmt(params.upper)));
    const xa = this.getAttribute('xmin'), xb = this.getAttribute('xmax');
    const xmin = xa === null ? -6 : num('xmin', xa), xmax = xb === null ? 6 : num('xmax', xb);
    if (!(xmin < xmax && Math.abs(xmin) <= X_LIMIT && Math.abs(xmax) <= X_LIMIT)) throw new AttrError(t.xrange(fmt(xmin), fmt(xmax)));
    const showAttr = this.getAttribute('show');
    const parts = showAttr === null ? ['f', 'df'] : showAttr.split(/[\s,]+/).filter(Boolean);
    if (!parts.length || parts.some((p) => p !== 'f' && p !== 'df')) throw new AttrError(t.choice('show', shown(showAttr), '"f,df", "f", "df"'));
    const logAttr = this.getAttribute('log-df');
    if (logAttr !== null && !['', 'true', 'false', 'log-df'].includes(logAttr)) throw new AttrError(t.choice('log-df', shown(logAttr), '"", "true", "false"'));
    const ctl = this.getAttribute('controls');
    if (ctl !== null && !['', 'auto', 'all', 'none'].includes(ctl)) throw new AttrError(t.choice('controls', shown(ctl), '"auto", "none"'));
    const lang = this.getAttribute('lang');
    if (lang !== null && !/^(ko|en)(-[a-z0-9-]+)?$/i.test(lang)) throw new AttrError(t.choice('lang', shown(lang), '"ko", "en"'));
    return {
      fn: info.id, info, params, xmin, xmax, showF: parts.includes('f'), showDf: parts.includes('df'),
      logDf: logAttr !== null && logAttr !== 'false', controls: ctl !== 'none',
    };
  }

  showError(message) {
    const $ = this.$;
    $.error.replaceChildren(h('strong', {}, this.t().error), message); // text nodes only
    [$.error.hidden, $.main.hidden] = [false, true];
    this.setAttribute('error', '');
  }

  // Brings the DOM (title, legend, sliders, toggle) in line with the parsed state.
  sync() {
    const $ = this.$, s = this.state, t = this.t();
    [$.error.hidden, $.main.hidden] = [true, false];
    this.removeAttribute('error');
    $.title.textContent = this.title();
    $.kf.replaceChildren(h('i'), 'f(x)');
    $.kd.replaceChildren(h('i'), s.logDf ? '|f′(x)|' : 'f′(x)');
    $.kd.classList.toggle('dashed', !s.logDf); // as drawn: dashed on the shared axis, solid on the log panel
    [$.kf.hidden, $.kd.hidden, $.controls.hidden, $.logLabel.hidden] = [!s.showF, !s.showDf, !s.controls, !s.showDf];
    $.logBox.checked = s.logDf;
    $.logText.textContent = t.log;
    if (this.fnShown !== s.fn) {
      this.fnShown = s.fn;
      $.sliders.replaceChildren();
      for (const p of s.info.params) {
        const step = niceStep((p.sliderMax - p.sliderMin) / 200); // a short decimal: the ends stay reachable
        const input = h('input', { type: 'range', name: p.name, step: String(step) }), out = h('output');
        input.addEventListener('input', () => this.onSlider(p.name, Number(input.value)));
        $.sliders.append(h('label', { class: 'slider' }, h('span', {}, SYMBOL[p.name] || p.name), input, out));
      }
    }
    for (const p of s.info.params) {
      const input = $.sliders.querySelector(`input[name="${p.name}"]`), v = s.params[p.name];
      input.min = String(Math.min(p.sliderMin, v));
      input.max = String(Math.max(p.sliderMax, v));
      if (Number(input.value) !== v) input.value = String(v);
      input.setAttribute('aria-valuetext', formatNumber(v, 4));
      input.nextElementSibling.textContent = formatNumber(v, 4);
    }
  }

  onSlider(name, v) {
    if (!this.state) return;
    v = Number(v.toPrecision(6));
    this.setAttribute(name, String(v));
    const p = this.state.params;
    if (this.state.fn === 'rrelu') { // keep lower <= upper by pushing the other end along
      if (name === 'lower' && v > p.upper) this.setAttribute('upper', String(v));
      if (name === 'upper' && v < p.lower) this.setAttribute('lower', String(v));
    }
    try { this.state = this.parse(); } catch { return; }
    this.emitChange();
  }

  emitChange() {
    if (!this.state) return;
    const logDf = this.hasAttribute('log-df') && this.getAttribute('log-df') !== 'false';
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: { fn: this.state.fn, params: { ...this.state.params }, logDf } }));
  }

  // ---------------------------------------------------------------- data and drawing
  // One sampleCurve call per redraw; x grid plus the places where f′ jumps (pen lifts there).
  sample() {
    const s = this.state;
    const n = Math.max(400, Math.min(800, Math.round((this.widths.get(canvasBox(this)) || 600) * 1.25)));
    const p = s.params, kinks = [];
    if (['relu', 'leaky_relu', 'rrelu', 'prelu', 'selu'].includes(s.fn) || (s.fn === 'elu' && p.alpha !== 1)) kinks.push(0);
    if (s.fn === 'maxout' && p.w1 !== p.w2) kinks.push((p.b2 - p.b1) / (p.w1 - p.w2));
    s.breaks = kinks;
    // the grid always holds x = 0 (sigmoid′ max, kinks) and maxout's crossing: corners stay sharp
    const extra = [0, ...kinks].filter((k) => k > s.xmin && k < s.xmax);
    const xs = Float64Array.from(new Set([...engine.linspace(s.xmin, s.xmax, n), ...extra])).sort();
    s.data = engine.sampleCurve(s.fn, xs, s.params);
  }

  marks() {
    const s = this.state, t = this.t(), p = s.params, out = { hlines: [], points: [], bands: [] };
    if (s.fn === 'sigmoid') {
      out.hlines.push({ y: 1, label: t.range('(0, 1)'), side: 'left' }, { y: 0 });
      out.points.push({ x: 0, y: 0.25, label: t.max('1/4', 0) });
    } else if (s.fn === 'tanh') {
      out.hlines.push({ y: 1, label: t.range('(\u22121, 1)'), side: 'left' }, { y: -1 });
      out.points.push({ x: 0, y: 1, label: t.max('1', 0) });
    } else if (s.fn === 'elu') {
      out.hlines.push({ y: -p.alpha, label: `\u2212α = ${fmt(-p.alpha)}` });
    } else if (s.fn === 'selu') {
      out.hlines.push({ y: -1.0507009873554805 * 1.6732632423543772, label: '\u2212λα ≈ \u22121.758' });
    } else if (s.fn === 'rrelu' && s.xmin < 0) {
      const x = engine.linspace(s.xmin, Math.min(0, s.xmax), 2);
      out.bands.push({ x, lo: x.map((v) => p.upper * v), hi: x.map((v) => p.lower * v), label: t.band });
    }
    return out;
  }

  draw() {
    const s = this.state, t = this.t(), $ = this.$;
    const theme = readTheme(this), cf = theme.series[0], cd = theme.series[1];
    const boxWidth = this.widths.get(canvasBox(this));
    if (boxWidth === undefined) return; // drawn once the browser has laid the widget out (Widths)
    const width = boxWidth || 300;
    const twoPanels = s.logDf && s.showDf && s.showF;
    const height = Math.round(Math.min(twoPanels ? 520 : 380, Math.max(twoPanels ? 320 : 220, width * (twoPanels ? 0.85 : 0.62))));
    this.plot.resize(width, height);
    const d = s.data, m = this.marks();
    const fS = { x: d.x, y: d.f, color: cf, width: 2.25 };
    const dY = s.logDf ? d.df.map(Math.abs) : d.df;
    const dS = { x: d.x, y: dY, color: cd, width: 2, breaks: s.breaks, zeroLabel: t.zero, dash: s.logDf ? null : [7, 3] };
    const fPanel = { series: s.showF ? [fS] : [], hlines: s.showF ? m.hlines : [], bands: s.showF ? m.bands.map((b) => ({ ...b, color: theme.band })) : [] };
    const dPoints = s.showDf ? m.points.map((q) => ({ ...q, color: cd })) : [];
    let panels;
    if (!s.showDf) panels = [fPanel];
    else if (!s.logDf) panels = [{ ...fPanel, series: [...fPanel.series, dS], points: dPoints }];
    else if (!s.showF) panels = [{ log: true, series: [dS], points: dPoints, label: t.logPanel }];
    else panels = [{ ...fPanel, weight: 1.1 }, { log: true, series: [dS], points: dPoints, label: t.logPanel }];
    const dPanel = !s.showDf ? -1 : panels.length - 1;
    if (this.hoverX !== null && !(this.hoverX >= s.xmin && this.hoverX <= s.xmax)) this.hoverX = null; // x range changed
    const cross = this.hoverX === null ? null : this.readout(this.hoverX, dPanel, cf, cd);
    if (!cross) this.readoutHint();
    this.plot.cross = cross;
    this.plot.render({ theme, x: { min: s.xmin, max: s.xmax, label: 'x' }, panels });
    this.describe();
    if (!this.hasAttribute('ready')) this.setAttribute('ready', '');
  }

  // Readout through engine.activate/derivative at the exact hovered x; returns crosshair dots.
  readout(x, dPanel, cf, cd) {
    const s = this.state, f = engine.activate(s.fn, x, s.params), df = engine.derivative(s.fn, x, s.params);
    const $ = this.$;
    $.readout.dataset.x = String(x);
    $.readout.dataset.f = String(f);
    $.readout.dataset.df = String(df);
    const part = (name, v) => h('span', {}, `${name} = `, h('b', {}, formatNumber(v)));
    $.readout.replaceChildren(part('x', x), ' ', part('f(x)', f), ' ', part('f′(x)', df)); // wraps between parts only
    const dots = [];
    if (s.showF) dots.push({ panel: 0, y: f, color: cf });
    if (dPanel >= 0) dots.push({ panel: dPanel, y: df, color: cd });
    return { x, dots };
  }

  readoutHint() {
    delete this.$.readout.dataset.x;
    this.$.readout.textContent = this.t().hint;
  }

  describe() {
    const s = this.state, t = this.t(), d = s.data;
    const f0 = Math.min(...d.f), f1 = Math.max(...d.f), m = Math.max(...d.df), at = [];
    d.df.forEach((v, i) => { if (v === m) at.push(d.x[i]); });
    const a = fmt(s.xmin), b = fmt(s.xmax);
    this.$.canvas.setAttribute('aria-label', t.label(this.title(), a, b));
    this.$.summary.textContent = t.summary(this.title(), a, b, fmt(f0), fmt(f1), s.fn === 'maxout' ? t.pieces : prettyRange(s.info.range))
      + (at.length === d.x.length ? t.dconst(fmt(m)) : t.dmax(fmt(m), fmt(at[0]), fmt(at.at(-1))));
  }

  hoverAt(clientX) {
    if (!this.state || !this.plot.layout) return;
    this.hoverX = this.plot.pxToX(clientX - this.$.canvas.getBoundingClientRect().left);
    this.schedule(false);
  }

  onKey(e) {
    if (!this.state) return;
    const s = this.state, step = (s.xmax - s.xmin) / 100, x = this.hoverX ?? (s.xmin + s.xmax) / 2;
    const next = { ArrowLeft: x - step, ArrowRight: x + step, Home: s.xmin, End: s.xmax }[e.key];
    if (e.key === 'Escape') this.hoverX = null;
    else if (next === undefined) return;
    else this.hoverX = Math.max(s.xmin, Math.min(s.xmax, next));
    e.preventDefault();
    this.schedule(false);
  }
}

if (!customElements.get('activation-plot')) customElements.define('activation-plot', ActivationPlot);
export { ActivationPlot };
