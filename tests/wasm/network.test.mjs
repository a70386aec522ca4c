// The Network and dataset API exactly as the page sees it (dist/activations.js, require(path)()):
// defaults and the normalised config, the PyTorch state_dict layout on a hand-built net, gradients
// against central differences, training, seeds, divergence, errors (JS Error naming the field, the
// module still working afterwards), fresh copies rather than memory views, and flat wasm memory
// over 1000 create/train/delete cycles (observed through Module.HEAP8.length, which 3.1.6 exports).
// Run: DIST_DIR=dist node --test tests/wasm/network.test.mjs
// Hand value: bc -l, tanh(1) - tanh(0.6) + 0.25 = .47454458895772960227 (as in test_network.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.resolve(root, process.env.DIST_DIR || 'dist');
const M = await require(path.join(dist, 'activations.js'))();

const DEFAULTS = {
  layers: [2, 8, 8, 1], activation: 'relu', params: {}, maxoutPieces: 2, init: 'he_normal', loss: 'bce',
  optimizer: 'sgd', learningRate: 0.03, batchSize: 10, seed: 1,
};

function withNet(config, fn) {
  const net = new M.Network(config);
  try { return fn(net); } finally { net.delete(); }
}

// The module still trains correctly after an error.
function stillWorks() {
  const d = M.makeDataset('xor', { n: 40, seed: 2 });
  withNet({ activation: 'tanh' }, (net) => {
    const l = net.trainEpoch(d.xTrain, d.yTrain);
    assert.ok(Number.isFinite(l) && l > 0);
  });
}

test('defaults: missing fields take the documented values; init is resolved', () => {
  for (const cfg of [undefined, {}, { seed: undefined }]) {
    const net = cfg === undefined ? new M.Network() : new M.Network(cfg);
    assert.deepEqual(net.config(), DEFAULTS);
    assert.equal(net.parameterCount(), 2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
    assert.equal(net.diverged(), false);
    net.delete();
  }
  withNet({ activation: 'selu' }, (n) => assert.equal(n.config().init, 'lecun_normal'));
  withNet({ activation: 'tanh' }, (n) => assert.equal(n.config().init, 'glorot_uniform'));
  withNet({ activation: 'elu', params: { alpha: 0.5 } }, (n) => assert.deepEqual(n.config().params, { alpha: 0.5 }));
  // config() round-trips: a net built from it has the same initial weights.
  withNet({ activation: 'maxout', maxoutPieces: 3, seed: 9 }, (a) =>
    withNet(a.config(), (b) => assert.deepEqual(b.getParameters(), a.getParameters())));
});

test('PyTorch layout: a hand-built 2-2-1 tanh net, toJSON keys and shapes', () => {
  withNet({ layers: [2, 2, 1], activation: 'tanh', loss: 'mse' }, (net) => {
    net.setParameters([1, 2, 3, 4, 0.5, -0.5, 1, -1, 0.25]);  // 0.weight, 0.bias, 2.weight, 2.bias
    const z = net.predict(new Float64Array([0.1, 0.2]));
    assert.ok(z instanceof Float64Array);
    assert.ok(Math.abs(z[0] - 0.47454458895772960227) < 1e-15);
    const j = JSON.parse(net.toJSON());
    assert.deepEqual(Object.keys(j.state_dict), ['0.weight', '0.bias', '2.weight', '2.bias']);
    assert.deepEqual(j.state_dict['0.weight'], [[1, 2], [3, 4]]);
    assert.deepEqual(j.state_dict['2.weight'], [[1, -1]]);
    assert.deepEqual(j.modules, ['Linear(2, 2)', 'Tanh()', 'Linear(2, 1)']);
  });
  withNet({ layers: [2, 3, 4, 1], activation: 'prelu' }, (net) => {
    const j = JSON.parse(net.toJSON());
    assert.deepEqual(Object.keys(j.state_dict), ['0.weight', '0.bias', '1.weight', '2.weight', '2.bias', '3.weight', '4.weight', '4.bias']);
    assert.deepEqual(j.state_dict['1.weight'], [0.25, 0.25, 0.25]);
    // flat order = state_dict order
    const flat = Object.values(j.state_dict).flat(2);
    assert.deepEqual(Array.from(net.getParameters()), flat);
  });
  withNet({ layers: [2, 3, 1], activation: 'maxout', maxoutPieces: 4 }, (net) => {
    const j = JSON.parse(net.toJSON());
    assert.equal(j.state_dict['0.weight'].length, 12);
    assert.equal(net.parameterCount(), 12 * 2 + 12 + 3 + 1);
  });
});

test('the six after the post: He init by default, beta in the config, torch module names, they train', () => {
  const modules = { softplus: 'Softplus(0.5, 40)', silu: 'SiLU()', gelu: 'GELU()', gelu_tanh: "GELU(approximate='tanh')",
    mish: 'Mish()', hardswish: 'Hardswish()' };
  const x = [0.1, 0.2, -0.3, 0.4, 0.5, -0.6, -0.7, -0.8], y = [1, 0, 1, 0];
  for (const [id, module] of Object.entries(modules)) {
    const params = id === 'softplus' ? { beta: 0.5 } : {};
    withNet({ layers: [2, 3, 1], activation: id, params, seed: 4 }, (net) => {
      assert.equal(net.config().init, 'he_normal', id);
      assert.deepEqual(net.config().params, params, id);
      const j = JSON.parse(net.toJSON());
      assert.deepEqual(j.modules, ['Linear(2, 3)', module, 'Linear(3, 1)'], id);
      assert.equal(net.parameterCount(), 13, id);
      const before = net.lossAndGradient(x, y).loss;
      for (let e = 0; e < 50; e++) net.trainEpoch(x, y);
      assert.ok(net.lossAndGradient(x, y).loss < before, `${id}: training lowers the loss`);
    });
  }
});

test('lossAndGradient: mean loss and gradient equal central differences', () => {
  for (const [loss, activation] of [['mse', 'elu'], ['bce', 'elu'], ...['softplus', 'silu', 'gelu', 'gelu_tanh', 'mish', 'hardswish'].map((a) => ['bce', a])]) {
    withNet({ layers: [2, 4, 3, 1], activation, loss, seed: 4 }, (net) => {
      const X = [0.3, -0.7, 1.1, 0.4, -0.9, -0.2], Y = [1, 0, 1];
      const { loss: L, gradient: g } = net.lossAndGradient(X, Y);
      assert.ok(g instanceof Float64Array);
      assert.equal(g.length, net.parameterCount());
      const p = net.getParameters(), h = 1e-6;
      for (let i = 0; i < p.length; i++) {
        const q = Float64Array.from(p);
        q[i] = p[i] + h; net.setParameters(q); const up = net.lossAndGradient(X, Y).loss;
        q[i] = p[i] - h; net.setParameters(q); const down = net.lossAndGradient(X, Y).loss;
        const fd = (up - down) / (2 * h);
        assert.ok(Math.abs(fd - g[i]) < 1e-7 + 1e-6 * Math.abs(fd), `${activation}/${loss} param ${i}: ${g[i]} vs ${fd}`);
      }
      net.setParameters(p);
      assert.equal(net.lossAndGradient(X, Y).loss, L);
    });
  }
});

test('training lowers the loss, is reproducible by seed, and getParameters returns copies', () => {
  const d = M.makeDataset('circle', { n: 300, seed: 5, testFraction: 0.2 });
  const run = (seed) => withNet({ activation: 'tanh', seed, optimizer: 'adam', learningRate: 0.02 }, (net) => {
    const first = net.trainEpoch(d.xTrain, d.yTrain);
    let last = first;
    for (let e = 0; e < 30; e++) last = net.trainEpoch(d.xTrain, d.yTrain);
    return { first, last, p: net.getParameters() };
  });
  const a = run(3), b = run(3), c = run(4);
  assert.ok(a.last < 0.5 * a.first, `${a.first} -> ${a.last}`);
  assert.deepEqual(a.p, b.p);
  assert.notDeepEqual(a.p, c.p);
  withNet({}, (net) => {
    const p = net.getParameters();
    p[0] = 12345;
    assert.notEqual(net.getParameters()[0], 12345);
  });
});

test('results are copies that survive wasm memory growth', () => {
  withNet({ activation: 'relu', seed: 2 }, (net) => {
    const z = net.predict([0.5, -0.5, 0.1, 0.9]);
    const before = Array.from(z);
    const buffer = M.HEAP8.buffer;
    // 1.05 M parameters x 3 arrays each (~25 MB): kept alive until the memory has grown
    const big = [];
    while (M.HEAP8.buffer === buffer && big.length < 16) big.push(new M.Network({ layers: [2, 1024, 1024, 1] }));
    for (const n of big) n.delete();
    assert.notEqual(M.HEAP8.buffer, buffer, 'the wasm memory really grew');
    assert.deepEqual(Array.from(z), before);
    assert.equal(z.buffer === M.HEAP8.buffer, false);
  });
});

test('bad configs throw a JS Error naming the field; the module keeps working', () => {
  const cases = [
    [{ layers: [2] }, /layers: need 2 to 64 widths/],
    [{ layers: [2, 0, 1] }, /layers\[1\] must be an integer in \[1, 1024\], got 0/],
    [{ layers: [2, 1e9, 1] }, /layers\[1\].*got 1000000000/],
    [{ layers: [2, 2.5, 1] }, /layers\[1\] must be an integer/],
    [{ layers: '2,8,1' }, /layers must be an Array/],
    [{ layers: [1024, 1024, 1024, 1024, 1024, 1024] }, /parameters exceed the limit of 5000000/],
    [{ activation: 'swish' }, /unknown activation 'swish'; allowed: linear, sigmoid/],
    [{ activation: 3 }, /activation must be a string/],
    [{ init: 'xavier' }, /init: unknown 'xavier'; allowed: default, lecun_normal, he_normal, glorot_uniform/],
    [{ loss: 'nll' }, /loss: unknown 'nll'; allowed: bce, mse/],
    [{ optimizer: 'rmsprop' }, /optimizer: unknown 'rmsprop'; allowed: sgd, momentum, adam/],
    [{ learningRate: 0 }, /learningRate must be a finite number in \(0, 10\], got 0/],
    [{ learningRate: -1 }, /learningRate/],
    [{ learningRate: NaN }, /learningRate.*nan/],
    [{ learningRate: Infinity }, /learningRate.*inf/],
    [{ learningRate: '0.1' }, /learningRate must be a number, got string/],
    [{ batchSize: 0 }, /batchSize must be an integer in \[1, 1000000\], got 0/],
    [{ batchSize: 1e7 }, /batchSize/],
    [{ maxoutPieces: 1 }, /maxoutPieces must be an integer in \[2, 8\], got 1/],
    [{ seed: -1 }, /seed must be an integer/],
    [{ seed: 1.5 }, /seed must be an integer/],
    [{ activation: 'elu', params: { alpha: -1 } }, /elu: alpha must be a finite number/],
    [{ activation: 'relu', params: { alpha: 0.1 } }, /relu: unknown parameter 'alpha'/],
    [{ activation: 'rrelu', params: { lower: 0.5, upper: 0.1 } }, /rrelu: lower must be <= upper/],
    [{ learning_rate: 0.1 }, /config: unknown key 'learning_rate'; allowed: layers, activation/],
    [[2, 8, 1], /config must be a plain object, got array/],
    ['relu', /config must be a plain object, got string/],
  ];
  for (const [cfg, re] of cases) {
    assert.throws(() => new M.Network(cfg), (e) => e instanceof Error && re.test(e.message), JSON.stringify(cfg));
    stillWorks();
  }
});

test('bad inputs to the methods throw; the network keeps working', () => {
  withNet({}, (net) => {
    const X = [0.1, 0.2, 0.3, 0.4], Y = [1, 0];
    const cases = [
      [() => net.predict([1, 2, 3]), /X: length 3 is not a multiple of the input width 2/],
      [() => net.predict([]), /X: no rows/],
      [() => net.predict([1, NaN]), /X\[1\] is not a finite number/],
      [() => net.predict('abc'), /X must be an Array or Float64Array/],
      [() => net.predict([1, 'a']), /X\[1\] is not a number/],
      [() => net.trainEpoch(X, [1]), /Y: expected 2 values \(2 rows x 1 outputs\), got 1/],
      [() => net.trainEpoch(X, [1, Infinity]), /Y\[1\] is not a finite number/],
      [() => net.lossAndGradient(X, null), /Y must be an Array/],
      [() => net.setParameters([1, 2]), /parameters: expected 105 values, got 2/],
      [() => net.setParameters(new Float64Array(105).fill(NaN)), /parameters\[0\] must be finite/],
    ];
    const p = net.getParameters();
    for (const [fn, re] of cases) {
      assert.throws(fn, (e) => e instanceof Error && re.test(e.message), re.source);
      assert.deepEqual(net.getParameters(), p);
    }
    assert.ok(Number.isFinite(net.trainEpoch(X, Y)));
  });
});

test('divergence: lr 10 on a big target sets diverged(), trainEpoch returns NaN, parameters freeze', () => {
  withNet({ layers: [1, 8, 1], loss: 'mse', learningRate: 10 }, (net) => {
    const X = Array.from({ length: 50 }, (_, i) => i / 25 - 1), Y = new Array(50).fill(1000);
    for (let e = 0; e < 50 && !net.diverged(); e++) net.trainEpoch(X, Y);
    assert.equal(net.diverged(), true);
    const p = net.getParameters();
    assert.ok(p.every(Number.isFinite));
    assert.ok(Number.isNaN(net.trainEpoch(X, Y)));
    assert.deepEqual(net.getParameters(), p);
    net.setParameters(p);
    assert.equal(net.diverged(), false);
  });
});

test('datasets: ids, shapes, defaults, seeds, errors', () => {
  assert.deepEqual(M.datasetIds(), ['circle', 'xor', 'gaussian', 'spiral', 'spiral3', 'sin', 'abs', 'step']);
  const d = M.makeDataset('spiral');
  assert.equal(d.name, 'spiral');
  assert.equal(d.inputDim, 2);
  assert.equal(d.task, 'classification');
  assert.equal(d.classes, 2);
  assert.equal(d.yTrain.length + d.yTest.length, 500);
  assert.equal(d.yTest.length, 100);
  assert.ok(d.xTrain instanceof Float64Array && d.xTrain.length === 2 * d.yTrain.length);
  const s = M.makeDataset('sin', { n: 50, noise: 0, seed: 3, testFraction: 0 });
  assert.equal(s.inputDim, 1);
  assert.equal(s.task, 'regression');
  s.xTrain.forEach((x, i) => assert.ok(Math.abs(s.yTrain[i] - Math.sin(Math.PI * x)) < 1e-15));
  assert.deepEqual(M.makeDataset('xor', { seed: 7 }).xTrain, M.makeDataset('xor', { seed: 7 }).xTrain);
  const cases = [
    [() => M.makeDataset('moons'), /dataset: unknown 'moons'; allowed: circle, xor/],
    [() => M.makeDataset('xor', { n: 0 }), /n must be an integer in \[1, 100000\], got 0/],
    [() => M.makeDataset('xor', { n: 1e6 }), /n must be an integer/],
    [() => M.makeDataset('xor', { noise: 2 }), /noise must be a finite number in \[0, 1\]/],
    [() => M.makeDataset('xor', { testFraction: 1 }), /testFraction must be a finite number in \[0, 0.9\]/],
    [() => M.makeDataset('xor', { size: 10 }), /dataset options: unknown key 'size'; allowed: n, noise, seed, testFraction/],
    [() => M.makeDataset(5), /dataset name must be a string/],
  ];
  for (const [fn, re] of cases) {
    assert.throws(fn, (e) => e instanceof Error && re.test(e.message), re.source);
    stillWorks();
  }
});

test('memory stays flat over 1000 create/train/delete cycles (HEAP8.length)', () => {
  const d = M.makeDataset('circle', { n: 50, seed: 1 });
  const ids = ['relu', 'tanh', 'maxout', 'prelu', 'rrelu'];
  const cycle = (i) => withNet({ activation: ids[i % ids.length], layers: [2, 16, 16, 1], seed: i, optimizer: 'adam' }, (net) => {
    net.trainEpoch(d.xTrain, d.yTrain);
    net.predict(d.xTest);
    if (i % 50 === 0) JSON.parse(net.toJSON());  // (slow in wasm: musl formats via soft long double)
  });
  for (let i = 0; i < 50; i++) cycle(i);  // warm-up
  const before = M.HEAP8.length;
  for (let i = 0; i < 1000; i++) cycle(i);
  const after = M.HEAP8.length;
  console.log(`# wasm heap before/after 1000 cycles: ${before} / ${after} bytes`);
  assert.equal(after, before);
  // Control: the same observable does see networks that are never deleted.
  const kept = [];
  for (let i = 0; i < 150; i++) kept.push(new M.Network({ layers: [2, 128, 128, 1] }));
  assert.ok(M.HEAP8.length > before, 'leaked networks grow the heap');
  kept.forEach((n) => n.delete());
});
