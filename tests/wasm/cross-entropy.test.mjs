// loss 'cross_entropy' and the three-class spiral through the engine (dist/js/engine.js, Node path):
// the option passes through to the core and back (config, toJSON), the loss is the mean over rows
// of -log softmax of the logits predict() returns, probabilities/classify/accuracy agree with those
// logits, spiral3 carries three balanced classes, and a tanh net learns it far better than a linear one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);
const engine = await import(pathToFileURL(path.join(dist, 'js', 'engine.js')).href);
await engine.ready();

const CFG = { layers: [2, 8, 3], activation: 'tanh', loss: 'cross_entropy', optimizer: 'adam', learningRate: 0.02, batchSize: 10, seed: 4 };

test('cross_entropy passes through: config, toJSON, loss = mean -log softmax of predict()', () => {
  const net = engine.createNetwork(CFG);
  try {
    assert.equal(net.config().loss, 'cross_entropy');
    const j = JSON.parse(net.toJSON());
    assert.equal(j.config.loss, 'cross_entropy');
    assert.deepEqual(j.state_dict['2.bias'].length, 3, 'three output logits in the state_dict');
    const X = Float64Array.from({ length: 14 }, (_, i) => Math.sin(3 * i) * 1.5), Y = Float64Array.from([0, 1, 2, 2, 1, 0, 1]);
    const z = net.predict(X);
    assert.equal(z.length, 21);
    let want = 0;
    for (let r = 0; r < 7; r++) {
      const row = z.slice(3 * r, 3 * r + 3), m = Math.max(...row);
      want += m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0)) - row[Y[r]];
    }
    const { loss, gradient } = net.lossAndGradient(X, Y);
    assert.ok(Math.abs(loss - want / 7) <= 1e-14 * want / 7, `${loss} vs ${want / 7}`);
    assert.equal(gradient.length, net.parameterCount);
    assert.equal(net.loss(X, Y), loss);
    // probabilities: softmax of the same logits; classify: their argmax; accuracy: the share of hits
    const p = net.probabilities(X), k = net.classify(X);
    let hits = 0;
    for (let r = 0; r < 7; r++) {
      const row = z.slice(3 * r, 3 * r + 3), m = Math.max(...row), s = row.reduce((a, v) => a + Math.exp(v - m), 0);
      for (let c = 0; c < 3; c++) assert.ok(Math.abs(p[3 * r + c] - Math.exp(row[c] - m) / s) < 1e-15);
      assert.equal(k[r], row.indexOf(m));
      hits += k[r] === Y[r];
    }
    assert.equal(net.accuracy(X, Y), hits / 7);
    assert.throws(() => net.train(X, Float64Array.from([0, 1, 2, 3, 1, 0, 1])), /Y\[3\] = 3 is not a class index; cross_entropy expects an integer in \[0, 2\]/);
    assert.throws(() => engine.createNetwork({ ...CFG, layers: [2, 8, 1] }), /cross_entropy needs at least 2 outputs/);
  } finally {
    net.dispose();
  }
});

test('spiral3: three balanced classes; tanh learns it, linear cannot (accuracy from the core)', () => {
  const d = engine.makeDataset('spiral3', { n: 600, noise: 0.1, seed: 1, testFraction: 0.2 });
  assert.equal(d.classes, 3);
  assert.equal(d.task, 'classification');
  const counts = [0, 0, 0];
  for (const y of [...d.yTrain, ...d.yTest]) counts[y]++;
  assert.deepEqual(counts, [200, 200, 200]);
  assert.deepEqual(engine.makeDataset('spiral3', { n: 600, noise: 0.1, seed: 1, testFraction: 0.2 }).xTrain, d.xTrain);
  const train = engine.createData(d.xTrain, d.yTrain), testSet = engine.createData(d.xTest, d.yTest);
  const acc = {};
  try {
    for (const activation of ['linear', 'tanh']) {
      const net = engine.createNetwork({ ...CFG, layers: [2, 16, 16, 3], activation, learningRate: 0.01 });
      try {
        for (let e = 0; e < 150; e++) net.train(train);
        acc[activation] = net.accuracy(testSet);
        assert.equal(acc[activation], net.accuracy(d.xTest, d.yTest));
      } finally {
        net.dispose();
      }
    }
  } finally {
    train.dispose();
    testSet.dispose();
  }
  console.log(`# spiral3 test accuracy after 150 epochs: linear ${acc.linear.toFixed(3)}, tanh ${acc.tanh.toFixed(3)}`);
  assert.ok(acc.linear < 0.6, `a linear net draws three straight sectors: ${acc.linear}`);
  assert.ok(acc.tanh > 0.85, `tanh: ${acc.tanh}`);
});
