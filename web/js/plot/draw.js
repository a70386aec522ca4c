// Drawing primitives for plot.js: polylines that break at NaN and at given x positions, shaded
// bands, dashed reference lines, labelled points, "exact zero" marks on log axes, and text with
// a halo so labels stay readable over curves and grid lines. All coordinates are CSS pixels.

// Device pixels per CSS pixel of a canvas's backing store: the screen's, at most MAX_DPR. Each
// changed canvas is copied to the compositor every frame it is drawn; on a phone at 2.6-3 device px
// that copy, not the drawing, made the long frames of the animated widgets (at 4× CPU slowdown, two
// 400-px canvases: 45-80 ms a frame at 2.6, half that at 2), and two device px per CSS px already
// draws a line no eye tells from three.
export const MAX_DPR = 2;
export const canvasDpr = (max = MAX_DPR, dpr = globalThis.devicePixelRatio) => Math.max(1, Math.min(max, dpr || 1));

// Text with a background-coloured halo. align: 'left'|'right'|'center'; baseline as canvas.
export function haloText(ctx, text, x, y, { color, halo, align = 'left', baseline = 'alphabetic', font } = {}) {
  ctx.save();
  if (font) ctx.font = font;
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 4;
  ctx.strokeStyle = halo;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
  ctx.restore();
}

// True if the pen must lift between samples i-1 and i because a jump (break x) lies between
// them. A sample exactly at a break joins the side whose value it matches (relu'(0) = 0 joins
// the left piece, maxout's tie-to-the-first-piece may join the right one).
function crossesBreak(breaks, xs, ys, i) {
  const a = xs[i - 1], b = xs[i];
  const joinsLeft = (k) => !(Math.abs(ys[k] - ys[k - 1]) > Math.abs(ys[k] - ys[k + 1]));
  for (const bx of breaks) {
    if (a < bx && bx < b) return true;
    if (b === bx && i + 1 < xs.length && !joinsLeft(i)) return true;
    if (a === bx && i >= 2 && joinsLeft(i - 1)) return true;
  }
  return false;
}

// Polyline of (xs[i], ys[i]). sx/sy map data -> px. For a log axis, ys <= 0 are drawn on the
// panel's bottom edge (clamped) and reported back as runs [[i0, i1], ...] so they can be marked.
// Clips to the rectangle [x0, x1] × [y0, y1] (CSS px) widened to whole device pixels: a clip on
// fractional device pixels (any DPR like 2.6) makes the rasterizer anti-alias through a mask, which
// cost a loss chart 3× its drawing time.
export function clipRect(ctx, x0, y0, x1, y1) {
  const k = ctx.getTransform?.().a || 1, lo = (v) => Math.floor(v * k) / k, hi = (v) => Math.ceil(v * k) / k;
  ctx.rect(lo(x0), lo(y0), hi(x1) - lo(x0), hi(y1) - lo(y0));
  ctx.clip();
}

export function drawSeries(ctx, s, sx, sy, panel) {
  const { x: xs, y: ys, breaks = [] } = s;
  const zeroRuns = [];
  let run = null;
  ctx.save();
  ctx.beginPath();
  clipRect(ctx, panel.left, panel.top - 1, panel.right, panel.bottom + 1);
  ctx.strokeStyle = s.color;
  ctx.lineWidth = s.width || 2;
  // bevel joins and butt caps: at these widths they look like round ones, and a CPU rasterizer
  // strokes a long jagged polyline (a noisy loss curve) several times faster without the arcs
  ctx.lineJoin = 'bevel';
  ctx.lineCap = 'butt';
  if (s.dash) ctx.setLineDash(s.dash);
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    if (!Number.isFinite(xs[i]) || Number.isNaN(v)) { pen = false; continue; }
    const zero = sy.log && !(v > 0);
    if (zero) { if (!run) { run = [i, i]; zeroRuns.push(run); } else run[1] = i; } else run = null;
    let py = zero ? panel.bottom : sy(v);
    py = Math.max(panel.top - 10, Math.min(panel.bottom + 10, py));
    const px = sx(xs[i]);
    if (pen && i > 0 && breaks.length && crossesBreak(breaks, xs, ys, i)) pen = false;
    if (pen) ctx.lineTo(px, py); else { ctx.moveTo(px, py); pen = true; }
  }
  ctx.stroke();
  ctx.restore();
  return zeroRuns;
}

// Marks exact zeros on a log axis: a thick dashed stripe along the bottom edge plus a label.
export function drawZeroRuns(ctx, runs, s, sx, panel, theme) {
  if (!runs.length) return;
  ctx.save();
  ctx.strokeStyle = s.color;
  ctx.lineWidth = 5;
  ctx.setLineDash([2, 3]);
  for (const [i0, i1] of runs) {
    ctx.beginPath();
    ctx.moveTo(sx(s.x[i0]), panel.bottom - 3);
    ctx.lineTo(sx(s.x[i1]), panel.bottom - 3);
    ctx.stroke();
  }
  ctx.restore();
  if (s.zeroLabel) {
    const [i0, i1] = runs.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
    const mid = (sx(s.x[i0]) + sx(s.x[i1])) / 2;
    haloText(ctx, s.zeroLabel, mid, panel.bottom - 9, { color: s.color, halo: theme.bg, align: 'center' });
  }
}

// Filled region between lo and hi over xs, with an optional label.
export function drawBand(ctx, b, sx, sy, panel, theme) {
  ctx.save();
  ctx.beginPath();
  clipRect(ctx, panel.left, panel.top, panel.right, panel.bottom);
  ctx.globalAlpha = b.alpha ?? 0.2;
  ctx.fillStyle = b.color;
  ctx.beginPath();
  const n = b.x.length;
  for (let i = 0; i < n; i++) ctx[i ? 'lineTo' : 'moveTo'](sx(b.x[i]), sy(b.hi[i]));
  for (let i = n - 1; i >= 0; i--) ctx.lineTo(sx(b.x[i]), sy(b.lo[i]));
  ctx.closePath();
  ctx.fill();
  ctx.restore();
  if (b.label) { // a key in the panel's top-left corner: a swatch of the band, then the text
    const s = theme.fontSize, x0 = panel.left + 6, y0 = panel.top + 6;
    ctx.save();
    ctx.globalAlpha = Math.min(1, (b.alpha ?? 0.2) * 2);
    ctx.fillStyle = b.color;
    ctx.fillRect(x0, y0 + 1, s, s - 2);
    ctx.restore();
    haloText(ctx, b.label, x0 + s + 5, y0, { color: theme.muted, halo: theme.bg, baseline: 'top' });
  }
}

// Dashed horizontal reference line with an optional label at its right (or left: side 'left') end.
export function drawHLine(ctx, h, sy, panel, theme) {
  const py = Math.round(sy(h.y)) + 0.5;
  if (!(py >= panel.top - 0.5 && py <= panel.bottom + 0.5)) return;
  ctx.save();
  ctx.strokeStyle = h.color || theme.mark;
  ctx.lineWidth = 1.25;
  ctx.setLineDash(h.dash || [6, 4]);
  ctx.beginPath();
  ctx.moveTo(panel.left, py);
  ctx.lineTo(panel.right, py);
  ctx.stroke();
  ctx.restore();
  if (h.label) { // below the line in the panel's upper half, above it in the lower half
    const below = py < (panel.top + panel.bottom) / 2, left = h.side === 'left';
    haloText(ctx, h.label, left ? panel.left + 5 : panel.right - 5, below ? py + 4 : py - 4,
      { color: h.color || theme.mark, halo: theme.bg, align: left ? 'left' : 'right', baseline: below ? 'top' : 'bottom' });
  }
}

// A filled dot with a label beside it (placed so it stays inside the panel).
export function drawPoint(ctx, p, sx, sy, panel, theme) {
  const px = sx(p.x), py = sy(p.y);
  if (!(px >= panel.left - 1 && px <= panel.right + 1 && py >= panel.top - 1 && py <= panel.bottom + 1)) return;
  ctx.save();
  ctx.fillStyle = p.color || theme.mark;
  ctx.strokeStyle = theme.bg;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(px, py, p.radius || 4.5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
  if (!p.label) return;
  ctx.save();
  ctx.font = `${theme.fontSize}px ${theme.fontFamily}`;
  const w = ctx.measureText(p.label).width;
  ctx.restore();
  const right = px + 8 + w <= panel.right - 2;
  const up = py - theme.fontSize - 8 >= panel.top;
  haloText(ctx, p.label, right ? px + 8 : px - 8, up ? py - 7 : py + 7,
    { color: p.color || theme.mark, halo: theme.bg, align: right ? 'left' : 'right', baseline: up ? 'bottom' : 'top' });
}
