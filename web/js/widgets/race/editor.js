// The data editor of <activation-race> (dataset="custom"): a square canvas over [-1, 1]^2 where a
// click or tap adds a point of the chosen class, a drag paints a trail of them and the eraser
// removes those under the pointer (Pointer Events: mouse, pen and touch alike; touch-action: none
// on the canvas, so painting never scrolls the page); a keyboard path (arrow keys move a visible
// cursor, Enter or Space adds, Delete or Backspace removes the nearest point); "clear"; CSV import
// (pasted or from a file, size checked before reading) and export.
//
// The editor keeps its own drawing; each finished gesture hands a valid set to onCommit(points)
// (the widget writes it to `points`, which restarts the race). A set the race cannot use (too
// few points, one class, a bad CSV) is said in the editor's message line and the race goes on
// with the last valid data.
import { h } from '../../ui/kit.js';
import { canvasDpr } from '../../plot/draw.js';
import { checkPoints, parseCSV, readCSVFile, toCSV, MAX_POINTS } from './data.js';

const PAINT_SPACING = 0.07; // data units between painted points
const ERASE_RADIUS = 0.09;
const KEY_STEP = 0.05;
const SIZE = 240;           // CSS px (shrinks to the width on a phone)

export const EDITOR_STYLE = `
.editor { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 4px 0 8px; align-items: flex-start; }
.editor .paint { width: ${SIZE}px; max-width: 100%; aspect-ratio: 1; height: auto; touch-action: none; cursor: crosshair;
  border: 1px solid var(--w-grid); border-radius: 4px; }
.editor .paint:focus-visible { outline: 2px solid var(--w-accent); outline-offset: 2px; }
.editor .side { display: flex; flex-direction: column; gap: 6px; min-width: 0; flex: 1 1 220px; }
.editor .tools { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; border: 0; padding: 0; margin: 0; }
.editor .tools label { flex-direction: row; align-items: center; gap: 4px; color: var(--w-fg); font-size: 13.5px; }
.editor textarea { width: 100%; min-height: 4.5em; font: 12px/1.3 ui-monospace, monospace; color: var(--w-fg); background: var(--w-bg);
  border: 1px solid var(--w-grid); border-radius: 4px; }
.editor .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.editor .count { font-size: 12.5px; color: var(--w-muted); font-variant-numeric: tabular-nums; }
.editor .note { font-size: 12.5px; }
.editor .filebtn { display: inline-block; padding: 4px 10px; border-radius: 6px; border: 1px solid var(--w-grid); cursor: pointer; color: var(--w-fg); font-size: 14px; }
.editor .filebtn:focus-within { outline: 2px solid var(--w-accent); outline-offset: 1px; }
`;

export class PointEditor {
  // onCommit(points): a valid set to race on; download(name, text, type): the CSV export.
  constructor({ onCommit, download }) {
    Object.assign(this, { onCommit, download, points: [], committed: null, mode: 1, cursor: { x: 0, y: 0 }, showCursor: false, drag: null });
    this.canvas = h('canvas', { class: 'paint', tabindex: '0', role: 'application' });
    this.ctx = this.canvas.getContext('2d');
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => this.down(e));
    c.addEventListener('pointermove', (e) => this.move(e));
    c.addEventListener('pointerup', (e) => this.up(e));
    c.addEventListener('pointercancel', (e) => this.up(e));
    c.addEventListener('keydown', (e) => this.key(e));
    c.addEventListener('focus', () => { this.showCursor = true; this.paint(); });
    c.addEventListener('blur', () => { this.showCursor = false; this.paint(); });
    this.element = h('section', { class: 'editor' });
  }

  // The editor's DOM in the reader's language for the points of the current race (a drawing in
  // progress is kept when the committed points did not change from outside).
  build(t, lang, points, colors) {
    const E = t.editor;
    this.t = t;
    this.language = lang;
    this.colors = colors;
    const key = points.map((p) => `${p.x},${p.y},${p.c}`).join(';');
    if (key !== this.committed) { this.points = points.map((p) => ({ ...p })); this.committed = key; this.said = null; }
    const radio = (value, text) => h('label', {}, h('input', { type: 'radio', name: 'paintMode', value, checked: String(this.mode) === value }), text);
    const tools = h('fieldset', { class: 'tools' }, h('legend', { class: 'sr-only' }, E.title),
      radio('0', E.class0), radio('1', E.class1), radio('erase', E.eraser));
    tools.addEventListener('change', (e) => { e.stopPropagation(); this.mode = e.target.value === 'erase' ? 'erase' : Number(e.target.value); });
    const clear = h('button', { type: 'button', name: 'clearPoints' }, E.clear);
    clear.addEventListener('click', () => { this.points = []; this.changed(); });
    this.paste = h('textarea', { name: 'csvText', rows: '3', spellcheck: 'false', 'aria-label': E.paste, placeholder: 'x,y,label\n0.5,-0.2,1' });
    const load = h('button', { type: 'button', name: 'importCsv' }, E.importText);
    load.addEventListener('click', () => this.importText(this.paste.value));
    const file = h('input', { type: 'file', name: 'csvFile', accept: '.csv,text/csv,text/plain', class: 'sr-only' });
    file.addEventListener('change', (e) => { e.stopPropagation(); if (file.files[0]) this.importFile(file.files[0]); file.value = ''; });
    const save = h('button', { type: 'button', name: 'exportCsv' }, E.exportCsv);
    save.addEventListener('click', () => this.download('activation-race-data.csv', toCSV(this.points), 'text/csv'));
    this.count = h('p', { class: 'count', 'aria-live': 'polite' });
    this.where = h('span', { class: 'sr-only', 'aria-live': 'polite' }, // the keyboard cursor, for screen readers
      this.showCursor ? E.cursor(this.cursor.x.toFixed(2), this.cursor.y.toFixed(2)) : '');
    this.note = h('p', { class: 'note', role: 'status' });
    this.canvas.setAttribute('aria-label', E.canvas);
    // the form's change listener must not read these as race settings
    for (const el of [this.paste]) el.addEventListener('change', (e) => e.stopPropagation());
    const hadFocus = this.canvas.getRootNode().activeElement === this.canvas; // (moving a node drops its focus)
    this.element.replaceChildren(h('h3', { class: 'sr-only' }, E.title), this.canvas,
      h('div', { class: 'side' }, tools, h('div', { class: 'row' }, clear, save), this.count, this.where,
        h('label', { class: 'csvlabel' }, E.paste, this.paste), h('div', { class: 'row' }, load, h('label', { class: 'filebtn' }, E.file, file)), this.note));
    if (hadFocus) this.canvas.focus();
    this.say(this.said); // the last message again, in this language
    this.paint();
  }

  // ---------------------------------------------------------------- pointer
  at(e) {
    const r = this.canvas.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * 2 - 1, y = 1 - ((e.clientY - r.top) / r.height) * 2;
    return { x: Math.max(-1, Math.min(1, x)), y: Math.max(-1, Math.min(1, y)) };
  }
  down(e) {
    if (e.button !== undefined && e.button !== 0) return;
    e.preventDefault();
    this.canvas.setPointerCapture?.(e.pointerId);
    this.drag = { id: e.pointerId, last: null, changed: false };
    this.apply(this.at(e));
  }
  move(e) {
    if (!this.drag || e.pointerId !== this.drag.id) return;
    e.preventDefault();
    this.apply(this.at(e));
  }
  up(e) {
    if (!this.drag || e.pointerId !== this.drag.id) return;
    const changed = this.drag.changed;
    this.drag = null;
    if (changed) this.changed();
  }
  // One position of a gesture: add (spaced along a drag) or erase.
  apply(p) {
    const d = this.drag;
    if (this.mode === 'erase') {
      const before = this.points.length;
      this.points = this.points.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) > ERASE_RADIUS);
      if (this.points.length !== before) d.changed = true;
    } else if (!d.last || Math.hypot(d.last.x - p.x, d.last.y - p.y) >= PAINT_SPACING) {
      if (this.points.length >= MAX_POINTS) return;
      this.points.push({ x: round(p.x), y: round(p.y), c: this.mode });
      d.last = p;
      d.changed = true;
    }
    this.cursor = p;
    this.paint();
  }

  // ---------------------------------------------------------------- keyboard
  key(e) {
    const k = e.key, c = this.cursor, mv = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[k];
    if (mv) {
      this.cursor = { x: clamp(round(c.x + mv[0] * KEY_STEP)), y: clamp(round(c.y + mv[1] * KEY_STEP)) };
    } else if (k === 'Enter' || k === ' ') {
      if (this.mode === 'erase') this.removeNearest(); else if (this.points.length < MAX_POINTS) this.points.push({ x: round(c.x), y: round(c.y), c: this.mode });
      this.changed();
    } else if (k === 'Delete' || k === 'Backspace') {
      this.removeNearest();
      this.changed();
    } else if (k === '0' || k === '1') {
      this.mode = Number(k);
      const r = this.element.querySelector(`input[name=paintMode][value="${k}"]`);
      if (r) r.checked = true;
    } else return;
    e.preventDefault();
    this.showCursor = true;
    this.paint();
    this.where.textContent = this.t.editor.cursor(this.cursor.x.toFixed(2), this.cursor.y.toFixed(2));
  }
  removeNearest() {
    let best = -1, bd = Infinity;
    this.points.forEach((q, i) => { const d = Math.hypot(q.x - this.cursor.x, q.y - this.cursor.y); if (d < bd) { bd = d; best = i; } });
    if (best >= 0) this.points.splice(best, 1);
  }

  // ---------------------------------------------------------------- CSV
  importText(text) {
    try { this.points = parseCSV(text); } catch (err) { this.say({ err, waiting: true }); return; }
    this.changed();
  }
  async importFile(file) {
    let pts;
    try { pts = await readCSVFile(file); } catch (err) { this.say({ err, waiting: true }); return; }
    this.points = pts;
    this.changed();
  }

  // ---------------------------------------------------------------- state
  // After a finished gesture: a valid set goes to the race, an invalid one is explained here.
  changed() {
    this.paint();
    try { checkPoints(this.points); } catch (err) {
      this.say({ err, waiting: true });
      return;
    }
    this.committed = this.points.map((p) => `${p.x},${p.y},${p.c}`).join(';');
    this.say({ applied: this.points.length });
    this.onCommit(this.points.map((p) => ({ ...p })));
  }
  // The editor's message: {err (an AttrError), waiting?} or {applied: n}; kept, and said again in the
  // reader's language when the widget is rebuilt (a commit rebuilds it).
  say(m) {
    this.said = m;
    if (!this.note) return;
    const E = this.t.editor, text = !m ? '' : m.err
      ? `${m.err.text ? m.err.text(this.language) : m.err.message}${m.waiting ? ` — ${E.waiting}` : ''}` : E.applied(m.applied);
    this.note.textContent = text;
    this.note.className = m?.err ? 'note error' : 'note';
  }

  // ---------------------------------------------------------------- drawing
  paint() {
    if (!this.colors || !this.count) return;
    const dpr = canvasDpr(), px = Math.round(SIZE * dpr), c = this.canvas;
    if (c.width !== px) { c.width = px; c.height = px; }
    const g = this.ctx, C = this.colors, toPx = (v) => ((v + 1) / 2) * SIZE;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = C.bg;
    g.fillRect(0, 0, SIZE, SIZE);
    g.strokeStyle = C.grid;
    g.lineWidth = 1;
    g.beginPath();
    for (const v of [-0.5, 0, 0.5]) { g.moveTo(toPx(v), 0); g.lineTo(toPx(v), SIZE); g.moveTo(0, toPx(v)); g.lineTo(SIZE, toPx(v)); }
    g.stroke();
    for (const p of this.points) {
      g.beginPath();
      g.arc(toPx(p.x), SIZE - toPx(p.y), 4, 0, 2 * Math.PI);
      g.fillStyle = p.c ? C.pos : C.neg;
      g.fill();
      g.strokeStyle = C.ring;
      g.stroke();
    }
    if (this.showCursor) {
      const x = toPx(this.cursor.x), y = SIZE - toPx(this.cursor.y);
      g.strokeStyle = C.line;
      g.lineWidth = 2;
      g.strokeRect(x - 7, y - 7, 14, 14);
      g.beginPath(); g.moveTo(x - 11, y); g.lineTo(x + 11, y); g.moveTo(x, y - 11); g.lineTo(x, y + 11); g.stroke();
    }
    const ones = this.points.filter((p) => p.c === 1).length;
    this.count.textContent = this.t.editor.count(this.points.length, this.points.length - ones, ones);
  }
}

const round = (v) => Math.round(v * 100) / 100;
const clamp = (v) => Math.max(-1, Math.min(1, v));
