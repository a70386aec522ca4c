// engine.createData through the engine (dist/js/engine.js, Node path): a data set held in wasm
// memory trains and measures a network exactly as the arrays do, is shared by several networks,
// is freed once by dispose(), and refuses use after that with a clear Error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);
const engine = await import(pathToFileURL(path.join(dist, 'js', 'engine.js')).href);
await engine.ready();

const CFG = { layers: [2, 6, 1], activation: 'elu', loss: 'bce', optimizer: 'adam', learningRate: 0.01, batchSize: 7, seed: 3 };

test('a data set trains and measures exactly as the arrays, for every network that shares it', () => {
  const d = engine.makeDataset('spiral', { n: 200, noise: 0.1, seed: 2, testFraction: 0.25 });
  const a = engine.createNetwork(CFG), b = engine.createNetwork(CFG), c = engine.createNetwork({ ...CFG, activation: 'tanh' });
  const dataBefore = engine.liveDataCount();
  const train = engine.createData(d.xTrain, d.yTrain), testSet = engine.createData(d.xTest, d.yTest);
  assert.equal(engine.liveDataCount(), dataBefore + 2);
  try {
    for (let e = 0; e < 5; e++) {
      const la = a.train(train), lb = b.train(d.xTrain, d.yTrain);
      assert.equal(la, lb, `epoch ${e}: same loss`);
      assert.equal(a.loss(testSet), b.loss(d.xTest, d.yTest));
      // the forward-only loss equals lossAndGradient's loss, bit for bit
      assert.equal(a.loss(testSet), a.lossAndGradient(d.xTest, d.yTest).loss);
      assert.ok(Number.isFinite(c.train(train)));
    }
    assert.deepEqual([...a.getParameters()], [...b.getParameters()], 'same parameters after 5 epochs');
    assert.notDeepEqual([...a.getParameters()], [...c.getParameters()]);
  } finally {
    for (const n of [a, b, c]) n.dispose();
    train.dispose();
    testSet.dispose();
  }
  assert.equal(engine.liveDataCount(), dataBefore, 'both sets freed');
  train.dispose(); // a second dispose does nothing
  assert.equal(engine.liveDataCount(), dataBefore);
});

test('bad data sets: a clear Error, at creation or on use; a disposed set is refused', () => {
  assert.throws(() => engine.createData('1,2', [1]), /X must be an Array or Float64Array of numbers, got string/);
  const before = engine.liveDataCount();
  const net = engine.createNetwork(CFG);
  const wide = engine.createData([1, 2, 3], [1]), nan = engine.createData([0, 0, 1, 1], [NaN, 1]);
  try {
    assert.throws(() => net.train(wide), (e) => e instanceof Error && /X: length 3 is not a multiple of the input width 2/.test(e.message));
    assert.throws(() => net.loss(nan), (e) => e instanceof Error && /Y\[0\] is not a finite number/.test(e.message));
    wide.dispose();
    assert.throws(() => net.train(wide), /data set already disposed/);
    assert.ok(Number.isFinite(net.train([0, 0, 1, 1], [0, 1])), 'the network still trains');
  } finally {
    net.dispose();
    wide.dispose();
    nan.dispose();
  }
  assert.equal(engine.liveDataCount(), before);
});
