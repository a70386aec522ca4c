// <zigzag-descent> — why all-positive inputs (a sigmoid layer's outputs) make gradient descent
// zig-zag. One neuron a = w1 x1 + w2 x2 learns the target weights w* with SGD (one sample per step)
// or with the whole batch's mean gradient; each panel draws the loss contours over (w1, w2), the
// contours' two axes (eigen-directions of C = mean x x^T, labelled by eigenvalue) and the path of the
// weights, once with inputs from a sigmoid (all positive) and once from tanh (zero-centred). Below
// the panels, sentences built from the live runs name the cause the reader is looking at (the shared
// sign of one-sample steps, or C's conditioning) and, at high learning rates, why tanh slows down.
// Computed in C++ (engine.zigzagDescent) at once; the base's frame loop then only animates the
// drawing of the paths (about 3 s, paused off screen).
//
// Attributes (strict; an invalid value shows an inline message):
//   inputs     "sigmoid,tanh" (default) — which panels, in order
//   lr         learning rate, [0.01, 2], default 0.5 (also the slider)
//   mode       single (one sample per step, default) | batch (the mean gradient over all points; also the select)
//   spread     pre-activations u ~ U(-spread, spread), [0.1, 10], default 2
//   start      "w1,w2" (default "0,0")     target  "w1,w2" (default "1,-1")
//   tolerance  converged when |w − w*| < tolerance, default 0.05
//   seed       data seed (default 1)       max-steps  default 3000
//   animate    "false" draws the whole path at once (also when the reader prefers reduced motion)
//   lang       ko|en
// Sets `ready` once drawn and `done` when the paths are fully drawn. Events: `change`
// {control: 'lr' | 'mode', value} when the reader moves the slider or the select; `done` {lr, mode, results}.
import { Widget, engine, h, define } from '../ui/widget.js';
import { attr } from '../ui/kit.js';
import { slider, fmt } from '../ui/chart-widget.js';
import { linearTicks, formatTick } from '../plot/scale.js';
import { canvasDpr } from '../plot/draw.js';
import { contourSegments } from '../plot/contours.js';
import TEXT from '../text/zigzag-descent.js';

const STYLE = `
.title { font-weight: 600; margin: 0 0 6px; }
.panels { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 250px), 1fr)); }
.panel { min-width: 0; }
.panel h4 { margin: 0 0 2px; font-size: 13px; font-weight: 600; display: flex; gap: 6px; align-items: center; }
.panel h4 i { width: 14px; height: 4px; border-radius: 2px; display: inline-block; }
.stat { font-variant-numeric: tabular-nums; color: var(--w-muted); margin: 2px 0 0; font-size: 13px; }
.stat b { color: var(--w-fg); }
.controls { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; margin-top: 8px; }
.controls label { display: inline-flex; gap: 6px; align-items: center; }
.controls input[type=range] { width: 150px; max-width: 40vw; accent-color: var(--w-accent); }
output { font-variant-numeric: tabular-nums; min-width: 2.5em; display: inline-block; }
.legend { color: var(--w-muted); font-size: 12px; margin-top: 4px; }
.explain { margin: 6px 0 0; font-size: 13px; }
.explain p { margin: 0 0 4px; }
`;
const DURATION_MS = 3000; // the longest path takes about this long to draw

class ZigzagDescent extends Widget {
  static TEXT = TEXT;
  static STYLE = STYLE;
  static ANNOUNCE = true;
  static ATTRS = ['inputs', 'lr', 'mode', 'spread', 'start', 'target', 'tolerance', 'seed', 'max-steps', 'animate'];
  static CONTROLS = { lr: 'lr', mode: 'mode' };

  constructor() {
    super();
    this.loop.paced = true; // step() advances an animation by the clock: once per frame
    Object.assign(this, { views: [], viewsKey: null, runs: null, runsKey: null, seedOffset: 0, progress: 1 });
  }

  skeleton() {
    const $ = this.$;
    this.lr = slider({ name: 'lr', min: 0.05, max: 2, step: 0.05, text: '' });
    this.lr.input.addEventListener('input', () => { this.lrValue = Number(this.lr.input.value); this.restart(); });
    this.mode = h('select', { name: 'mode' }, h('option', { value: 'single' }), h('option', { value: 'batch' }));
    this.mode.addEventListener('change', () => { this.modeValue = this.mode.value; this.restart(); });
    Object.assign($, {
      title: h('p', { class: 'title' }), panels: h('div', { class: 'panels' }), legend: h('div', { class: 'legend' }), table: h('table'),
      explain: h('div', { class: 'explain', 'aria-live': 'polite' }), modeText: h('span'),
      replay: h('button', { type: 'button', name: 'replay' }), newData: h('button', { type: 'button', name: 'new-data' }),
    });
    $.replay.addEventListener('click', () => this.restart()); // the same runs (kept), drawn again
    $.newData.addEventListener('click', () => { this.seedOffset += 1; this.restart(); });
    $.controls = h('div', { class: 'controls' }, this.lr.label, h('label', {}, $.modeText, this.mode), $.replay, $.newData,
      this.exportButtons({ table: () => $.table, name: () => 'zigzag-descent' })); // the results table as CSV
    // the table is for screen readers; a 1-px clipped <div> around it (a table ignores width: 1px)
    $.main.append($.title, $.panels, $.legend, $.explain, $.controls, h('div', { class: 'sr-only' }, $.table));
    this.askFirst([$.panels, $.explain, $.table.parentElement], $.title);
  }

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    return {
      inputs: attr.list('inputs', g('inputs'), ['sigmoid', 'tanh'], ['sigmoid', 'tanh']),
      lr: attr.number('lr', g('lr'), { min: 0.01, max: 2, def: 0.5 }),
      mode: attr.choice('mode', g('mode'), ['single', 'batch'], 'single'),
      spread: attr.number('spread', g('spread'), { min: 0.1, max: 10, def: 2 }),
      start: attr.pair('start', g('start'), [0, 0], { min: -100, max: 100 }),
      target: attr.pair('target', g('target'), [1, -1], { min: -100, max: 100 }),
      tolerance: attr.number('tolerance', g('tolerance'), { min: 0.001, max: 1, def: 0.05 }),
      seed: attr.int('seed', g('seed'), { min: 0, max: 1e9, def: 1 }),
      maxSteps: attr.int('max-steps', g('max-steps'), { min: 10, max: 20000, def: 3000 }),
      animate: g('animate') !== 'false' && !matchMedia('(prefers-reduced-motion: reduce)').matches,
    };
  }

  // Text and panels; the panels (and their canvases) stay while the inputs stay.
  build() {
    const T = this.T, o = this.opts, $ = this.$;
    // new settings from the attributes: the slider and the runs follow them (a relabel keeps both)
    if (this.builtFor !== o) {
      this.builtFor = o; this.lrValue = o.lr; this.lr.set(o.lr); this.lr.out.textContent = String(o.lr);
      this.modeValue = o.mode; this.mode.value = o.mode;
    }
    $.title.textContent = T.title;
    this.lr.label.firstChild.textContent = T.lr;
    $.replay.textContent = `↻ ${T.replay}`;
    $.newData.textContent = T.newData;
    $.legend.textContent = T.legend;
    $.modeText.textContent = T.mode;
    for (const opt of this.mode.options) opt.textContent = T.modes[opt.value];
    if (this.viewsKey !== o.inputs.join()) {
      this.viewsKey = o.inputs.join();
      this.views = o.inputs.map((k) => {
        const key = h('i'), name = h('span'), canvas = h('canvas', { role: 'img' }), stat = h('p', { class: 'stat' });
        key.style.background = `var(--w-c-${k})`;
        return { k, name, canvas, stat, panel: h('div', { class: 'panel' }, h('h4', {}, key, name), canvas, stat) };
      });
      $.panels.replaceChildren(...this.views.map((v) => v.panel));
    }
    for (const v of this.views) {
      v.name.textContent = T.panel[v.k];
      v.canvas.setAttribute('aria-label', T.label(T.panel[v.k]));
    }
    this.writeStats();
  }

  // The runs for the current settings (computed again only when a setting changed), drawn from the start.
  start() {
    const o = this.opts, lr = this.lrValue, seed = o.seed + this.seedOffset, batch = this.modeValue === 'batch';
    const key = JSON.stringify([o.inputs, lr, batch, o.spread, o.start, o.target, o.tolerance, seed, o.maxSteps]);
    if (key !== this.runsKey) {
      this.runsKey = null;
      this.runs = o.inputs.map((k) => engine.zigzagDescent({
        inputs: k, learningRate: lr, spread: o.spread, start: o.start, target: o.target, tolerance: o.tolerance,
        seed, maxSteps: o.maxSteps, grid: 56, batch,
      }));
      this.runsKey = key;
      this.results = { lr, mode: this.modeValue, results: this.runs.map((r) => ({ inputs: r.inputs, steps: r.steps, sameSign: r.sameSignCount,
        convergedAt: r.convergedAt, lr, eigenvalues: [...r.eigenvalues], overshootPoints: r.overshootPoints })) };
      this.writeStats();
    }
    this.progress = o.animate ? 0 : 1;
    this.lastT = performance.now();
    this.emitted = false;
    return o.animate; // the whole path at once: nothing to animate
  }

  // One animation frame: frames missed off screen (or in a slow phase) count at most 100 ms.
  step() {
    const now = performance.now();
    this.progress = Math.min(1, this.progress + Math.min(100, now - this.lastT) / DURATION_MS);
    this.lastT = now;
    return this.progress < 1;
  }

  writeStats() {
    if (!this.runs) return;
    const T = this.T;
    const rows = this.runs.map((r) => {
      const conv = r.convergedAt >= 0 ? `${T.steps} ${r.convergedAt}` : T.never(r.steps);
      return { r, name: T.panel[r.inputs], conv, steps: r.steps, same: r.sameSignCount };
    });
    for (const v of this.views) {
      const row = rows.find((x) => x.r.inputs === v.k);
      if (!row) { v.stat.replaceChildren(); continue; }
      v.stat.replaceChildren(h('b', {}, row.conv), h('br'),
        `${T.same}: ${row.same}/${row.steps} (${Math.round((100 * row.same) / Math.max(1, row.steps))}%)`, h('br'),
        T.curvature(fmt(row.r.eigenvalues[0]), fmt(row.r.eigenvalues[1]), fmt(row.r.meanSqNorm)));
    }
    this.$.explain.replaceChildren(...T.explain(this.facts()).map((t) => h('p', {}, t)));
    const tb = h('tbody', {}, ...rows.map((x) => h('tr', {}, h('th', { scope: 'row' }, x.name),
      h('td', {}, x.r.convergedAt >= 0 ? String(x.r.convergedAt) : '—'), h('td', {}, `${x.same}/${x.steps}`))));
    this.summaryText = `${T.caption(this.opts.tolerance)}. ${T.summary(rows)}`;
    this.$.table.replaceChildren(h('caption', {}, this.summaryText),
      h('thead', {}, h('tr', {}, ...T.th.map((t) => h('th', { scope: 'col' }, t)))), tb);
  }

  // The numbers the explanation quotes, all from the live runs (plain JS; the text table words them).
  facts() {
    const by = Object.fromEntries(this.runs.map((r) => [r.inputs, r]));
    const n = (r) => (r.convergedAt >= 0 ? r.convergedAt : r.steps);
    const run = (r) => r && {
      steps: n(r), converged: r.convergedAt >= 0, same: r.sameSignCount, total: r.steps,
      sharePct: Math.round((100 * r.sameSignCount) / Math.max(1, r.steps)),
      big: fmt(r.eigenvalues[0]), small: fmt(r.eigenvalues[1]), ratio: fmt(r.eigenvalues[0] / r.eigenvalues[1], 2),
      meanSq: fmt(r.meanSqNorm, 2), over: r.overshootPoints, points: r.points.length / 2, limit: fmt(2 / r.eigenvalues[0], 2),
    };
    const sig = run(by.sigmoid), tanh = run(by.tanh);
    // does the way from the start to w* run along the sigmoid panel's slow axis (|cos| > 0.9)?
    const r0 = by.sigmoid, d = r0 && [r0.target[0] - r0.start[0], r0.target[1] - r0.start[1]];
    const alongSlow = !!d && Math.abs(d[0] * r0.eigenvectors[2] + d[1] * r0.eigenvectors[3]) > 0.9 * Math.hypot(d[0], d[1]);
    const bothStable = this.runs.every((r) => 2 / r.eigenvalues[0] > 2);  // above the slider's maximum
    return { alongSlow, bothStable, batch: this.modeValue === 'batch', lr: fmt(this.runs[0].learningRate, 2), sig, tanh,
      tanhSlower: !!(sig && tanh && tanh.steps >= sig.steps) };
  }

  summary() { return this.summaryText; } // the base's text alternative

  // While the paths animate, each drawing of the frame loop draws one panel: a changed canvas is
  // copied to the compositor in the frame it is drawn, and on a phone-class CPU one copy fits in a
  // frame where three made a long task (the first picture drawn at once: 50-60 ms of drawing and
  // 60 ms of commit at 4×). The first picture comes a panel per frame (`ready` once all are drawn),
  // then the panels are redrawn in turn. The last picture and every other drawing (a resize, the
  // colour scheme, a restart) draw all of them.
  frame() {
    this.inLoop = true;
    try { super.frame(); } finally { this.inLoop = false; }
  }
  render() {
    if (!this.runs) return;
    // each canvas fills its panel: drawn once the browser has laid the panels out (Widths)
    const widths = this.views.map((v) => this.widths.get(v.panel));
    if (widths.includes(undefined)) return;
    const maxSteps = Math.max(...this.runs.map((r) => r.steps));
    // (a drawing outside the loop while the first picture is coming, e.g. the panels' first widths
    // heard, draws the next panel too: the loop draws the rest)
    const count = this.runs.length, inTurn = (this.inLoop || (!this.drawn && this.loop.running)) && !this.finished;
    const one = !inTurn ? -1 : this.drawn ? (this.turn = ((this.turn ?? -1) + 1) % count) : (this.firstPanels ?? 0) % count;
    this.runs.forEach((r, i) => { if (one < 0 || i === one) this.drawPanel(this.views[i], r, this.theme, Math.ceil(this.progress * maxSteps), widths[i]); });
    if (!this.drawn) this.firstPanels = one < 0 ? count : one + 1;
    this.drawn ||= this.firstPanels >= count;
    if (this.finished && !this.emitted) { this.emitted = true; this.emit('done', this.results); }
  }
  readyToShow() { return !!this.drawn; }

  drawPanel(view, r, th, upto, panelWidth) {
    const { canvas } = view, color = this.color(view.k);
    const w = Math.max(120, Math.min(420, panelWidth || 300));
    const dpr = canvasDpr();
    if (canvas.width !== Math.round(w * dpr)) { canvas.width = Math.round(w * dpr); canvas.height = Math.round(w * dpr); }
    canvas.style.width = `${w}px`;
    canvas.style.height = `${w}px`;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const fs = th.fontSize, L = 34, R = w - 8, T = 8, B = w - fs - 12;
    const [x0, x1, y0, y1] = r.bounds;
    const sx = (x) => L + ((x - x0) / (x1 - x0)) * (R - L), sy = (y) => B - ((y - y0) / (y1 - y0)) * (B - T);
    ctx.fillStyle = th.bg;
    ctx.fillRect(0, 0, w, w);
    // contours (levels geometric from the largest loss in view, on the C++ grid): found once per run
    const n = r.grid, cell = (R - L) / (n - 1), cellY = (B - T) / (n - 1);
    ctx.lineWidth = 1;
    contoursOf(r).forEach((seg, lev) => {
      ctx.strokeStyle = th.axis;
      ctx.globalAlpha = 0.35 + 0.05 * lev;
      ctx.beginPath();
      for (let k = 0; k < seg.length; k += 4) {
        ctx.moveTo(L + seg[k] * cell, B - seg[k + 1] * cellY);
        ctx.lineTo(L + seg[k + 2] * cell, B - seg[k + 3] * cellY);
      }
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    this.drawAxes(ctx, r, th, sx, sy, { L, R, T, B });
    // frame, ticks
    ctx.strokeStyle = th.axis;
    ctx.strokeRect(L + 0.5, T + 0.5, R - L - 1, B - T - 1);
    ctx.font = `${fs}px ${th.fontFamily}`;
    ctx.fillStyle = th.muted;
    const xt = linearTicks(x0, x1, 4), yt = linearTicks(y0, y1, 4);
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    const nameW = ctx.measureText('w₁ →').width + 8;
    for (const v of xt.values) if (sx(v) + 12 < R - nameW) ctx.fillText(formatTick(v, xt.step), sx(v), B + 3);
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    for (const v of yt.values) ctx.fillText(formatTick(v, yt.step), L - 4, sy(v));
    ctx.fillStyle = th.fg;
    ctx.textAlign = 'right'; ctx.textBaseline = 'top';
    ctx.fillText('w₁ →', R, B + 3);
    ctx.textAlign = 'left';
    ctx.fillText('↑ w₂', L + 4, T + 3);
    // path
    const p = r.path, m = Math.min(upto, r.steps);
    ctx.save();
    ctx.beginPath();
    ctx.rect(L, T, R - L, B - T);
    ctx.clip();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.6;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(sx(p[0]), sy(p[1]));
    for (let k = 1; k <= m; k++) ctx.lineTo(sx(p[2 * k]), sy(p[2 * k + 1]));
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(sx(p[2 * m]), sy(p[2 * m + 1]), 3, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
    // start and target
    ctx.fillStyle = th.fg;
    ctx.beginPath();
    ctx.arc(sx(p[0]), sy(p[1]), 4, 0, 2 * Math.PI);
    ctx.fill();
    star(ctx, sx(r.target[0]), sy(r.target[1]), 7, th.fg, th.bg);
  }

  // The contours' two axes (eigen-directions of C) as a dashed cross in the plot corner farthest from
  // the path, so it never hides under it: half-lengths ∝ 1/√λ (the shape of a contour ellipse), the
  // longer one 17 % of the plot; each end labelled λ = value.
  drawAxes(ctx, r, th, sx, sy, box) {
    const [l1, l2] = r.eigenvalues, v = r.eigenvectors;
    if (!(l2 > 0)) return;
    const size = box.R - box.L, long = 0.17 * size, p = r.path;
    const corners = [[box.L, box.T], [box.R, box.T], [box.L, box.B], [box.R, box.B]].map(([x, y]) => [x + Math.sign(box.L + size / 2 - x) * 0.25 * size, y + Math.sign(box.T + (box.B - box.T) / 2 - y) * 0.25 * (box.B - box.T)]);
    let best = corners[0], far = -1;
    for (const c of corners) {
      let near = Infinity;
      for (let k = 0; k < p.length; k += 2) near = Math.min(near, Math.hypot(sx(p[k]) - c[0], sy(p[k + 1]) - c[1]));
      near = Math.min(near, Math.hypot(sx(r.target[0]) - c[0], sy(r.target[1]) - c[1]));
      if (near > far) { far = near; best = c; }
    }
    const [cx, cy] = best;
    ctx.save();
    ctx.strokeStyle = th.fg;
    ctx.lineWidth = 1.25;
    ctx.font = `${th.fontSize}px ${th.fontFamily}`;
    ctx.textBaseline = 'middle';
    for (const [k, lam] of [[0, l1], [1, l2]]) {
      const half = long * Math.sqrt(l2 / lam), dx = v[2 * k] * half, dy = -v[2 * k + 1] * half; // canvas y points down
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(cx - dx, cy - dy);
      ctx.lineTo(cx + dx, cy + dy);
      ctx.stroke();
      ctx.setLineDash([]);
      // the label beyond the end that points right (or up), kept inside the plot
      const sgn = dx > 1e-9 || (Math.abs(dx) <= 1e-9 && dy < 0) ? 1 : -1;
      const text = `λ = ${fmt(lam, 2)}`, tw = ctx.measureText(text).width;
      let x = cx + sgn * dx * 1.08 + (sgn * dx >= 0 ? 3 : -tw - 3), y = cy + sgn * dy * 1.08;
      x = Math.max(box.L + 2, Math.min(box.R - tw - 2, x));
      y = Math.max(box.T + th.fontSize, Math.min(box.B - th.fontSize, y));
      ctx.globalAlpha = 0.85;
      ctx.fillStyle = th.bg;
      ctx.fillRect(x - 2, y - th.fontSize / 2 - 2, tw + 4, th.fontSize + 4);
      ctx.globalAlpha = 1;
      ctx.fillStyle = th.fg;
      ctx.textAlign = 'left';
      ctx.fillText(text, x, y);
    }
    ctx.restore();
  }

  // Steps to converge, sigmoid inputs against tanh inputs (a run that never converges counts all its steps).
  outcome() {
    const by = Object.fromEntries((this.runs || []).map((r) => [r.inputs, r]));
    if (!this.finished || !by.sigmoid || !by.tanh) return null;
    const n = (r) => (r.convergedAt >= 0 ? r.convergedAt : r.steps), ratio = n(by.sigmoid) / Math.max(1, n(by.tanh));
    const T = this.T;
    return { correct: ratio < 1.5 ? 0 : ratio <= 8 ? 1 : 2, measured: `${T.panel.sigmoid} ${n(by.sigmoid)}, ${T.panel.tanh} ${n(by.tanh)} (×${ratio.toFixed(1)})`,
      batch: this.modeValue === 'batch' };
  }
  // Answered after the paths were drawn: draw them again for the reader.
  onAnswered() { if (this.finished) this.restart(); }
}

// A run's loss contours: nine levels, each 0.55 of the one above, from the largest loss in view; the
// segments in grid units, found once per run (marching squares over 56² cells was most of each
// drawing, drawn again on every frame of the animation).
const CONTOURS = new WeakMap();
function contoursOf(r) {
  let c = CONTOURS.get(r);
  if (!c) {
    let max = 0;
    for (const v of r.loss) if (v > max) max = v;
    c = Array.from({ length: 9 }, (_, lev) => contourSegments(r.loss, r.grid, max * 0.55 ** (lev + 1)));
    CONTOURS.set(r, c);
  }
  return c;
}

function star(ctx, x, y, rad, fill, stroke) {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5, rr = i % 2 ? rad * 0.45 : rad;
    ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
  }
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1;
  ctx.stroke();
}

define('zigzag-descent', ZigzagDescent);
