// <zigzag-descent> — why all-positive inputs (a sigmoid layer's outputs) make gradient descent
// zig-zag. One neuron a = w1 x1 + w2 x2 learns the target weights w* with SGD (one sample per step);
// each panel draws the loss contours over (w1, w2) and the path of the weights, once with inputs
// from a sigmoid (all positive) and once from tanh (zero-centred). Computed in C++ (engine.zigzagRun).
//
// Attributes (strict; an invalid value shows an inline message):
//   inputs     "sigmoid,tanh" (default) — which panels, in order
//   lr         learning rate, (0, 2], default 0.5 (also the slider)
//   spread     pre-activations u ~ U(-spread, spread), (0, 10], default 2
//   start      "w1,w2" (default "0,0")     target  "w1,w2" (default "1,-1")
//   tolerance  converged when |w − w*| < tolerance, default 0.05
//   seed       data seed (default 1)       max-steps  default 3000
//   animate    "false" draws the whole path at once (also when the reader prefers reduced motion)
//   lang       ko|en
// Sets `ready` once drawn and `done` when the paths are fully drawn; pauses off screen.
import * as engine from '../engine.js';
import { h, AttrError, attr, lang, Visibility, BASE_STYLE, showError, Widths } from '../ui/kit.js';
import { readTheme } from '../plot/theme.js';
import { linearTicks, formatTick } from '../plot/scale.js';
import { csvButton } from '../plot/export.js';

const FALLBACK = { sigmoid: '#ad811c', tanh: '#ff3f19' };
const TEXT = {
  ko: {
    title: '지그재그: 입력이 모두 양수일 때의 경사 하강',
    lr: '학습률', replay: '다시 재생', newData: '새 데이터',
    panel: { sigmoid: '시그모이드 출력 (모두 양수)', tanh: 'tanh 출력 (0 중심)' },
    steps: '수렴까지 걸음 수', same: '두 성분의 부호가 같은 갱신', never: (n) => `${n}걸음 안에 수렴하지 못함`,
    th: ['입력', '수렴까지 걸음', '부호가 같은 갱신'],
    caption: (tol) => `|w − w*| < ${tol}가 될 때까지의 SGD 걸음 수 (샘플 하나씩)`,
    legend: '● 시작  ★ 목표 w*  선: 가중치 경로',
    label: (k) => `손실 등고선 위 두 가중치의 경로, 입력: ${k}`,
    summary: (rows) => rows.map((r) => `${r.name}: ${r.conv}, 부호가 같은 갱신 ${r.same}/${r.steps}`).join('. '),
    engine: '계산 엔진을 불러오지 못했습니다: ',
  },
  en: {
    title: 'Zig-zag: gradient descent with all-positive inputs',
    lr: 'learning rate', replay: 'replay', newData: 'new data',
    panel: { sigmoid: 'sigmoid outputs (all positive)', tanh: 'tanh outputs (zero-centred)' },
    steps: 'steps to converge', same: 'updates whose two components share a sign', never: (n) => `not converged in ${n} steps`,
    th: ['inputs', 'steps to converge', 'same-sign updates'],
    caption: (tol) => `SGD steps (one sample each) until |w − w*| < ${tol}`,
    legend: '● start  ★ target w*  line: path of the weights',
    label: (k) => `Path of the two weights over the loss contours, inputs: ${k}`,
    summary: (rows) => rows.map((r) => `${r.name}: ${r.conv}, same-sign updates ${r.same} of ${r.steps}`).join('. '),
    engine: 'could not load the activation engine: ',
  },
};

const STYLE = `${BASE_STYLE}
:host { --plot-bg: var(--w-bg); --plot-fg: var(--w-fg); --plot-muted: var(--w-muted); --plot-grid: var(--w-grid);
  --plot-axis: var(--axis, #8a93a3); }
@media (prefers-color-scheme: dark) { :host { --plot-axis: var(--axis, #7d889b); } }
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
`;

function cssColor(el, name, fallback) { return getComputedStyle(el).getPropertyValue(name).trim() || fallback; }
function pair(name, raw, def) {
  if (raw == null || raw.trim() === '') return def;
  const parts = raw.split(',');
  if (parts.length !== 2) throw new AttrError(`${name}="${raw}": two numbers "w1,w2" / 숫자 두 개`);
  return parts.map((p, i) => attr.number(`${name}[${i}]`, p, { min: -100, max: 100 }));
}

class ZigzagDescent extends HTMLElement {
  static get observedAttributes() { return ['inputs', 'lr', 'spread', 'start', 'target', 'tolerance', 'seed', 'max-steps', 'animate', 'lang']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.$ = {
      title: h('p', { class: 'title' }), panels: h('div', { class: 'panels' }),
      lr: h('input', { type: 'range', min: '0.05', max: '2', step: '0.05', name: 'lr' }), lrOut: h('output'),
      lrText: h('span'), replay: h('button', { type: 'button', name: 'replay' }), newData: h('button', { type: 'button', name: 'new-data' }),
      legend: h('div', { class: 'legend' }), table: h('table'), error: h('div', { class: 'error', role: 'alert', hidden: '' }),
    };
    const $ = this.$;
    $.controls = h('div', { class: 'controls' }, h('label', {}, $.lrText, $.lr, $.lrOut), $.replay, $.newData,
      csvButton(this, () => $.table, () => 'zigzag-descent')); // the results table (steps, same-sign updates)
    // the table is for screen readers; a 1-px clipped <div> around it (a table ignores width: 1px)
    $.main = h('div', {}, $.title, $.panels, $.legend, $.controls, h('div', { class: 'sr-only' }, $.table));
    root.append(h('style', {}, STYLE), $.error, $.main);
    $.lr.addEventListener('input', () => {
      this.lrOverride = Number($.lr.value);
      $.lrOut.textContent = $.lr.value;
      this.reflect('lr', $.lr.value); // for share.js; compute() fires `change`
      this.compute();
    });
    $.replay.addEventListener('click', () => this.play());
    $.newData.addEventListener('click', () => { this.seedOffset = (this.seedOffset || 0) + 1; this.compute(); });
    // The animation only redraws (the paths are computed at once), so a plain rAF loop is enough.
    this.loop = { running: false, raf: 0,
      start: () => { if (!this.loop.running) { this.loop.running = true; this.lastT = performance.now(); this.loop.raf = requestAnimationFrame(this.tick); } },
      stop: () => { this.loop.running = false; cancelAnimationFrame(this.loop.raf); } };
    this.tick = () => {
      if (!this.loop.running) return;
      this.advance();
      this.drawAll();
      if (this.progress < 1) this.loop.raf = requestAnimationFrame(this.tick); else this.loop.running = false;
    };
    this.vis = new Visibility(this, (v) => { if (v && this.progress < 1) this.loop.start(); else if (!v) this.loop.stop(); });
    // Each canvas fills its panel: a panel's new width redraws (panels are observed once drawn).
    this.widths = new Widths(() => { if (this.runs) this.drawAll(); });
    this.progress = 1;
  }

  connectedCallback() {
    this.vis.start();
    engine.ready().then(() => { this.engineReady = true; this.configure(); },
      (e) => showError(this, this.$.error, this.$.main, TEXT[lang(this)].engine + e.message));
  }
  disconnectedCallback() { this.vis.stop(); this.widths.disconnect(); this.loop.stop(); }
  attributeChangedCallback() { if (this.engineReady && !this.reflecting) { this.lrOverride = undefined; this.configure(); } }
  // Sets an attribute from a control without reconfiguring (the control already drives the run).
  reflect(name, value) { this.reflecting = true; try { this.setAttribute(name, value); } finally { this.reflecting = false; } }

  readAttrs() {
    const g = (n) => this.getAttribute(n);
    return {
      inputs: attr.list('inputs', g('inputs'), ['sigmoid', 'tanh'], ['sigmoid', 'tanh']),
      lr: attr.number('lr', g('lr'), { min: 0.01, max: 2, def: 0.5 }),
      spread: attr.number('spread', g('spread'), { min: 0.1, max: 10, def: 2 }),
      start: pair('start', g('start'), [0, 0]), target: pair('target', g('target'), [1, -1]),
      tolerance: attr.number('tolerance', g('tolerance'), { min: 0.001, max: 1, def: 0.05 }),
      seed: attr.int('seed', g('seed'), { min: 0, max: 1e9, def: 1 }),
      maxSteps: attr.int('max-steps', g('max-steps'), { min: 10, max: 20000, def: 3000 }),
      animate: g('animate') !== 'false' && !matchMedia('(prefers-reduced-motion: reduce)').matches,
    };
  }

  configure() {
    const T = TEXT[lang(this)], $ = this.$;
    try { this.opts = this.readAttrs(); } catch (e) {
      if (!(e instanceof AttrError)) throw e;
      showError(this, $.error, $.main, e.message);
      this.loop.stop();
      return;
    }
    showError(this, $.error, $.main, null);
    $.title.textContent = T.title;
    $.lrText.textContent = T.lr;
    $.replay.textContent = `↻ ${T.replay}`;
    $.newData.textContent = T.newData;
    $.legend.textContent = T.legend;
    $.lr.value = String(this.opts.lr);
    $.lrOut.textContent = String(this.opts.lr);
    $.panels.replaceChildren();
    this.views = this.opts.inputs.map((k) => {
      const color = cssColor(this, `--c-${k}`, FALLBACK[k]);
      const canvas = h('canvas', { role: 'img', 'aria-label': T.label(T.panel[k]) });
      const stat = h('p', { class: 'stat' });
      const key = h('i');
      key.style.background = color;
      $.panels.append(h('div', { class: 'panel' }, h('h4', {}, key, T.panel[k]), canvas, stat));
      return { k, canvas, stat, color };
    });
    this.compute();
  }

  compute() {
    const o = this.opts;
    if (!o) return;
    const lr = this.lrOverride ?? o.lr;
    try {
      this.runs = this.views.map((v) => engine.zigzagRun({
        inputs: v.k, learningRate: lr, spread: o.spread, start: o.start, target: o.target, tolerance: o.tolerance,
        seed: o.seed + (this.seedOffset || 0), maxSteps: o.maxSteps, grid: 56,
      }));
    } catch (e) {
      showError(this, this.$.error, this.$.main, e.message);
      return;
    }
    showError(this, this.$.error, this.$.main, null);
    this.writeStats(lr);
    this.play();
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: { lr, results: this.summary } }));
  }

  writeStats(lr) {
    const T = TEXT[lang(this)];
    const rows = this.runs.map((r, i) => {
      const conv = r.convergedAt >= 0 ? `${T.steps} ${r.convergedAt}` : T.never(r.steps);
      this.views[i].stat.replaceChildren(h('b', {}, conv), h('br'), `${T.same}: ${r.sameSignCount}/${r.steps} (${Math.round((100 * r.sameSignCount) / Math.max(1, r.steps))}%)`);
      return { name: T.panel[r.inputs], inputs: r.inputs, conv, steps: r.steps, same: r.sameSignCount, convergedAt: r.convergedAt };
    });
    this.summary = rows.map(({ inputs, steps, same, convergedAt }) => ({ inputs, steps, sameSign: same, convergedAt, lr }));
    const tb = h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.name), h('td', {}, r.convergedAt >= 0 ? String(r.convergedAt) : '—'), h('td', {}, `${r.same}/${r.steps}`))));
    this.$.table.replaceChildren(h('caption', {}, `${T.caption(this.opts.tolerance)}. ${T.summary(rows)}`),
      h('thead', {}, h('tr', {}, ...T.th.map((t) => h('th', { scope: 'col' }, t)))), tb);
  }

  play() {
    this.removeAttribute('done');
    this.progress = this.opts.animate ? 0 : 1;
    this.lastT = performance.now();
    this.drawAll();
    this.loop.stop();
    if (this.progress < 1 && this.vis.visible) this.loop.start();
    if (this.progress >= 1) this.setAttribute('done', '');
  }

  // The longest path takes about 3 s to draw (frames missed off screen do not count).
  advance() {
    const now = performance.now();
    this.progress = Math.min(1, this.progress + Math.min(100, now - this.lastT) / 3000);
    this.lastT = now;
    if (this.progress >= 1) this.setAttribute('done', '');
  }

  drawAll() {
    if (!this.runs) return;
    // each canvas fills its panel: drawn once the browser has laid the panels out (Widths)
    if (this.views.map((v) => this.widths.get(v.canvas.parentElement)).includes(undefined)) return;
    const th = readTheme(this);
    const maxSteps = Math.max(...this.runs.map((r) => r.steps));
    this.runs.forEach((r, i) => this.drawPanel(this.views[i], r, th, Math.ceil(this.progress * maxSteps)));
    if (!this.hasAttribute('ready')) this.setAttribute('ready', ''); // (set here, where the picture is drawn)
  }

  drawPanel(view, r, th, upto) {
    const { canvas } = view;
    const w = Math.max(120, Math.min(420, this.widths.get(canvas.parentElement) || 300));
    const dpr = Math.max(1, Math.min(3, devicePixelRatio || 1));
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
    // contours: levels geometric from the largest loss in view, marching squares on the C++ grid
    const n = r.grid, loss = r.loss;
    let max = 0;
    for (const v of loss) if (v > max) max = v;
    const cell = (R - L) / (n - 1), cellY = (B - T) / (n - 1);
    ctx.lineWidth = 1;
    for (let lev = 0; lev < 9; lev++) {
      const level = max * 0.55 ** (lev + 1);
      ctx.strokeStyle = th.axis;
      ctx.globalAlpha = 0.35 + 0.05 * lev;
      ctx.beginPath();
      for (let gy = 0; gy < n - 1; gy++) for (let gx = 0; gx < n - 1; gx++) {
        const a = loss[gy * n + gx], b = loss[gy * n + gx + 1], c = loss[(gy + 1) * n + gx + 1], d = loss[(gy + 1) * n + gx];
        const px = L + gx * cell, py = B - gy * cellY, pts = [];
        const edge = (va, vb, xa, ya, xb, yb) => {
          if ((va < level) !== (vb < level)) { const t = (level - va) / (vb - va); pts.push([xa + t * (xb - xa), ya + t * (yb - ya)]); }
        };
        edge(a, b, px, py, px + cell, py);
        edge(b, c, px + cell, py, px + cell, py - cellY);
        edge(c, d, px + cell, py - cellY, px, py - cellY);
        edge(d, a, px, py - cellY, px, py);
        for (let k = 0; k + 1 < pts.length; k += 2) { ctx.moveTo(pts[k][0], pts[k][1]); ctx.lineTo(pts[k + 1][0], pts[k + 1][1]); }
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
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
    ctx.strokeStyle = view.color;
    ctx.lineWidth = 1.6;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(sx(p[0]), sy(p[1]));
    for (let k = 1; k <= m; k++) ctx.lineTo(sx(p[2 * k]), sy(p[2 * k + 1]));
    ctx.stroke();
    ctx.fillStyle = view.color;
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

if (!customElements.get('zigzag-descent')) customElements.define('zigzag-descent', ZigzagDescent);
