// A small dependency-free 2-D plot on a <canvas>: device-pixel-ratio aware, one or more
// vertically stacked panels sharing the x axis, each with a linear or log10 y axis, nice
// ticks and labels, series, shaded bands, dashed reference lines, labelled points, exact-zero
// marks on log axes and a hover crosshair.
//
//   const plot = new Plot(canvas, { maxDpr });   // backing store at most maxDpr (default 4) device px per CSS px
//   plot.resize(cssWidth, cssHeight);
//   plot.render({ theme, x: {min, max, label}, panels: [{ weight, log, label,
//     series: [{x, y, color, width, dash, breaks, zeroLabel}], bands: [{x, lo, hi, color, alpha}],
//     hlines: [{y, label, color, dash}], points: [{x, y, label, color}] }] });
//   plot.setCrosshair({ x, dots: [{ panel, y, color }] });   // or null
//   plot.layout   -> geometry of the last render (for hit-testing and tests)
import { linearScale, logScale, linearTicks, logTicks, logDomain, formatTick, formatPow10, withMinus } from './scale.js';
import { haloText, drawSeries, drawZeroRuns, drawBand, drawHLine, drawPoint, canvasDpr, MAX_DPR } from './draw.js';

const PANEL_GAP = 14;

function finiteExtent(arrays, into) {
  for (const a of arrays) for (const v of a) if (Number.isFinite(v)) { if (v < into[0]) into[0] = v; if (v > into[1]) into[1] = v; }
  return into;
}

// y domain of a linear panel: everything drawn in it, plus 0, padded by 6 %.
function linearDomain(p) {
  if (Number.isFinite(p.min) && Number.isFinite(p.max) && p.max > p.min) return [p.min, p.max];
  const ext = finiteExtent([
    ...(p.series || []).map((s) => s.y), ...(p.bands || []).flatMap((b) => [b.lo, b.hi]),
    (p.hlines || []).map((h) => h.y), (p.points || []).map((q) => q.y), [0],
  ], [Infinity, -Infinity]);
  let [lo, hi] = ext;
  if (!(hi > lo)) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

export class Plot {
  constructor(canvas, { maxDpr = MAX_DPR } = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.maxDpr = maxDpr;
    this.width = 0;
    this.height = 0;
    this.dpr = 1;
    this.spec = null;
    this.cross = null;
    this.layout = null;
  }

  // Sets the CSS size; the backing store is width*dpr x height*dpr device pixels. dpr: the
  // screen's (an OffscreenCanvas in a worker is told the page's).
  resize(width, height, dpr = globalThis.devicePixelRatio) {
    this.dpr = canvasDpr(this.maxDpr, dpr);
    this.width = Math.max(1, Math.round(width));
    this.height = Math.max(1, Math.round(height));
    const w = Math.round(this.width * this.dpr), h = Math.round(this.height * this.dpr);
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    if (!this.canvas.style) return; // an OffscreenCanvas
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
  }

  render(spec) {
    this.spec = spec;
    this.draw();
  }

  setCrosshair(cross) {
    this.cross = cross;
    if (this.spec) this.draw();
  }

  // Data x for a CSS-pixel offset inside the canvas (clamped to the x domain).
  pxToX(px) {
    const L = this.layout;
    if (!L) return NaN;
    const t = Math.max(0, Math.min(1, (px - L.left) / (L.right - L.left)));
    return L.xMin + t * (L.xMax - L.xMin);
  }

  xToPx(x) { return this.sx(x); }

  // CSS-pixel y of value v in panel i (log panels: |v|).
  yToPx(i, v) { return this.sys[i](this.layout.panels[i].log ? Math.abs(v) : v); }

  // ---------------------------------------------------------------- internals
  computeLayout(spec, ctx) {
    const th = spec.theme, fs = th.fontSize;
    const panels = spec.panels.map((p) => {
      if (p.log) {
        const [lo, hi] = logDomain((p.series || []).map((s) => s.y).concat([(p.points || []).map((q) => q.y)]));
        return { log: true, lo, hi };
      }
      const [min, max] = linearDomain(p);
      return { log: false, min, max };
    });
    // Tick labels decide the left margin.
    const totalWeight = spec.panels.reduce((a, p) => a + (p.weight || 1), 0);
    const top0 = Math.ceil(fs * 0.6) + 4, bottom0 = this.height - (fs + 14);
    const avail = bottom0 - top0 - PANEL_GAP * (panels.length - 1);
    let y = top0;
    let labelWidth = 0;
    ctx.font = `${fs}px ${th.fontFamily}`;
    panels.forEach((P, i) => {
      const h = (avail * (spec.panels[i].weight || 1)) / totalWeight;
      P.top = y; P.bottom = y + h; y += h + PANEL_GAP;
      if (P.log) P.labels = logTicks(P.lo, P.hi, Math.max(2, Math.min(6, Math.floor(h / (fs * 2.4))))).map((k) => ({ v: k, text: formatPow10(k) }));
      else {
        const t = linearTicks(P.min, P.max, Math.max(2, Math.round(h / (fs * 3.2))));
        P.labels = t.values.map((v) => ({ v, text: formatTick(v, t.step) }));
      }
      for (const l of P.labels) labelWidth = Math.max(labelWidth, ctx.measureText(l.text).width);
    });
    const left = Math.ceil(labelWidth + 10), right = this.width - 12;
    for (const P of panels) { P.left = left; P.right = right; }
    return { width: this.width, height: this.height, dpr: this.dpr, left, right, xMin: spec.x.min, xMax: spec.x.max, panels };
  }

  draw() {
    const { ctx, spec } = this;
    const th = spec.theme, fs = th.fontSize;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const L = this.layout = this.computeLayout(spec, ctx);
    const sx = this.sx = linearScale(L.xMin, L.xMax, L.left, L.right);
    this.sys = L.panels.map((P) => (P.log ? logScale(P.lo, P.hi, P.bottom, P.top) : linearScale(P.min, P.max, P.bottom, P.top)));
    ctx.fillStyle = th.bg;
    ctx.fillRect(0, 0, this.width, this.height);
    ctx.font = `${fs}px ${th.fontFamily}`;
    const xt = linearTicks(L.xMin, L.xMax, Math.max(2, Math.min(10, Math.round((L.right - L.left) / (fs * 5)))));

    L.panels.forEach((P, i) => {
      const p = spec.panels[i], sy = this.sys[i];
      const yOf = (v) => (P.log ? 10 ** v : v);
      // grid
      ctx.strokeStyle = th.grid;
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (const v of xt.values) { const px = Math.round(sx(v)) + 0.5; ctx.moveTo(px, P.top); ctx.lineTo(px, P.bottom); }
      for (const l of P.labels) { const py = Math.round(sy(yOf(l.v))) + 0.5; ctx.moveTo(P.left, py); ctx.lineTo(P.right, py); }
      ctx.stroke();
      // axes: y = 0 and x = 0 lines when inside (linear panels), frame
      ctx.strokeStyle = th.axis;
      ctx.beginPath();
      if (!P.log && P.min < 0 && P.max > 0) { const py = Math.round(sy(0)) + 0.5; ctx.moveTo(P.left, py); ctx.lineTo(P.right, py); }
      if (L.xMin < 0 && L.xMax > 0) { const px = Math.round(sx(0)) + 0.5; ctx.moveTo(px, P.top); ctx.lineTo(px, P.bottom); }
      ctx.stroke();
      ctx.strokeRect(P.left + 0.5, Math.round(P.top) + 0.5, P.right - P.left - 1, Math.round(P.bottom - P.top));
      // y tick labels
      ctx.fillStyle = th.muted;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const l of P.labels) {
        const py = Math.max(P.top + fs / 2 - 2, Math.min(P.bottom - fs / 2 + 2, sy(yOf(l.v))));
        ctx.fillText(l.text, P.left - 6, py);
      }
      // content
      for (const b of p.bands || []) drawBand(ctx, b, sx, sy, P, th);
      for (const h of p.hlines || []) drawHLine(ctx, h, sy, P, th);
      const runs = (p.series || []).map((s) => drawSeries(ctx, s, sx, sy, P));
      (p.series || []).forEach((s, k) => drawZeroRuns(ctx, runs[k], s, sx, P, th));
      for (const q of p.points || []) drawPoint(ctx, { ...q, y: P.log ? Math.abs(q.y) : q.y }, sx, sy, P, th);
      if (p.label) haloText(ctx, p.label, P.left + 6, P.top + 4, { color: th.muted, halo: th.bg, baseline: 'top' });
    });

    // x tick labels under the last panel; the axis name at the right end
    const B = L.panels[L.panels.length - 1];
    ctx.fillStyle = th.muted;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'center';
    const nameW = spec.x.label ? ctx.measureText(spec.x.label).width + 10 : 0;
    let lastRight = -Infinity;
    for (const v of xt.values) {
      const text = formatTick(v, xt.step), w = ctx.measureText(text).width;
      let px = sx(v);
      px = Math.max(L.left + w / 2, Math.min(L.right - w / 2, px));
      if (px - w / 2 < lastRight + 6 || px + w / 2 > L.right - nameW) continue; // never overlap
      ctx.fillText(text, px, B.bottom + 5);
      lastRight = px + w / 2;
    }
    if (spec.x.label) { ctx.textAlign = 'right'; ctx.fillStyle = th.fg; ctx.fillText(spec.x.label, L.right, B.bottom + 5); }

    this.drawCrosshair(th);
  }

  drawCrosshair(th) {
    const c = this.cross, L = this.layout;
    if (!c || !Number.isFinite(c.x)) return;
    const { ctx } = this;
    const px = Math.round(this.sx(c.x)) + 0.5;
    ctx.save();
    ctx.strokeStyle = th.fg;
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const P of L.panels) { ctx.moveTo(px, P.top); ctx.lineTo(px, P.bottom); }
    ctx.stroke();
    ctx.restore();
    for (const d of c.dots || []) {
      const P = L.panels[d.panel || 0];
      if (!P || Number.isNaN(d.y)) continue;
      const zero = P.log && !(Math.abs(d.y) > 0);
      const py = zero ? P.bottom : Math.max(P.top, Math.min(P.bottom, this.yToPx(d.panel || 0, d.y)));
      ctx.save();
      ctx.fillStyle = d.color;
      ctx.strokeStyle = th.bg;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(px, py, 4, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      ctx.restore();
    }
  }
}

export { withMinus };
