// A regression race's picture per activation, in place of a decision boundary: the training points,
// the target function (dashed) and the network's fitted curve (solid, the activation's colour), on a
// square canvas over x in [min, max]. Same resize()/render() shape as plot/heatmap.js's Heatmap.
//
//   const fp = new FitPlot(canvas); fp.resize(cssSize);
//   fp.render({ xs, fit, truth: {x, y}, points: {x, y}, min, max, yRange: [lo, hi], colors: {bg, line, grid, fit, muted, point} })
import { canvasDpr, MAX_DPR } from '../../plot/draw.js';
export class FitPlot {
  constructor(canvas, { maxDpr = MAX_DPR } = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.maxDpr = maxDpr;
    this.size = 0;
    this.dpr = 1;
  }

  resize(size) {
    this.dpr = canvasDpr(this.maxDpr);
    this.size = Math.max(1, Math.round(size));
    const px = Math.round(this.size * this.dpr);
    if (this.canvas.width !== px) this.canvas.width = px;
    if (this.canvas.height !== px) this.canvas.height = px;
    this.canvas.style.width = `${this.size}px`;
    this.canvas.style.height = `${this.size}px`;
  }

  render({ xs, fit, truth, points, min, max, yRange, colors }) {
    const { ctx: g, size } = this, [lo, hi] = yRange;
    const X = (v) => ((v - min) / (max - min)) * size, Y = (v) => size - ((v - lo) / (hi - lo)) * size;
    g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    g.fillStyle = colors.bg;
    g.fillRect(0, 0, size, size);
    g.strokeStyle = colors.grid;
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(0, Y(0)); g.lineTo(size, Y(0)); g.moveTo(X(0), 0); g.lineTo(X(0), size);
    g.stroke();
    g.fillStyle = colors.point;
    g.globalAlpha = 0.45; // the target's dashes stay visible through the points
    for (let i = 0; i < points.y.length; i++) g.fillRect(X(points.x[i]) - 1.25, Y(points.y[i]) - 1.25, 2.5, 2.5);
    g.globalAlpha = 1;
    const line = (x, y, color, width, dash) => {
      g.save();
      g.beginPath();
      g.rect(0, 0, size, size);
      g.clip();
      g.strokeStyle = color;
      g.lineWidth = width;
      g.setLineDash(dash);
      g.beginPath();
      let on = false;
      for (let i = 0; i < x.length; i++) {
        const yy = y[i];
        if (!Number.isFinite(yy)) { on = false; continue; }
        const py = Math.max(-size, Math.min(2 * size, Y(yy)));
        if (on) g.lineTo(X(x[i]), py); else g.moveTo(X(x[i]), py);
        on = true;
      }
      g.stroke();
      g.restore();
    };
    line(truth.x, truth.y, colors.muted, 1.5, [4, 3]);
    if (fit) line(xs, fit, colors.fit, 2.25, []);
  }
}

// A y range that holds the target and the points with a margin (fixed for a race, so the curves
// do not jump while it trains).
export function yRangeOf(truth, points) {
  let lo = Infinity, hi = -Infinity;
  for (const a of [truth.y, points.y]) for (const v of a) { if (v < lo) lo = v; if (v > hi) hi = v; }
  const pad = 0.15 * Math.max(0.5, hi - lo);
  return [lo - pad, hi + pad];
}
