// The experiments behind the page's first four claims, through the engine (web/js/engine.js, the only wasm user): shapes of every result,
// the phenomena at the widgets' default settings, and clear errors for bad arguments.
// Run: DIST_DIR=dist node --test tests/wasm/experiments-a.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);
const engine = await import(pathToFileURL(path.join(dist, 'js', 'engine.js')).href);
await engine.ready();

test('UniversalApproximation: grid, predictions, training lowers the error, linear collapse', () => {
  const a = engine.createUniversalApproximation({ target: 'abs', units: 8, activation: 'relu', points: 32 });
  try {
    const g = a.grid();
    assert.ok(g.x instanceof Float64Array && g.x.length === 32 && g.y.length === 32);
    assert.equal(g.x[0], -1);
    assert.equal(g.x[31], 1);
    g.y.forEach((y, i) => assert.equal(y, Math.abs(g.x[i])));  // |x|, computed here
    const before = a.mse;
    const after = a.train(300);
    assert.equal(a.epochs, 300);
    assert.ok(after < before / 5, `${after} vs ${before}`);
    assert.equal(a.predict([0, 0.5]).length, 2);
    assert.throws(() => a.collapse(), /must be linear, got relu/);
  } finally { a.dispose(); }
  const lin = engine.createUniversalApproximation({ activation: 'linear', units: 4, hiddenLayers: 3 });
  try {
    lin.train(50);
    const c = lin.collapse();
    assert.equal(c.rows, 1);
    assert.equal(c.cols, 1);
    assert.equal(c.layers, 4);
    assert.ok(c.maxAbsDiff <= 1e-12);
    // independent: the slope and intercept of the net's own predictions
    const [y0, y1] = lin.predict([0, 1]);
    assert.ok(Math.abs(c.bias[0] - y0) < 1e-12 && Math.abs(c.matrix[0] - (y1 - y0)) < 1e-12);
  } finally { lin.dispose(); }
});

test('UniversalApproximation: bad configs name the field', () => {
  assert.throws(() => engine.createUniversalApproximation({ units: 0 }), /units must be an integer in \[1, 64\], got 0/);
  assert.throws(() => engine.createUniversalApproximation({ units: 2.5 }), /units must be an integer in \[-2147483648, 2147483647\], got 2.5/);
  assert.throws(() => engine.createUniversalApproximation({ activation: 'swish' }), /swish/);
  assert.throws(() => engine.createUniversalApproximation({ target: 'cos' }), /allowed: sin, abs, step/);
  assert.throws(() => engine.createUniversalApproximation({ unit: 3 }), /unknown key 'unit'/);
  assert.throws(() => engine.createUniversalApproximation({ units: '3' }), /units must be a number, got string/);
});

test('GradientFlow: depth + 1 norms; sigmoid vanishes, relu does not (default data)', () => {
  const ratio = (activation) => {
    const g = engine.createGradientFlow({ activation, depth: 10, width: 32 });
    try {
      const n = g.layerNorms();
      assert.equal(n.length, 11);
      assert.ok(n.every((v) => Number.isFinite(v) && v >= 0));
      assert.ok(g.loss > 0);
      return n[0] / n[9];
    } finally { g.dispose(); }
  };
  assert.ok(ratio('sigmoid') < 1e-3);
  assert.ok(ratio('relu') > 0.1);
  const g = engine.createGradientFlow({ activation: 'tanh', depth: 3, width: 8, samples: 50 });
  assert.ok(Number.isFinite(g.train(2)));
  assert.equal(g.epochs, 2);
  g.dispose();
  assert.equal(g.disposed, true);
  assert.throws(() => g.layerNorms(), /already disposed/);
  g.dispose();  // idempotent
});

test('GradientFlow: bad depth, width, init', () => {
  assert.throws(() => engine.createGradientFlow({ depth: 0 }), /depth must be an integer in \[1, 30\], got 0/);
  assert.throws(() => engine.createGradientFlow({ depth: 1000 }), /depth must be an integer in \[1, 30\], got 1000/);
  assert.throws(() => engine.createGradientFlow({ width: 0 }), /width must be an integer in \[1, 128\], got 0/);
  assert.throws(() => engine.createGradientFlow({ init: 'xavier' }), /init: unknown 'xavier'/);
  assert.throws(() => engine.createGradientFlow({ activation: 'maxout' }), /maxout is not offered/);
});

test('DeadNeurons: per-layer fractions + total; relu dies at lr 0.1, elu does not', () => {
  const run = (activation) => {
    const d = engine.createDeadNeurons({ activation });
    try {
      const f0 = d.deadFractions();
      assert.equal(f0.length, 4);  // 3 hidden layers + total
      d.train(20);
      assert.equal(d.diverged, false);
      return d.deadFractions().at(-1);
    } finally { d.dispose(); }
  };
  assert.ok(run('relu') > 0.3);
  assert.equal(run('elu'), 0);
  assert.equal(run('leaky_relu'), 0);
  assert.throws(() => engine.createDeadNeurons({ biasInit: 9 }), /biasInit must be a finite number in \[-5, 5\], got 9/);
  assert.throws(() => engine.createDeadNeurons({ learningRate: 0 }), /learningRate/);
  assert.throws(() => engine.createDeadNeurons({ depth: 0 }), /depth must be an integer in \[1, 8\], got 0/);
});

test('DeadNeurons.silentFractions: z <= 0 on every sample; equals the dead share for relu, is > 0 where elu / leaky_relu have no dead unit', () => {
  const run = (activation, seed) => {
    const d = engine.createDeadNeurons({ activation, seed });
    try {
      d.train(20);
      const dead = d.deadFractions(), silent = d.silentFractions();
      assert.equal(silent.length, 4);
      for (let l = 0; l < 4; l++) assert.ok(dead[l] <= silent[l] + 1e-15 || activation !== 'relu', `layer ${l}`);
      return { dead: dead.at(-1), silent: silent.at(-1), deadAll: [...dead], silentAll: [...silent] };
    } finally { d.dispose(); }
  };
  const relu = run('relu', 1);
  assert.deepEqual(relu.silentAll, relu.deadAll);
  let silentSum = 0;
  for (const a of ['leaky_relu', 'elu', 'selu'])
    for (const seed of [1, 2]) {
      const r = run(a, seed);
      assert.equal(r.dead, 0);
      console.log(`${a} seed ${seed}: silent ${r.silent.toFixed(3)} dead ${r.dead}`);
      silentSum += r.silent;
    }
  assert.ok(silentSum > 0);
  // a bias of -3 makes almost every unit silent at once, for every activation
  const d = engine.createDeadNeurons({ activation: 'elu', biasInit: -3 });
  try { assert.ok(d.silentFractions().at(-1) > 0.9); assert.equal(d.deadFractions().at(-1), 0); } finally { d.dispose(); }
});

test('SelfNormalization: selu stays near (0, 1); step() in slices equals advance()', () => {
  const s = engine.createSelfNormalization({ depth: 4, width: 50, samples: 200 });
  const t = engine.createSelfNormalization({ depth: 4, width: 50, samples: 200 });
  try {
    assert.equal(s.layersDone, 0);
    assert.equal(s.mean().length, 1);
    assert.equal(s.advance(4), false);
    assert.equal(s.done, true);
    const m = s.mean(), sd = s.std();
    assert.equal(m.length, 5);
    assert.ok(Math.abs(m[4]) < 0.1 && sd[4] > 0.8 && sd[4] < 1.2, `${m[4]} ${sd[4]}`);
    while (t.step(64));
    assert.deepEqual(Array.from(t.std()), Array.from(sd));
  } finally { s.dispose(); t.dispose(); }
  const raw = engine.createSelfNormalization({ depth: 2, width: 20, samples: 100, rawInputs: true });
  assert.ok(raw.mean()[0] > 100);  // pixel-like inputs around 128
  raw.dispose();
  assert.throws(() => engine.createSelfNormalization({ depth: 0 }), /depth must be an integer in \[1, 60\], got 0/);
  assert.throws(() => engine.createSelfNormalization({ skip: 1 }), /skip must be true or false/);
  assert.throws(() => engine.createSelfNormalization({ activation: 'nope' }), /nope/);
});
