// export.js — plots and tables out of the page: PNG (the canvas's own pixels), SVG (the same plot
// drawn again as vector paths and text: curves, grid, axes, tick labels, marks — not a picture in
// an SVG wrapper) and CSV. No innerHTML and no string-built markup: the SVG is made with DOM calls
// and serialised, so labels are always escaped.
//
//   import { plotToSVG, canvasToPNG, toCSV, tableToCSV, download } from '../plot/export.js';
//   plotToSVG(plot)                    -> SVG text of a Plot (plot.js) as last rendered
// The download buttons every widget shows are the widget base's (ui/widget.js exportButtons).
import { Plot } from './plot.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const BASELINE = { top: 'hanging', hanging: 'hanging', middle: 'central', bottom: 'text-after-edge', alphabetic: 'alphabetic', ideographic: 'ideographic' };
const ANCHOR = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };
const r2 = (v) => String(Math.round(v * 100) / 100);

let measurer = null;
function measureCtx() {
  if (!measurer) measurer = document.createElement('canvas').getContext('2d');
  return measurer;
}

// The subset of CanvasRenderingContext2D that plot.js and draw.js use, recording SVG elements.
export class SvgContext {
  constructor(width, height) {
    this.doc = document.implementation.createDocument(SVG_NS, 'svg', null);
    this.svg = this.doc.documentElement;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    this.defs = this.el('defs');
    this.svg.append(this.defs);
    this.clips = 0;
    this.d = [];
    this.stack = [];
    this.st = { fillStyle: '#000', strokeStyle: '#000', lineWidth: 1, font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic',
      lineJoin: 'miter', lineCap: 'butt', dash: [], globalAlpha: 1, clip: null };
    for (const k of ['fillStyle', 'strokeStyle', 'lineWidth', 'font', 'textAlign', 'textBaseline', 'lineJoin', 'lineCap', 'globalAlpha']) {
      Object.defineProperty(this, k, { get: () => this.st[k], set: (v) => { this.st[k] = v; }, enumerable: true });
    }
  }
  el(name, attrs = {}) {
    const e = this.doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v));
    return e;
  }
  add(e) {
    if (this.st.clip) e.setAttribute('clip-path', `url(#${this.st.clip})`);
    if (this.st.globalAlpha !== 1) e.setAttribute('opacity', r2(this.st.globalAlpha));
    this.svg.append(e);
    return e;
  }
  save() { this.stack.push({ ...this.st, dash: [...this.st.dash] }); }
  restore() { if (this.stack.length) this.st = this.stack.pop(); }
  setTransform() {} // the SVG is in CSS pixels; the canvas's device-pixel scale does not apply
  setLineDash(d) { this.st.dash = [...d]; }
  getLineDash() { return [...this.st.dash]; }
  measureText(text) { const m = measureCtx(); m.font = this.st.font; return m.measureText(text); }
  beginPath() { this.d = []; }
  moveTo(x, y) { this.d.push(`M${r2(x)} ${r2(y)}`); }
  lineTo(x, y) { this.d.push(`L${r2(x)} ${r2(y)}`); }
  closePath() { this.d.push('Z'); }
  rect(x, y, w, h) { this.d.push(`M${r2(x)} ${r2(y)}h${r2(w)}v${r2(h)}h${r2(-w)}Z`); }
  arc(x, y, r, a0, a1) {
    const full = Math.abs(a1 - a0) >= 2 * Math.PI - 1e-9;
    if (full) { this.d.push(`M${r2(x + r)} ${r2(y)}A${r2(r)} ${r2(r)} 0 1 1 ${r2(x - r)} ${r2(y)}A${r2(r)} ${r2(r)} 0 1 1 ${r2(x + r)} ${r2(y)}Z`); return; }
    const [sx, sy, ex, ey] = [x + r * Math.cos(a0), y + r * Math.sin(a0), x + r * Math.cos(a1), y + r * Math.sin(a1)];
    this.d.push(`${this.d.length ? 'L' : 'M'}${r2(sx)} ${r2(sy)}A${r2(r)} ${r2(r)} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${r2(ex)} ${r2(ey)}`);
  }
  strokeAttrs() {
    const s = this.st;
    return { fill: 'none', stroke: s.strokeStyle, 'stroke-width': r2(s.lineWidth), 'stroke-linejoin': s.lineJoin, 'stroke-linecap': s.lineCap,
      'stroke-dasharray': s.dash.length ? s.dash.join(' ') : null };
  }
  stroke() { if (this.d.length) this.add(this.el('path', { d: this.d.join(''), ...this.strokeAttrs() })); }
  fill() { if (this.d.length) this.add(this.el('path', { d: this.d.join(''), fill: this.st.fillStyle })); }
  clip() {
    const id = `clip${++this.clips}`;
    const cp = this.el('clipPath', { id });
    cp.append(this.el('path', { d: this.d.join('') }));
    this.defs.append(cp);
    this.st.clip = id;
  }
  fillRect(x, y, w, h) { this.add(this.el('rect', { x: r2(x), y: r2(y), width: r2(w), height: r2(h), fill: this.st.fillStyle })); }
  strokeRect(x, y, w, h) { this.add(this.el('rect', { x: r2(x), y: r2(y), width: r2(w), height: r2(h), ...this.strokeAttrs() })); }
  text(t, x, y, paint) {
    const e = this.el('text', { x: r2(x), y: r2(y), 'text-anchor': ANCHOR[this.st.textAlign] || 'start',
      'dominant-baseline': BASELINE[this.st.textBaseline] || 'alphabetic', style: `font: ${this.st.font}`, ...paint });
    e.textContent = String(t); // text node: never markup
    this.add(e);
  }
  fillText(t, x, y) { this.text(t, x, y, { fill: this.st.fillStyle }); }
  strokeText(t, x, y) { this.text(t, x, y, { fill: 'none', stroke: this.st.strokeStyle, 'stroke-width': r2(this.st.lineWidth), 'stroke-linejoin': this.st.lineJoin }); }
  toString() { return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(this.svg)}\n`; }
}

// SVG text of `plot` (a plot.js Plot that has rendered at least once), same size in CSS pixels.
export function plotToSVG(plot, { crosshair = false } = {}) {
  if (!plot || !plot.spec) throw new Error('plotToSVG: the plot has not been drawn yet');
  const ctx = new SvgContext(plot.width, plot.height);
  const fake = { getContext: () => ctx, style: {}, width: 0, height: 0 };
  const copy = new Plot(fake);
  copy.resize(plot.width, plot.height);
  copy.cross = crosshair ? plot.cross : null;
  copy.render(plot.spec);
  return ctx.toString();
}

export function canvasToPNG(canvas) {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), 'image/png'));
}

// CSV (RFC 4180): rows of values; strings with , " or newlines quoted; formula-looking cells
// (= + - @ at the start, spreadsheet injection) prefixed with ' unless they are plain numbers.
export function toCSV(rows) {
  const cell = (v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : (Number.isNaN(v) ? 'NaN' : (v > 0 ? 'Infinity' : '-Infinity'));
    let s = v == null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

// CSV of an HTML <table> (header and body cells as the reader sees them).
export function tableToCSV(table) {
  return toCSV([...table.rows].map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
}

// Saves a Blob or string under `filename` (an <a download> click; works from file:// too).
export function download(filename, data, type = 'application/octet-stream') {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
