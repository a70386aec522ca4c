// chart-widget.js — the widget layout most experiments share, on top of the widget base: a title,
// colour keys, one canvas Plot, a live one-line result, controls, download buttons, a note, and
// the numbers as a table for screen readers (and the CSV download).
//
//   class MyExperiment extends ChartWidget {
//     static TEXT = TEXT;   // needs title, label (the canvas's accessible name); note optional;
//                           // predict {question, choices, why} asks a prediction first (ui/predict.js)
//     build() { super.build(); this.$.controls.replaceChildren(…); }
//     render() { this.plot.render({…}); this.keys([…]); this.stat(…); this.table(…); }
//   }
import { Widget, h } from './widget.js';
import { Plot } from '../plot/plot.js';

export const CHART_STYLE = `
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
  const show = () => { out.textContent = fmt(Number(input.value)); input.setAttribute('aria-valuetext', out.textContent); };
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

// Display names of the activations (the same in both languages).
export const TITLES = {
  linear: 'linear', sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', leaky_relu: 'Leaky ReLU', rrelu: 'RReLU',
  prelu: 'PReLU', elu: 'ELU', selu: 'SELU', maxout: 'maxout',
  softplus: 'softplus', silu: 'SiLU', gelu: 'GELU', gelu_tanh: 'GELU (tanh)', mish: 'Mish', hardswish: 'hard-swish',
};
// The activations after the 2020 post (the engine lists them after its ten).
export const AFTER_POST = ['softplus', 'silu', 'gelu', 'gelu_tanh', 'mish', 'hardswish'];

export class ChartWidget extends Widget {
  skeleton() {
    super.skeleton();
    const $ = this.$;
    Object.assign($, {
      title: h('p', { class: 'title' }), keys: h('div', { class: 'keys' }),
      canvas: h('canvas', { role: 'img' }), stat: h('p', { class: 'stat' }),
      controls: h('div', { class: 'controls' }), note: h('p', { class: 'note' }), table: h('table'),
    });
    this.plot = new Plot($.canvas);
    $.exports = h('div', { class: 'exports' }, this.exportButtons({ plot: () => this.plot, table: () => $.table }));
    // the table is for screen readers (a table ignores width: 1px, so it sits in a clipped div)
    $.main.append($.title, $.keys, $.canvas, $.stat, $.controls, $.exports, $.note, h('div', { class: 'sr-only' }, $.table));
    // "predict, then observe" when the widget's text asks a question: the result waits for the answer
    this.askFirst([$.keys, $.canvas, $.stat, $.table.parentElement], $.title);
    $.canvas.after(this.$.motion); // the play button of reduced motion, under the picture
  }
  static STYLE = CHART_STYLE;
  static ANNOUNCE = true; // the result is said once, when complete (the base's live region)

  build() {
    const T = this.T;
    this.$.title.textContent = T.title;
    this.$.canvas.setAttribute('aria-label', T.label);
    this.$.note.textContent = T.note || '';
  }
  resize(w) {
    const width = Math.max(200, w || 320);
    this.plot.resize(width, this.plotHeight(width));
  }
  plotHeight(width) { return Math.round(Math.max(220, Math.min(340, width * 0.55))); }

  // The text alternative: the widget's own sentence (text table `summary({caption, head, rows})`),
  // else the table's numbers in one sentence.
  summary() {
    const d = this.tableData;
    if (!d) return '';
    return this.T.summary ? this.T.summary(d) : this.C.tableSummary(d.caption, d.head, d.rows);
  }

  // Legend chips: [{text, color, dash}] -> <span><i/>text</span>.
  keys(items) {
    this.$.keys.replaceChildren(...items.map((k) => {
      const i = h('i', { class: k.dash ? 'dash' : '' });
      if (k.dash) i.style.color = k.color; else i.style.background = k.color;
      return h('span', {}, i, k.text);
    }));
  }

  // Screen-reader table: caption, header row, body rows (arrays of strings; the first cell is a row header).
  table(caption, head, rows) {
    this.tableData = { caption, head, rows };
    this.$.table.replaceChildren(h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r[0]), ...r.slice(1).map((c) => h('td', {}, c))))));
  }
}
