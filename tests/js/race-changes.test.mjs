// race/changes.js: what the worker posts about each network, applied to the page's copy, must leave
// the copy equal to the original — numbers, histories (also across a thinning, when the stride
// doubles and the worker's history is rewritten), weights and boundaries — and send only what changed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { entryChange, applyChange, nothingSent } from '../../web/js/widgets/race/changes.js';

const net = (w) => ({ w: Float64Array.from(w), getParameters() { return Float64Array.from(this.w); }, setParameters(p) { this.w = Float64Array.from(p); } });
const entry = (w) => ({ epochs: 0, ms: 0, diverged: false, hitEpoch: null, lastTrain: NaN, lastTest: 0.7, stride: 1,
  hist: { epoch: [], train: [], test: [] }, accTrain: NaN, accTest: NaN, boundary: null, boundaryEpoch: -1, net: net(w) });
// one epoch of fake training: weights move, losses fall, history grows (thinned past `max` points)
function train(e, max = 6) {
  e.epochs++;
  e.ms += 0.5;
  e.net.w = e.net.w.map((v) => v * 0.9 + 0.01);
  e.lastTrain = 1 / (e.epochs + 1);
  e.lastTest = 1.1 / (e.epochs + 1);
  if (e.hitEpoch === null && e.lastTrain < 0.2) e.hitEpoch = e.epochs;
  if (e.epochs % e.stride === 0) {
    e.hist.epoch.push(e.epochs); e.hist.train.push(e.lastTrain); e.hist.test.push(e.lastTest);
    if (e.hist.epoch.length > max) { for (const k of ['epoch', 'train', 'test']) e.hist[k] = e.hist[k].filter((_, i) => i % 2 === 1); e.stride *= 2; }
  }
}
const view = (e) => ({ ...e, net: [...e.net.w], hist: JSON.parse(JSON.stringify(e.hist)), boundary: e.boundary && [...e.boundary] });

test('changes applied after every few epochs keep the page copy equal to the worker entry, across thinning', () => {
  const worker = entry([0.5, -0.25, 1]), page = entry([0.5, -0.25, 1]), sent = nothingSent(worker);
  let total = 0;
  for (const burst of [1, 3, 2, 7, 1, 9, 4, 12]) {
    for (let i = 0; i < burst; i++) train(worker);
    worker.boundary = Float64Array.from([worker.epochs, worker.epochs / 2]);
    worker.boundaryEpoch = worker.epochs;
    worker.accTest = 1 - 1 / worker.epochs;
    const c = structuredClone(entryChange(worker, sent)); // as postMessage delivers it
    applyChange(page, c);
    total += burst;
    assert.deepEqual(view(page), view(worker), `after ${total} epochs`);
  }
  assert.ok(worker.stride > 1, `the history was thinned on the way (stride ${worker.stride})`);
});

test('a change holds only what changed: no weights, no history, no boundary when nothing trained', () => {
  const e = entry([1, 2]), sent = nothingSent(e);
  train(e); train(e);
  e.boundary = Float64Array.of(0.5); e.boundaryEpoch = e.epochs;
  const first = entryChange(e, sent);
  assert.equal(first.hist.epoch.length, 2);
  assert.deepEqual([...first.params], [...e.net.w]);
  assert.ok(first.boundary);
  const again = entryChange(e, sent);
  assert.equal(again.params, null, 'untrained since: no weights');
  assert.equal(again.hist.epoch.length, 0, 'no new history points');
  assert.equal(again.histFrom, 2);
  assert.equal(again.boundary, undefined, 'same boundary: not sent again');
});

test('a diverged network sends where and why it stopped', () => {
  const e = entry([1]), sent = nothingSent(e), page = entry([1]);
  train(e);
  Object.assign(e, { diverged: true, divergedAt: 2, divergedLoss: 0.4, lastTrain: NaN, blowup: { what: 'gradient', loss: 3, gradNorm: 1e9, maxWeight: 2, before: 0.4 } });
  applyChange(page, structuredClone(entryChange(e, sent)));
  assert.equal(page.diverged, true);
  assert.equal(page.divergedAt, 2);
  assert.deepEqual(page.blowup, e.blowup);
  assert.ok(Number.isNaN(page.lastTrain));
});
