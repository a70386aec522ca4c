// The race's model (web/js/widgets/race/model.js, no DOM) on the built engine: the reader's points
// through engine.datasetFromPoints (every row kept, a test point even in a tiny drawing), a
// regression race (MSE, the core's own target, R² per network, non-linear above linear), and a
// diverged network's diagnosis (the quantity that blew up, measured at its last finite weights).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);
const url = (p) => pathToFileURL(path.join(dist, 'js', p)).href;
const engine = await import(url('engine.js'));
await engine.ready();
const { Race } = await import(url('widgets/race/model.js'));

const base = { noise: 0.1, seed: 1, layers: [8, 8], lr: 0.01, optimizer: 'adam', batch: 10, init: 'glorot_uniform', epochs: 40 };
const run = (r) => { while (r.stepOne()); for (const e of r.entries) r.measure(e); return r; };

test('custom points: every row reaches the engine once; a tiny drawing still holds one test point', () => {
  const points = [{ x: -0.5, y: 0.5, c: 0 }, { x: 0.5, y: 0.5, c: 1 }, { x: 0.25, y: -1, c: 0 }, { x: 1, y: -0.75, c: 1 }];
  const r = new Race({ ...base, dataset: 'custom', points, activations: ['relu'], epochs: 2 });
  try {
    const d = r.data, rows = [];
    for (const [X, Y] of [[d.xTrain, d.yTrain], [d.xTest, d.yTest]]) for (let i = 0; i < Y.length; i++) rows.push(`${X[2 * i]},${X[2 * i + 1]},${Y[i]}`);
    assert.deepEqual(rows.sort(), points.map((p) => `${p.x},${p.y},${p.c}`).sort());
    assert.equal(d.yTest.length, 1);
    run(r);
    assert.equal(r.entries[0].epochs, 2);
  } finally { r.dispose(); }
});

test('sin: trained with MSE against the core\'s target; tanh and relu explain far more of it than linear', () => {
  const r = run(new Race({ ...base, dataset: 'sin', layers: [16, 16], activations: ['linear', 'tanh', 'relu'], epochs: 80 }));
  try {
    assert.equal(r.regression, true);
    assert.equal(r.entries[0].net.config().loss, 'mse');
    for (let i = 0; i < r.truth.x.length; i += 37) assert.ok(Math.abs(r.truth.y[i] - Math.sin(Math.PI * r.truth.x[i])) < 1e-12, 'target = sin(πx)');
    const by = Object.fromEntries(r.entries.map((e) => [e.id, e]));
    console.log(`# sin, 80 epochs: ${r.entries.map((e) => `${e.id} test mse ${e.lastTest.toFixed(4)} R² ${e.accTest.toFixed(3)}`).join('; ')}`);
    assert.ok(by.linear.accTest < 0.7, `a line explains about 61 % of sin(πx): ${by.linear.accTest}`);
    for (const id of ['tanh', 'relu']) {
      assert.ok(by[id].lastTest < by.linear.lastTest / 5, `${id} mse ${by[id].lastTest} vs linear ${by.linear.lastTest}`);
      assert.ok(by[id].accTest > 0.9);
    }
    assert.equal(r.entries[0].boundary.length, r.grid.length, 'one fitted value per x of the curve');
  } finally { r.dispose(); }
});

test('divergence is diagnosed at the last finite weights, and lrFor lowers one network only', () => {
  const r = run(new Race({ ...base, dataset: 'spiral', activations: ['linear', 'relu'], lr: 10, optimizer: 'sgd', epochs: 10 }));
  try {
    const lin = r.entries.find((e) => e.id === 'linear');
    assert.equal(lin.diverged, true);
    assert.ok(['loss', 'gradient', 'weights'].includes(lin.blowup.what));
    console.log(`# linear at lr 10: ${JSON.stringify(lin.blowup)}`);
    // SGD at lr 10 on a linear net: the weights grow to ~1e200 before the loss overflows
    assert.equal(lin.blowup.what, 'weights');
    assert.ok(lin.blowup.maxWeight > 1e6 && !Number.isFinite(lin.blowup.loss));
    assert.ok(Number.isFinite(lin.blowup.maxWeight), 'the weights stayed at their last finite values');
  } finally { r.dispose(); }
  const r2 = new Race({ ...base, dataset: 'spiral', activations: ['linear', 'relu'], lr: 10, lrFor: { linear: 1 }, optimizer: 'sgd', epochs: 1 });
  try {
    assert.deepEqual(r2.entries.map((e) => e.net.config().learningRate), [1, 10]);
  } finally { r2.dispose(); }
});

// The presets' sentences that quote numbers are checked against the race they set up (the widget
// runs the same model on the same engine): attributes -> parseRaceAttrs -> Race, as the element does.
const { PRESETS } = await import(url('widgets/race/presets.js'));
const { parseRaceAttrs } = await import(url('widgets/race/attrs.js'));
const presetRace = (id, epochs) => {
  const attrs = { ...PRESETS[id], epochs: String(epochs) };
  const el = { getAttribute: (n) => attrs[n] ?? null, hasAttribute: (n) => n in attrs };
  const cfg = parseRaceAttrs(el, engine.activationIds());
  return run(new Race(cfg));
};

test('preset after-2020: GELU, SiLU and Mish reach loss 0.1 before ReLU, softplus last (seed 1)', () => {
  const r = presetRace('after-2020', 300);
  try {
    const hit = Object.fromEntries(r.entries.map((e) => [e.id, e.hitEpoch ?? Infinity]));
    console.log(`# after-2020, epochs to train loss < 0.1: ${JSON.stringify(hit)}`);
    for (const id of ['gelu', 'silu', 'mish']) assert.ok(hit[id] < hit.relu, `${id} ${hit[id]} before relu ${hit.relu}`);
    for (const id of ['relu', 'gelu', 'silu', 'mish', 'hardswish']) assert.ok(hit.softplus >= hit[id], `softplus last (${id})`);
  } finally { r.dispose(); }
});

test('preset three-classes: linear stays near chance, tanh is still near chance at 150 epochs and catches up by 300', () => {
  const r150 = presetRace('three-classes', 150), r300 = presetRace('three-classes', 300);
  try {
    const acc = (r) => Object.fromEntries(r.entries.map((e) => [e.id, e.accTest]));
    const a150 = acc(r150), a300 = acc(r300);
    console.log(`# three-classes test accuracy at 150: ${JSON.stringify(a150)}; at 300: ${JSON.stringify(a300)}`);
    assert.equal(r300.classes, 3);
    assert.ok(a300.linear < 0.45, `linear near chance: ${a300.linear}`);
    assert.ok(a150.tanh < 0.5 && a150.relu > 0.85, `tanh still near chance at 150 while relu is not: ${a150.tanh}, ${a150.relu}`);
    assert.ok(a300.tanh > 0.85, `tanh caught up by 300: ${a300.tanh}`);
  } finally { r150.dispose(); r300.dispose(); }
});
