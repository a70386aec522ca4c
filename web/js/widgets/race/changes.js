// A race trained in a worker reaches the page as changes: what the worker's Race did to each network
// since its last message (race/worker.js makes them, race/trainer.js applies them to the page's Race,
// whose networks then hold the same weights and whose entries the same numbers as the worker's).

// What the page holds of an entry before any change: the state its own Race starts in.
export const nothingSent = (e) => ({ stride: e.stride, len: 0, epochs: e.epochs, diverged: false, boundary: null });

// What changed about one entry since `sent` (the page's copy): numbers, new history points (or the
// whole history when it was thinned), the weights when it trained, and the decision boundary and
// accuracies when they were measured again.
export function entryChange(e, sent) {
  const full = sent.stride !== e.stride || sent.len > e.hist.epoch.length;
  const from = full ? 0 : sent.len;
  const change = {
    epochs: e.epochs, ms: e.ms, diverged: e.diverged, hitEpoch: e.hitEpoch, lastTrain: e.lastTrain, lastTest: e.lastTest,
    stride: e.stride, histFrom: from,
    hist: { epoch: e.hist.epoch.slice(from), train: e.hist.train.slice(from), test: e.hist.test.slice(from) },
    params: sent.epochs !== e.epochs || sent.diverged !== e.diverged ? e.net.getParameters() : null,
  };
  if (e.diverged) Object.assign(change, { divergedAt: e.divergedAt, divergedLoss: e.divergedLoss, blowup: e.blowup });
  if (e.boundary && sent.boundary !== e.boundary) { // measured since (race.measure): the picture and the accuracies
    Object.assign(change, { boundary: e.boundary, boundaryEpoch: e.boundaryEpoch, accTrain: e.accTrain, accTest: e.accTest });
  }
  Object.assign(sent, { stride: e.stride, len: e.hist.epoch.length, epochs: e.epochs, diverged: e.diverged, boundary: e.boundary });
  return change;
}

// The page's side of the same: applies one change to an entry of the page's Race.
export function applyChange(e, c) {
  for (const k of ['epochs', 'ms', 'diverged', 'hitEpoch', 'lastTrain', 'lastTest', 'stride', 'divergedAt', 'divergedLoss', 'blowup',
    'boundary', 'boundaryEpoch', 'accTrain', 'accTest']) {
    if (k in c) e[k] = c[k];
  }
  for (const k of ['epoch', 'train', 'test']) {
    e.hist[k].length = c.histFrom;
    for (const v of c.hist[k]) e.hist[k].push(v);
  }
  if (c.params) e.net.setParameters(c.params);
}
