// The race's boundaries (or fitted curves) on the page: which one is due, drawing one, and drawing
// as many as a frame's budget holds. `w` is the <activation-race>; its `heatmaps` map holds each
// network's canvas and when and at which epoch it was last drawn.
import { GRID, DOMAIN } from './model.js';
import { yRangeOf } from './curve.js';
import { trainedByWorker } from './trainer.js';

export const HEAT_EVERY_MS = 250; // a boundary is not redrawn more often than this

// A boundary that must be repainted (stale: resized, restyled, new race), else (unless staleOnly)
// the stalest one whose network has moved on and that is older than HEAT_EVERY_MS. A worker
// measures the boundaries itself (race/worker.js): one is due when a newer one came.
export function dueBoundary(w, now, staleOnly = false) {
  let best = null;
  const worker = trainedByWorker(w);
  for (const e of w.race.entries) {
    const m = w.heatmaps.get(e.id);
    if (!m) continue;
    if (m.stale) return [e, m];
    if (!staleOnly && m.epoch !== (worker ? e.boundaryEpoch : e.epochs) && now - m.at >= HEAT_EVERY_MS && (!best || m.at < best[1].at)) best = [e, m];
  }
  return best;
}

function drawBoundary(w, [e, m], now) {
  const r = w.race;
  if (!e.boundary || (e.boundaryEpoch !== e.epochs && !trainedByWorker(w))) r.measure(e);
  m.hm.resize(m.size);
  if (r.regression) {
    r.yRange ??= yRangeOf(r.truth, r.points);
    m.hm.render({ xs: r.grid, fit: e.boundary, truth: r.truth, points: r.points, min: DOMAIN[0], max: DOMAIN[1], yRange: r.yRange,
      colors: { ...w.look.fit, fit: w.color(e.id) } });
  } else m.hm.render({ n: GRID, p: e.boundary, classes: r.classes, min: DOMAIN[0], max: DOMAIN[1], points: r.points, colors: w.look.heat });
  m.at = now;
  m.epoch = e.boundaryEpoch;
  m.stale = false;
}

// Draws due boundaries while they fit in budgetMs at their measured cost (at least one, at most
// `max`): a frame never starts a boundary it has no room for.
export function paintBoundaries(w, now, { budgetMs, max = Infinity, staleOnly = false }) {
  if (!w.look) return 0;
  const t0 = performance.now();
  let due, n = 0;
  while (n < max && (n === 0 || performance.now() - t0 + (w.heatMs || 0) <= budgetMs) && (due = dueBoundary(w, now, staleOnly))) {
    const t = performance.now();
    drawBoundary(w, due, now);
    n++;
    w.heatMs = 0.8 * (w.heatMs ?? performance.now() - t) + 0.2 * (performance.now() - t);
  }
  return n;
}
