// What <activation-race> draws, as data: the loss chart's series and the results table's cells.
import { formatNumber } from '../../plot/scale.js';
import { parseColor } from '../../plot/heatmap.js';

export const fmt = (v, d = 3) => (Number.isFinite(v) ? formatNumber(v, d) : '–');
export const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '–');

// Plot series (test dashed, then train solid) per network; the focused one last (on top) and
// thicker, the others faded. At most about one point per 3 px, so drawing stays cheap however
// long the race runs (twenty strokes are most of a phone's frame). Thin strokes on purpose: thick anti-aliased polylines are the costliest paint.
export function lossSeries(race, focus, color, width) {
  const order = race.entries.filter((e) => e.id !== focus).concat(race.entries.filter((e) => e.id === focus));
  const series = [];
  for (const e of order) {
    const c = color(e.id), rgb = parseColor(c), dim = focus && e.id !== focus;
    const col = dim && rgb ? `rgba(${rgb.join(',')},0.22)` : c, w = e.id === focus ? 2.5 : 1.5;
    const n = e.hist.epoch.length, stride = Math.max(1, Math.ceil(n / Math.max(50, width / 3)));
    const pick = (a) => (stride === 1 ? a : a.filter((_, i) => i % stride === 0 || i === n - 1));
    const x = pick(e.hist.epoch);
    series.push({ x, y: pick(e.hist.test), color: col, width: w - 0.5, dash: [5, 3] });
    series.push({ x, y: pick(e.hist.train), color: col, width: w });
  }
  return series;
}

// A dot where each diverged network stopped (at its last finite loss).
export function divergencePoints(race, color) {
  return race.entries.filter((e) => e.diverged && e.divergedLoss > 0).map((e) => ({ x: e.divergedAt, y: e.divergedLoss, color: color(e.id) }));
}

// Train/test loss, train/test accuracy, epochs to the target loss, ms per epoch, state.
export function tableCells(race, e, t, running) {
  const state = e.diverged ? t.diverged : e.epochs >= race.target ? t.done : running ? t.running : t.paused;
  const score = race.regression ? (v) => fmt(v) : pct; // regression: R², else accuracy
  return [fmt(e.lastTrain), fmt(e.lastTest), score(e.accTrain), score(e.accTest), e.hitEpoch ?? t.notYet, fmt(race.msPerEpoch(e), 2), state];
}

// The boundary heatmap's colours for a race of `classes` classes: two-class races mix class-0 and
// class-1 by P(class 1); three-class ones (spiral3) colour each cell by its predicted class (class-0,
// class-1, class-2 of the palette). `pc(name)`: the widget's palette colour.
export function heatColors(pc, bg, classes) {
  return { bg, neg: pc('class-0'), pos: pc('class-1'), line: pc('fg'), ring: pc('ring') || bg,
    classes: Array.from({ length: Math.max(2, classes) }, (_, k) => pc(`class-${k}`)) };
}
