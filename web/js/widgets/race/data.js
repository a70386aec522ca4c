// The reader's own data for <activation-race>, without any DOM: the `points` attribute
// ("x,y,label;x,y,label;…"), CSV text (x,y,label per line, header optional) and the checks both
// share. Points are plain {x, y, c} objects (c: class 0 or 1); the engine gets them through
// engine.datasetFromPoints() in model.js. Every failure is an AttrError whose text is the race's
// own sentence in the reader's language (text/activation-race.js, key `data`).
import { AttrError, shown } from '../../ui/kit.js';
import TEXT from '../../text/activation-race.js';

export const MIN_POINTS = 4;
export const MAX_POINTS = 2000;
export const MAX_FILE_BYTES = 1 << 20; // a 2000-row CSV is < 60 kB; anything over 1 MB is refused unread

const NUMBER_RE = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i;
const bad = (key, ...args) => new AttrError((C, lang) => TEXT[lang].data[key](...args));

// One row's three fields -> {x, y, c}; `where` names the row for the message.
function row(fields, where) {
  if (fields.length !== 3) throw bad('fields', where, fields.length);
  const [x, y, c] = fields.map((f) => f.trim());
  for (const [name, v] of [['x', x], ['y', y], ['label', c]]) if (!NUMBER_RE.test(v)) throw bad('notNumber', where, name, shown(v));
  const p = { x: Number(x), y: Number(y), c: Number(c) };
  for (const k of ['x', 'y']) if (!(p[k] >= -1 && p[k] <= 1)) throw bad('range', where, k, shown(k === 'x' ? x : y));
  if (p.c !== 0 && p.c !== 1) throw bad('label', where, shown(c));
  return p;
}

// Checks a whole set: 4..2000 points, both classes present. Returns the points.
export function checkPoints(points) {
  if (points.length < MIN_POINTS) throw bad('tooFew', points.length, MIN_POINTS);
  if (points.length > MAX_POINTS) throw bad('tooMany', points.length, MAX_POINTS);
  const ones = points.filter((p) => p.c === 1).length;
  if (ones === 0 || ones === points.length) throw bad('oneClass', ones === 0 ? 0 : 1);
  return points;
}

// The attribute: rows separated by ';' (a trailing ';' is fine), fields by ','.
export function parsePoints(raw) {
  if (raw == null || raw.trim() === '') throw bad('missing');
  const rows = raw.split(';').filter((r) => r.trim() !== '');
  if (rows.length > MAX_POINTS) throw bad('tooMany', rows.length, MAX_POINTS);
  return checkPoints(rows.map((r, i) => row(r.split(','), i + 1)));
}

// CSV: one point per line, `x,y,label`; a first line whose fields are not numbers is a header.
export function parseCSV(text) {
  const lines = String(text).split(/\r\n|\n|\r/).map((l, i) => [l, i + 1]).filter(([l]) => l.trim() !== '');
  if (lines.length && lines[0][0].split(',').some((f) => !NUMBER_RE.test(f))
      && !lines[0][0].split(',').some((f) => NUMBER_RE.test(f))) lines.shift(); // header: no field is a number
  if (lines.length > MAX_POINTS) throw bad('tooMany', lines.length, MAX_POINTS);
  return checkPoints(lines.map(([l, n]) => row(l.split(','), n)));
}

// A File (or Blob) -> points; its size is checked before a byte is read.
export async function readCSVFile(file) {
  if (file.size > MAX_FILE_BYTES) throw bad('fileSize', (file.size / 1048576).toFixed(1), MAX_FILE_BYTES / 1048576);
  return parseCSV(await file.text());
}

const num = (v) => String(Number(v.toFixed(4)));
export function toAttr(points) { return points.map((p) => `${num(p.x)},${num(p.y)},${p.c}`).join(';'); }
export function toCSV(points) { return `x,y,label\n${points.map((p) => `${num(p.x)},${num(p.y)},${p.c}`).join('\n')}\n`; }

// Points as the engine's arrays: XY row-major N x 2, labels N.
export function toArrays(points) {
  const xy = new Float64Array(points.length * 2), labels = new Float64Array(points.length);
  points.forEach((p, i) => { xy[2 * i] = p.x; xy[2 * i + 1] = p.y; labels[i] = p.c; });
  return { xy, labels };
}

// The first `max` points of a classification set inside [-1, 1]^2 (x row-major N x 2, y labels), as
// a starting drawing when the reader switches to their own data.
export function fromArrays(x, y, max = 200) {
  const out = [];
  for (let i = 0; i < y.length && out.length < max; i++) {
    const p = { x: x[2 * i], y: x[2 * i + 1], c: y[i] > 0.5 ? 1 : 0 };
    if (Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1) out.push({ x: Number(p.x.toFixed(2)), y: Number(p.y.toFixed(2)), c: p.c });
  }
  return out;
}
