// The experiments behind the page's other claims, through the engine (dist/js/engine.js, Node path):
// zigzagDescent, measureActivationSpeed, LeakyCompare, the activation guide — shapes, the phenomena at the default settings, and clear errors.
// Run: DIST_DIR=dist node --test tests/wasm/experiments-b.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);
const engine = await import(pathToFileURL(path.join(dist, 'js', 'engine.js')).href);
await engine.ready();

test('zigzagDescent: shapes; sigmoid inputs only same-sign updates and slower than tanh', () => {
  const s = engine.zigzagDescent();
  assert.equal(s.inputs, 'sigmoid');
  assert.ok(s.path instanceof Float64Array && s.sameSign instanceof Uint8Array);
  assert.equal(s.path.length, 2 * (s.steps + 1));
  assert.equal(s.updates.length, 2 * s.steps);
  assert.equal(s.sameSign.length, s.steps);
  assert.equal(s.loss.length, s.grid * s.grid);
  assert.equal(s.points.length, 2 * 64);
  assert.deepEqual(s.target, [1, -1]);
  for (let k = 0; k < s.steps; k++) assert.ok(s.updates[2 * k] * s.updates[2 * k + 1] >= 0, `step ${k}`);
  assert.equal(s.sameSignCount, s.steps);
  const t = engine.zigzagDescent({ inputs: 'tanh' });
  assert.ok(t.convergedAt > 0 && s.convergedAt > 3 * t.convergedAt, `sigmoid ${s.convergedAt} vs tanh ${t.convergedAt}`);
  assert.ok(t.sameSignCount < t.steps);
  // the final point is within the tolerance of the target
  const w = [s.path[2 * s.steps], s.path[2 * s.steps + 1]];
  assert.ok(Math.hypot(w[0] - 1, w[1] + 1) < s.tolerance);
});

test('zigzagDescent: options are applied and bad ones throw naming the field', () => {
  const r = engine.zigzagDescent({ maxSteps: 5, start: [0.5, 0.5], target: [2, -2], grid: 8, learningRate: 0.1 });
  assert.equal(r.steps, 5);
  assert.equal(r.convergedAt, -1);
  assert.deepEqual([r.path[0], r.path[1]], [0.5, 0.5]);
  assert.equal(r.loss.length, 64);
  assert.throws(() => engine.zigzagDescent({ inputs: 'relu' }), /inputs.*sigmoid, tanh/);
  assert.throws(() => engine.zigzagDescent({ learningRate: -1 }), /learningRate/);
  assert.throws(() => engine.zigzagDescent({ start: [1] }), /start must have 2 numbers/);
  assert.throws(() => engine.zigzagDescent({ maxSteps: 1.5 }), /maxSteps must be an integer/);
  assert.throws(() => engine.zigzagDescent({ speed: 1 }), /unknown key 'speed'/);
  assert.throws(() => engine.zigzagDescent('fast'), /must be a plain object/);
});

test('zigzagDescent: batch mode steps by -lr C (w - w*), mixed signs; eigenvalues of C; the high-lr inversion is one-sample only', () => {
  const single = engine.zigzagDescent(), batch = engine.zigzagDescent({ batch: true });
  assert.equal(single.batch, false);
  assert.equal(batch.batch, true);
  const [c11, c12, c22] = batch.moment;
  for (let k = 0; k < batch.steps; k++) {
    const e1 = batch.path[2 * k] - 1, e2 = batch.path[2 * k + 1] + 1;
    assert.ok(Math.abs(batch.updates[2 * k] + 0.5 * (c11 * e1 + c12 * e2)) < 1e-14, `step ${k}`);
    assert.ok(Math.abs(batch.updates[2 * k + 1] + 0.5 * (c12 * e1 + c22 * e2)) < 1e-14, `step ${k}`);
  }
  assert.ok(batch.sameSignCount < batch.steps, 'batch steps mix signs');
  assert.notDeepEqual([...batch.path.slice(0, 10)], [...single.path.slice(0, 10)]);
  // eigenvalues: the roots of the characteristic polynomial of C, largest first
  const tr = c11 + c22, det = c11 * c22 - c12 * c12, disc = Math.sqrt(tr * tr / 4 - det);
  assert.ok(Math.abs(batch.eigenvalues[0] - (tr / 2 + disc)) < 1e-14 && Math.abs(batch.eigenvalues[1] - (tr / 2 - disc)) < 1e-14);
  assert.ok(batch.eigenvalues[0] / batch.eigenvalues[1] > 8, 'sigmoid inputs: badly conditioned');
  const t = engine.zigzagDescent({ inputs: 'tanh' });
  assert.ok(t.eigenvalues[0] / t.eigenvalues[1] < 2, 'tanh inputs: nearly round');
  console.log(`eigenvalues sigmoid ${[...batch.eigenvalues].map((v) => v.toFixed(4))}, tanh ${[...t.eigenvalues].map((v) => v.toFixed(4))}`);
  // one sample at lr 2: tanh slower, more overshooting points; the whole batch at lr 2: tanh still faster
  const at = (inputs, b) => engine.zigzagDescent({ inputs, learningRate: 2, batch: b });
  const s2 = at('sigmoid', false), t2 = at('tanh', false), bs2 = at('sigmoid', true), bt2 = at('tanh', true);
  assert.ok(t2.convergedAt > s2.convergedAt && t2.overshootPoints > s2.overshootPoints, `${t2.convergedAt} vs ${s2.convergedAt}`);
  assert.ok(bt2.convergedAt > 0 && bt2.convergedAt < bs2.convergedAt);
  console.log(`lr 2: one-sample sigmoid ${s2.convergedAt} tanh ${t2.convergedAt}; batch sigmoid ${bs2.convergedAt} tanh ${bt2.convergedAt}`);
  assert.throws(() => engine.zigzagDescent({ batch: 'yes' }), /batch must be true or false/);
});

test('measureActivationSpeed: every id and the ReLU variants report finite timings', () => {
  for (const id of engine.activationIds()) {
    const r = engine.measureActivationSpeed(id, { n: 2000, reps: 1 });
    assert.equal(r.id, id);
    assert.ok(Number.isFinite(r.nsPerElementF) && r.nsPerElementF >= 0, id);
    assert.ok(Number.isFinite(r.nsPerElementDf) && r.nsPerElementDf >= 0, id);
    assert.ok(Number.isFinite(r.checksum), id);
    assert.ok(r.bestNsPerElementF >= 0 && r.bestNsPerElementF <= r.nsPerElementF, id);  // the fastest rep, passed through
    assert.ok(r.bestNsPerElementDf >= 0 && r.bestNsPerElementDf <= r.nsPerElementDf, id);
    assert.deepEqual([r.n, r.reps], [2000, 1]);
  }
  for (const variant of ['branchy', 'branchless']) {
    const r = engine.measureActivationSpeed('relu', { n: 2000, reps: 1, variant });
    assert.equal(r.variant, variant);
  }
  assert.throws(() => engine.measureActivationSpeed('sigmoid', { variant: 'branchy' }), /branchy/);
});

const RUNS = [
  { activation: 'relu' }, { activation: 'leaky_relu', params: { alpha: 0.01 } },
  { activation: 'leaky_relu', params: { alpha: 0.2 } }, { activation: 'prelu' }, { activation: 'rrelu' },
];

test('LeakyCompare: records per run, PReLU alphas move from 0.25, dispose', () => {
  const c = engine.createLeakyCompare({ runs: RUNS });
  try {
    assert.equal(c.runCount, 5);
    const r0 = c.evaluate();
    assert.equal(r0.length, 5);
    assert.ok(Number.isNaN(r0[0].trainLoss));
    assert.equal(r0[3].alphas.length, 16);
    assert.ok(Array.from(r0[3].alphas).every((a) => a === 0.25));
    assert.equal(r0[0].alphas.length, 0);
    let r;
    for (let e = 0; e < 20; e++) r = c.step();
    assert.equal(c.epoch, 20);
    for (const x of r) {
      assert.ok(x.testLoss < r0[0].testLoss, 'learned');
      assert.ok(x.testAccuracy >= 0 && x.testAccuracy <= 1);
      assert.equal(x.diverged, false);
    }
    assert.ok(Math.max(...Array.from(r[3].alphas, (a) => Math.abs(a - 0.25))) > 0.01);
  } finally {
    c.dispose();
  }
  assert.equal(c.disposed, true);
  assert.throws(() => c.step(), /disposed/);
  c.dispose(); // twice is harmless
});

test('LeakyCompare: bad options throw naming the field', () => {
  assert.throws(() => engine.createLeakyCompare({}), /runs is required/);
  assert.throws(() => engine.createLeakyCompare({ runs: [{ activation: 'sigmoid' }] }), /relu, leaky_relu, prelu, rrelu/);
  assert.throws(() => engine.createLeakyCompare({ runs: [{ activation: 'leaky_relu', params: { alpha: -2 } }] }), /alpha/);
  assert.throws(() => engine.createLeakyCompare({ runs: RUNS, dataset: 'moons' }), /dataset/);
  assert.throws(() => engine.createLeakyCompare({ runs: RUNS, hidden: [8, 100] }), /hidden/);
  assert.throws(() => engine.createLeakyCompare({ runs: RUNS, optimizer: 'rmsprop' }), /optimizer/);
  assert.throws(() => engine.createLeakyCompare({ runs: [{ activation: 'relu', alpha: 1 }] }), /runs\[0\].*unknown key 'alpha'/);
});

test('activationGuide: the post\'s picks, rule ids (no page anchors) and errors', () => {
  const g = engine.activationGuide;
  assert.deepEqual(engine.activationRanking(), ['selu', 'elu', 'leaky_relu', 'relu', 'tanh', 'sigmoid']);
  assert.equal(g().pick, 'selu');
  assert.equal(g({ selfNormalizing: false }).pick, 'elu');
  const fast = g({ speedCritical: true });
  assert.equal(fast.pick, 'relu');
  assert.ok(fast.advice.some((a) => a.id === 'leaky_relu' && a.rule === 'speed-leaky'));
  assert.equal(g({ overfitting: true }).pick, 'rrelu');
  assert.equal(g({ hugeTrainingSet: true }).pick, 'prelu');
  const cv = g({ timeToCrossValidate: true, selfNormalizing: false });
  assert.deepEqual(cv.crossValidate, ['elu', 'leaky_relu', 'relu', 'tanh', 'sigmoid']);
  const RULES = ['self-normalizing', 'no-self-normalizing', 'speed-relu', 'speed-leaky', 'overfitting', 'huge-data', 'cross-validate',
    'transformer', 'transformer-gated'];
  // after the post: a transformer-style model gets GELU then SiLU, and no SELU / ELU rule
  const tf = g({ transformer: true, timeToCrossValidate: true });
  assert.equal(tf.pick, 'gelu');
  assert.deepEqual(tf.advice.filter((a) => a.rule !== 'cross-validate').map((a) => `${a.id}:${a.rule}`), ['gelu:transformer', 'silu:transformer-gated']);
  assert.deepEqual(tf.crossValidate, ['elu', 'leaky_relu', 'relu', 'tanh', 'sigmoid', 'gelu', 'silu']);
  assert.ok(!g().advice.some((a) => a.id === 'gelu'));
  assert.throws(() => g({ transformer: 'yes' }), /transformer must be true or false/);
  for (const a of cv.advice) assert.deepEqual(Object.keys(a).sort(), ['id', 'rule']), assert.ok(RULES.includes(a.rule), a.rule);
  assert.throws(() => g({ overfitting: 1 }), /overfitting must be true or false/);
  assert.throws(() => g({ fast: true }), /unknown key 'fast'/);
});
