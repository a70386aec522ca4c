// exp-a-base.js — what the four experiment widgets of section A share (not an element itself):
// <universal-approximation>, <gradient-flow>, <dead-neurons>, <self-normalization>.
// A base class with the lifecycle every widget needs: shadow DOM with an inline error box, the
// shared wasm engine, strict attributes (AttrError -> inline message), a frame-budgeted work loop
// that pauses off screen, a canvas Plot redrawn on resize and colour-scheme change, the `ready`
// attribute once the first picture is drawn, and a screen-reader table.
import * as engine from '../engine.js';
import { h, AttrError, attr, lang, Visibility, FrameLoop, BASE_STYLE, showError, Widths } from '../ui/kit.js';

import { Plot } from '../plot/plot.js';
import { readTheme } from '../plot/theme.js';
import { exportButtons, csvButton } from '../plot/export.js';

const FIRST_BUDGET_MS = 20, BUDGET_MS = 6; // work per frame before / after the first complete drawing

export { engine, h, attr, lang, AttrError };

// Page colours per activation (CSS variables --c-<id>), with these fallbacks (light / dark).
const FALLBACK = {
  linear: ['#767676', '#9a9a9a'], sigmoid: ['#ad811c', '#e69f00'], tanh: ['#ff3f19', '#ff7a33'],
  relu: ['#0070af', '#3d9ee0'], leaky_relu: ['#0e895c', '#1fc493'], rrelu: ['#3d91c2', '#8fd3ff'],
  prelu: ['#bf5f9b', '#e39ac6'], elu: ['#96923e', '#c9c46a'], selu: ['#111111', '#f0f0f0'],
  maxout: ['#882255', '#d17aa6'],
};
export const TITLES = {
  linear: 'linear', sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', leaky_relu: 'Leaky ReLU', rrelu: 'RReLU',
  prelu: 'PReLU', elu: 'ELU', selu: 'SELU', maxout: 'maxout',
};

const STYLE = `${BASE_STYLE}
:host { --plot-bg: var(--w-bg); --plot-fg: var(--w-fg); --plot-muted: var(--w-muted); --plot-grid: var(--w-grid);
  --plot-axis: var(--axis, #8a93a3); }
@media (prefers-color-scheme: dark) { :host { --plot-axis: var(--axis, #7d889b); } }
.title { font-weight: 600; margin: 0 0 4px; }
.keys { display: flex; flex-wrap: wrap; gap: 2px 12px; margin: 2px 0 4px; font-size: 13px; }
.keys span { display: inline-flex; align-items: center; gap: 5px; font-variant-numeric: tabular-nums; }
.keys i { width: 16px; height: 4px; border-radius: 2px; display: inline-block; }
.keys i.dash { background: none !important; border-top: 2px dashed currentColor; height: 0; }
.stat { font-variant-numeric: tabular-nums; color: var(--w-muted); margin: 4px 0 0; font-size: 13px; overflow-wrap: anywhere; }
.stat b { color: var(--w-fg); }
.controls { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; margin-top: 6px; }
.controls label { display: inline-flex; gap: 6px; align-items: center; }
.controls input[type=range] { width: 150px; max-width: 42vw; accent-color: var(--w-accent); }
output { font-variant-numeric: tabular-nums; min-width: 2.6em; display: inline-block; }
.note { color: var(--w-muted); font-size: 12px; margin: 4px 0 0; }
.exports { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
`;

// A range slider with a text label and a live <output>; fmt formats the value for the output.
export function slider({ name, min, max, step, text, fmt = String }) {
  const input = h('input', { type: 'range', name, min: String(min), max: String(max), step: String(step) });
  const out = h('output', { for: name });
  const label = h('label', {}, h('span', {}, text), input, out);
  const show = () => { out.textContent = fmt(Number(input.value)); };
  input.addEventListener('input', show);
  return { label, input, out, set(v) { input.value = String(v); show(); } };
}

export function checkbox({ name, text }) {
  const input = h('input', { type: 'checkbox', name });
  return { label: h('label', {}, input, h('span', {}, text)), input };
}

// Numbers for people: 3 significant digits, exponent form for tiny/huge values, typographic minus.
export function fmt(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 10 ** digits && a < 1e5) return String(Math.round(v)).replace(/^-/, '\u2212');
  const s = a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(digits - 1) : v.toPrecision(digits);
  return s.replace(/^-/, '\u2212').replace('e-', 'e\u2212').replace('e+', 'e');
}

export class ExpWidget extends HTMLElement {
  // Subclasses: static TEXT = {ko, en}; readAttrs(); build() (once per configure); start() (sets up the run);
  // step() (one small unit of work; true while more remains); render() (draw + stats + table).
  // Attributes set here: `ready` after the first drawing, `done` while the computation is complete,
  // `error` while an inline message is shown.
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.$ = {
      title: h('p', { class: 'title' }), keys: h('div', { class: 'keys' }),
      canvas: h('canvas', { role: 'img' }), stat: h('p', { class: 'stat', 'aria-live': 'polite' }),
      controls: h('div', { class: 'controls' }), note: h('p', { class: 'note' }),
      table: h('table'), error: h('div', { class: 'error', role: 'alert', hidden: '' }),
    };
    const $ = this.$;
    // the table is for screen readers (a table ignores width: 1px, so it sits in a clipped div)
    // downloads: the plot (PNG / SVG) and the numbers of the table (CSV)
    $.exports = h('div', { class: 'exports' }, csvButton(this, () => $.table, () => this.localName), exportButtons(this, () => this.plot, () => this.localName));
    $.main = h('div', {}, $.title, $.keys, $.canvas, $.stat, $.controls, $.exports, $.note, h('div', { class: 'sr-only' }, $.table));
    root.append(h('style', {}, STYLE + (this.constructor.STYLE || '')), $.error, $.main);
    this.plot = new Plot($.canvas);
    this.loop = new FrameLoop({
      step: () => {
        const more = this.safe(() => this.step()) === true;
        if (!more && this.pending) { this.pending = false; this.finished = true; }
        return more;
      },
      draw: () => this.draw(),
      // Until the first complete drawing, bigger slices: the page loads ~20 widgets at once, and at
      // 6 ms per frame gradient-flow's ten starting steps (~5 ms each) took ten crowded frames.
      // Once ready, half the kit default: room for one more work unit on a busy machine.
      budgetMs: FIRST_BUDGET_MS,
    });
    // Off screen the work pauses, but only after the first drawing: a widget below the fold must
    // still draw its starting state (and set `ready`) without being scrolled to.
    this.vis = new Visibility(this, () => this.schedule());
    this.widths = new Widths(() => { if (this.opts) this.draw(); });
    this.mq = matchMedia('(prefers-color-scheme: dark)');
    this.onScheme = () => { if (this.opts) this.draw(); };
    // Controls reflect their value to the matching attribute (so share.js can put it in a link);
    // the widget's own listener on the control has already restarted the work.
    for (const type of ['input', 'change']) $.controls.addEventListener(type, (e) => this.reflectControl(e.target));
  }

  get T() { return this.constructor.TEXT[lang(this)]; }

  connectedCallback() {
    this.vis.start();
    this.widths.observe(this.$.main);
    this.mq.addEventListener('change', this.onScheme);
    engine.ready().then(() => { this.engineReady = true; this.configure(); },
      (e) => showError(this, this.$.error, this.$.main, `${this.T.engine}${e.message}`));
  }
  disconnectedCallback() {
    this.vis.stop();
    this.widths.disconnect();
    this.mq.removeEventListener('change', this.onScheme);
    this.loop.stop();
    this.dispose?.();
  }
  attributeChangedCallback() {
    if (!this.engineReady) return;
    // A control's own value reflected: the work already follows the control; only refresh opts.
    if (this.reflecting) { try { this.opts = this.readAttrs(); } catch { /* the control's value is always valid */ } return; }
    this.configure();
  }

  // Subclasses: static CONTROLS = { controlName: 'attribute' }; controlValue(input) may convert
  // (a checkbox gives presence). Sets the attribute without reconfiguring and fires `change`
  // {control, value} (bubbling, composed) when the value really changed.
  reflectControl(input) {
    const name = this.constructor.CONTROLS?.[input?.name];
    if (!name) return;
    const v = input.type === 'checkbox' ? (input.checked ? '' : null) : String(this.controlValue ? this.controlValue(input) : input.value);
    if (this.getAttribute(name) === v) return;
    this.reflecting = true;
    try { if (v === null) this.removeAttribute(name); else this.setAttribute(name, v); } finally { this.reflecting = false; }
    this.emit({ control: name, value: v });
  }

  // Runs fn; an engine error becomes the inline message and stops the work.
  safe(fn) {
    try { return fn(); } catch (e) {
      this.fail(e.message);
      return false;
    }
  }
  fail(message) {
    this.pending = false;
    this.loop.stop();
    showError(this, this.$.error, this.$.main, message);
  }

  configure() {
    try { this.opts = this.readAttrs(); } catch (e) {
      if (!(e instanceof AttrError)) throw e;
      this.opts = null;
      this.fail(e.message);
      return;
    }
    showError(this, this.$.error, this.$.main, null);
    this.$.title.textContent = this.T.title;
    this.$.canvas.setAttribute('aria-label', this.T.label);
    this.$.note.textContent = this.T.note || '';
    this.build();
    this.restart();
  }

  // (Re)starts the computation with the current options and controls.
  restart() {
    if (!this.opts) return;
    this.finished = false;
    this.pending = this.safe(() => { this.start(); return true; });
    if (!this.pending) return;
    this.draw();
    this.schedule();
  }

  // Called by the loop after its work slices (and on resize / scheme change).
  draw() {
    if (!this.opts || this.hasAttribute('error')) return;
    const w = this.widths.get(this.$.main);
    if (w === undefined) return; // drawn once the browser has laid the widget out (Widths)
    const width = Math.max(200, w || 320);
    this.plot.resize(width, this.plotHeight(width));
    this.theme = readTheme(this);
    if (!this.safe(() => { this.render(); return true; })) return;
    this.toggleAttribute('done', !!this.finished);
    if (!this.hasAttribute('ready') && this.readyToShow()) {
      this.loop.budgetMs = BUDGET_MS;
      this.setAttribute('ready', '');
      this.dispatchEvent(new CustomEvent('ready', { bubbles: true, composed: true }));
      this.schedule();
    }
  }
  // Runs the work loop while there is work and the widget is on screen or not yet drawn.
  schedule() {
    if (this.pending && (this.vis.visible || !this.hasAttribute('ready'))) this.loop.start();
    else this.loop.stop();
  }
  plotHeight(width) { return Math.round(Math.max(220, Math.min(340, width * 0.55))); }
  readyToShow() { return true; }

  // Colour of an activation from the page (--c-<id>), else the fallback for the scheme.
  color(id) {
    const v = getComputedStyle(this).getPropertyValue(`--c-${id}`).trim();
    return v || (FALLBACK[id] || ['#1f62c4', '#6fb1ff'])[this.mq.matches ? 1 : 0];
  }

  // Legend chips: [{id, text, dash}] -> <span><i/>text</span>.
  keys(items) {
    this.$.keys.replaceChildren(...items.map((k) => {
      const i = h('i', { class: k.dash ? 'dash' : '' });
      if (k.dash) i.style.color = k.color; else i.style.background = k.color;
      return h('span', {}, i, k.text);
    }));
  }

  // Screen-reader table: caption, header row, body rows (arrays of strings; the first cell is a row header).
  table(caption, head, rows) {
    this.$.table.replaceChildren(h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r[0]), ...r.slice(1).map((c) => h('td', {}, c))))));
  }

  emit(detail) { this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail })); }
}

// Parses a comma list of activation ids against the engine's ids (minus unsupported ones).
export function activationList(name, raw, allowed, def) { return attr.list(name, raw, allowed, def); }
