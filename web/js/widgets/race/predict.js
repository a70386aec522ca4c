// The race's "predict, then observe" question (ui/predict.js): how far behind the best non-linear
// network will the linear one be? Judged from the live race at a checkpoint epoch — the race's
// last epoch when `epochs` is set, else CHECK_EPOCH — by the ratio of test losses read from the
// recorded histories at that epoch (so the verdict does not drift as an open-ended race goes on).
// Without a linear runner the question compares the worst network with the best.
export const CHECK_EPOCH = 100;
const BANDS = [1.5, 5]; // ratio < 1.5: about the same; < 5: higher; else far higher

export function checkEpoch(race) { return Number.isFinite(race.target) ? race.target : CHECK_EPOCH; }

// The test loss of one entry at epoch E (its history; the last value if it stopped earlier).
function testAt(e, E) {
  if (e.diverged) return Infinity;
  const i = e.hist.epoch.lastIndexOf(E);
  return i >= 0 ? e.hist.test[i] : e.lastTest;
}

export function racePredictText(w) {
  const P = w.T.predict, E = Number.isFinite(w.opts?.epochs) ? w.opts.epochs : CHECK_EPOCH; // (asked before the race is built)
  const hasLinear = (w.opts?.activations ?? []).includes('linear') && (w.opts?.activations.length ?? 0) > 1;
  return { ...P, question: hasLinear ? P.question(E) : P.questionWorst(E), why: (o) => (hasLinear ? P.why : P.whyWorst)[o.correct] };
}

// null until every network has reached the checkpoint (or stopped); then {correct, measured}.
export function raceOutcome(w) {
  const r = w.race;
  if (!r || !r.entries.length) return null;
  const E = checkEpoch(r);
  if (r.entries.some((e) => !e.diverged && e.epochs < E)) return null;
  const loss = r.entries.map((e) => ({ id: e.id, v: testAt(e, E) }));
  const hasLinear = loss.some((l) => l.id === 'linear') && loss.length > 1;
  const others = hasLinear ? loss.filter((l) => l.id !== 'linear') : loss;
  const best = others.reduce((a, b) => (b.v < a.v ? b : a));
  const subject = hasLinear ? loss.find((l) => l.id === 'linear') : loss.reduce((a, b) => (b.v > a.v ? b : a));
  const ratio = subject.v / best.v;
  const correct = !(ratio < BANDS[1]) ? 2 : ratio < BANDS[0] ? 0 : 1;
  const f = (v) => (Number.isFinite(v) ? v.toPrecision(3) : '∞');
  return { correct, measured: w.T.predict.measuredText(subject.id, f(subject.v), best.id, f(best.v), Number.isFinite(ratio) ? ratio.toFixed(1) : '∞', E) };
}
