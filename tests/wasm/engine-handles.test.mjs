// engine.js's one handle class, through every kind it wraps (dist/js/engine.js, Node path): each
// create<Name>() counts one live handle of its kind, dispose() deletes once and is idempotent, any
// other use afterwards is a clear Error; results are plain objects; the old export names still work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);
const engine = await import(pathToFileURL(path.join(dist, 'js', 'engine.js')).href);
await engine.ready();

const SMALL = { depth: 1, width: 2, samples: 10 };
const KINDS = [
  ['Network', () => engine.createNetwork({ layers: [2, 3, 1] }), (h) => h.parameterCount, /network already disposed/],
  ['Data', () => engine.createData([0, 1], [1]), null, null],
  ['UniversalApproximation', () => engine.createUniversalApproximation({ points: 8 }), (h) => h.mse, /UniversalApproximation already disposed/],
  ['GradientFlow', () => engine.createGradientFlow(SMALL), (h) => h.layerNorms(), /GradientFlow already disposed/],
  ['DeadNeurons', () => engine.createDeadNeurons(SMALL), (h) => h.deadFractions(), /DeadNeurons already disposed/],
  ['SelfNormalization', () => engine.createSelfNormalization({ depth: 1, width: 2, samples: 4 }), (h) => h.mean(), /SelfNormalization already disposed/],
  ['LeakyCompare', () => engine.createLeakyCompare({ points: 40, runs: [{ activation: 'relu' }] }), (h) => h.evaluate(), /LeakyCompare already disposed/],
];

test('every kind: one live handle while alive, dispose() once, then a clear Error', () => {
  for (const [kind, make, useIt, disposedMsg] of KINDS) {
    const before = engine.liveCount(kind);
    const h = make();
    assert.equal(engine.liveCount(kind), before + 1, kind);
    if (useIt) useIt(h);
    assert.equal(h.disposed, false);
    h.dispose();
    assert.equal(h.disposed, true);
    assert.equal(engine.liveCount(kind), before, kind);
    h.dispose();  // idempotent: nothing deleted twice, the counter unchanged
    assert.equal(engine.liveCount(kind), before, kind);
    if (useIt) assert.throws(() => useIt(h), (e) => e instanceof Error && disposedMsg.test(e.message), kind);
  }
  assert.equal(engine.liveNetworkCount(), engine.liveCount('Network'));
  assert.equal(engine.liveDataCount(), engine.liveCount('Data'));
});

test('a refused config counts nothing live', () => {
  const before = engine.liveCount('GradientFlow');
  assert.throws(() => engine.createGradientFlow({ depth: 0 }), /depth must be an integer in \[1, 30\], got 0/);
  assert.equal(engine.liveCount('GradientFlow'), before);
});

test('results are plain objects (value_objects passed through); arrays are Float64Arrays', () => {
  const plain = (o) => Object.getPrototypeOf(o) === Object.prototype;
  const s = engine.measureActivationSpeed('relu', { n: 100, reps: 1 });
  assert.ok(plain(s));
  assert.deepEqual(Object.keys(s).sort(), ['bestNsPerElementDf', 'bestNsPerElementF', 'checksum', 'id', 'n', 'nsPerElementDf', 'nsPerElementF', 'reps', 'variant']);
  const z = engine.zigzagDescent({ maxSteps: 3 });
  assert.ok(plain(z) && z.path instanceof Float64Array && Array.isArray(z.start));
  const info = engine.activationInfo('elu');
  assert.ok(plain(info) && plain(info.params[0]));
  const net = engine.createNetwork({ layers: [2, 3, 1] });
  try {
    const c = net.config();
    assert.ok(plain(c));
    assert.deepEqual(c.layers, [2, 3, 1]);
    assert.deepEqual(c.params, {});
    const lg = net.lossAndGradient([0, 1], [1]);
    assert.ok(plain(lg) && lg.gradient instanceof Float64Array && lg.gradient.length === net.parameterCount);
  } finally { net.dispose(); }
});
