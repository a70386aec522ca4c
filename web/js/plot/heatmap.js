// A decision-boundary heatmap on a <canvas>: an n x n grid of probabilities p in [0, 1] drawn as a
// two-colour diverging field (p = 0.5 is the background colour, p -> 0 / p -> 1 the class colours),
// the p = 0.5 contour as a thin line, and the labelled data points on top. Device-pixel-ratio aware;
// every coordinate is in data space [min, max] on both axes (y grows upwards).
//
//   const hm = new Heatmap(canvas, { maxDpr });          // backing store at most maxDpr (MAX_DPR, 2) px per CSS px
//   hm.resize(cssSize);                                 // square, CSS px
//   hm.render({ n, p, min, max, points: {x, y}, colors: {bg, neg, pos, line, ring} });
//     p      Float64Array n*n, row r = y index from the bottom, column c = x index (gridPoints order)
//     points x: Float64Array N*2 row-major, y: labels 0/1 (drawn as small discs with a ring)
//   Three or more classes: hm.render({ n, p, classes: C, ..., colors: {bg, classes: [c0, c1, c2], line, ring} })
//     p      Float64Array n*n*C, each cell's class probabilities (softmax); the cell takes the colour of
//            its most probable class, stronger the surer it is; lines where that class changes;
//            points y: labels 0..C-1 in their class colours.
//   gridPoints(n, min, max) -> Float64Array n*n*2 (cell centres) to feed a network's predict().
import { canvasDpr, MAX_DPR } from './draw.js';
import { contourSegments } from './contours.js';

// Cell centres of an n x n grid over [min, max]^2, row-major from the bottom row.
export function gridPoints(n, min, max) {
  const out = new Float64Array(n * n * 2), step = (max - min) / n;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      out[(r * n + c) * 2] = min + (c + 0.5) * step;
      out[(r * n + c) * 2 + 1] = min + (r + 0.5) * step;
    }
  }
  return out;
}

// '#rgb', '#rrggbb' or 'rgb(r, g, b)' -> [r, g, b]; anything else -> null.
export function parseColor(s) {
  s = String(s || '').trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [...m[1]].map((ch) => parseInt(ch + ch, 16));
  m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return null;
}

// points object -> Map(size and colours -> layer canvas), the last few (dropped with the points)
const LAYERS = new WeakMap();

export class Heatmap {
  constructor(canvas, { maxDpr = MAX_DPR } = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.maxDpr = maxDpr;
    this.size = 0;
    this.dpr = 1;
    this.field = document.createElement('canvas'); // n x n pixels, scaled up when drawn
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

  render({ n, p, min, max, points, colors, classes = 2 }) {
    if (classes > 2) return this.renderClasses({ n, p, min, max, points, colors, classes });
    const { ctx, size } = this;
    const bg = parseColor(colors.bg) || [255, 255, 255];
    const neg = parseColor(colors.neg) || [194, 65, 12];
    const pos = parseColor(colors.pos) || [31, 98, 196];
    // The field: colour intensity grows with |p - 0.5| (at most 42 % so the points stay visible).
    if (this.field.width !== n) { this.field.width = n; this.field.height = n; }
    const fctx = this.field.getContext('2d');
    const img = fctx.createImageData(n, n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const v = p[r * n + c];
        const o = ((n - 1 - r) * n + c) * 4; // image rows go top-down
        if (!Number.isFinite(v)) { img.data[o] = 128; img.data[o + 1] = 128; img.data[o + 2] = 128; img.data[o + 3] = 255; continue; }
        const t = Math.min(1, Math.abs(v - 0.5) * 2) * 0.42, col = v >= 0.5 ? pos : neg;
        for (let k = 0; k < 3; k++) img.data[o + k] = Math.round(bg[k] + (col[k] - bg[k]) * t);
        img.data[o + 3] = 255;
      }
    }
    fctx.putImageData(img, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.field, 0, 0, size, size);

    const toPx = (v) => ((v - min) / (max - min)) * size;
    // The p = 0.5 boundary: marching squares on the cell centres.
    ctx.strokeStyle = colors.line || '#000';
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    const step = size / n, seg = contourSegments(p, n, 0.5);
    for (let k = 0; k < seg.length; k += 4) {
      ctx.moveTo((seg[k] + 0.5) * step, size - (seg[k + 1] + 0.5) * step);
      ctx.lineTo((seg[k + 2] + 0.5) * step, size - (seg[k + 3] + 0.5) * step);
    }
    ctx.stroke();

    // Data points: drawn once per (points, size, colours) into a cached layer, then copied.
    if (points) ctx.drawImage(this.pointsLayer(points, colors, toPx), 0, 0, size, size);
  }

  // C classes: the colour of the most probable class, mixed into the background by how far its
  // probability is above chance (1/C: the background; 1: 42 %, as in the two-class field).
  renderClasses({ n, p, min, max, points, colors, classes: C }) {
    const { ctx, size } = this;
    const bg = parseColor(colors.bg) || [255, 255, 255];
    const cols = Array.from({ length: C }, (_, k) => parseColor(colors.classes?.[k]) || [128, 128, 128]);
    const win = new Int16Array(n * n);
    if (this.field.width !== n) { this.field.width = n; this.field.height = n; }
    const fctx = this.field.getContext('2d');
    const img = fctx.createImageData(n, n);
    for (let i = 0; i < n * n; i++) {
      let k = 0;
      for (let c = 1; c < C; c++) if (p[i * C + c] > p[i * C + k]) k = c;
      const top = p[i * C + k], o = ((n - 1 - Math.floor(i / n)) * n + (i % n)) * 4;
      win[i] = Number.isFinite(top) ? k : -1;
      const t = Number.isFinite(top) ? Math.min(1, Math.max(0, (top - 1 / C) / (1 - 1 / C))) * 0.42 : 0;
      for (let j = 0; j < 3; j++) img.data[o + j] = win[i] < 0 ? 128 : Math.round(bg[j] + (cols[k][j] - bg[j]) * t);
      img.data[o + 3] = 255;
    }
    fctx.putImageData(img, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.field, 0, 0, size, size);
    // Boundaries: a segment between every two neighbouring cell centres whose winners differ, drawn
    // halfway between them (the grid's resolution; the field's colours carry the rest).
    ctx.strokeStyle = colors.line || '#000';
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    const step = size / n;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const k = win[r * n + c], X = (c + 1) * step, Y = size - (r + 1) * step;
        if (c + 1 < n && win[r * n + c + 1] !== k) { ctx.moveTo(X, Y + step); ctx.lineTo(X, Y); }
        if (r + 1 < n && win[(r + 1) * n + c] !== k) { ctx.moveTo(X - step, Y); ctx.lineTo(X, Y); }
      }
    }
    ctx.stroke();
    const toPx = (v) => ((v - min) / (max - min)) * size;
    if (points) ctx.drawImage(this.pointsLayer(points, { ...colors, fills: colors.classes }, toPx), 0, 0, size, size);
  }

  // The data points as a transparent layer: class colour, ringed in the background colour. One
  // layer per (points, size, colours), shared by every heatmap showing them (the race's ten): a
  // canvas drawn from is snapshotted once, which made each boundary's first drawing ~2 ms longer.
  pointsLayer(points, colors, toPx) {
    const key = [this.size, this.dpr, colors.neg, colors.pos, colors.ring, colors.bg, ...(colors.fills || [])].join('|');
    let layers = LAYERS.get(points);
    if (!layers) LAYERS.set(points, (layers = new Map()));
    if (layers.has(key)) return layers.get(key);
    const size = this.size, canvas = document.createElement('canvas');
    canvas.width = canvas.height = Math.round(size * this.dpr);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const N = points.y.length, rad = Math.max(1.6, Math.min(3, size / 70));
    const fill = (colors.fills || [colors.neg, colors.pos]).map((c) => c || '#000');
    const label = colors.fills ? (v) => v : (v) => (v >= 0.5 ? 1 : 0); // C classes: labels 0..C-1
    ctx.lineWidth = 1;
    ctx.strokeStyle = colors.ring || colors.bg || '#fff';
    for (let cls = 0; cls < fill.length; cls++) {
      ctx.fillStyle = fill[cls];
      ctx.beginPath();
      for (let i = 0; i < N; i++) {
        if (label(points.y[i]) !== cls) continue;
        const x = toPx(points.x[2 * i]), y = size - toPx(points.x[2 * i + 1]);
        if (x < -rad || x > size + rad || y < -rad || y > size + rad) continue;
        ctx.moveTo(x + rad, y);
        ctx.arc(x, y, rad, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    }
    if (layers.size >= 4) layers.delete(layers.keys().next().value); // sizes and schemes seen lately
    layers.set(key, canvas);
    return canvas;
  }
}
