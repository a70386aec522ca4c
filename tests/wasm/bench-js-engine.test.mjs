// The plain-JS baseline engine of the benchmark (bench/js-engine.mjs) must itself be correct,
// or the speed comparison means nothing: its gradient matches central differences, and
// training on the circle data lowers the loss (no dist/ needed), and it matches the wasm Network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsNetwork, circle } from '../../bench/js-engine.mjs';

for (const activation of ['tanh', 'relu', 'sigmoid']) {
  test(`${activation}: backprop gradient equals central differences of the mean mse (2-3-3-1)`, () => {
    const net = new JsNetwork({ layers: [2, 3, 3, 1], activation, seed: 3 });
    const { X, Y } = circle(7, 5);
    const p0 = net.getParameters();
    // nudge biases off zero so relu kinks are not hit exactly and every parameter matters
    for (let i = 0; i < p0.length; i++) p0[i] += 0.05 * Math.sin(3 * i + 1);
    net.setParameters(p0);
    const { loss, gradient } = net.lossAndGradient(X, Y);
    assert.equal(gradient.length, 2 * 3 + 3 + 3 * 3 + 3 + 3 + 1);
    assert.ok(Math.abs(loss - net.loss(X, Y)) < 1e-15);
    const h = 1e-6;
    for (let i = 0; i < p0.length; i++) {
      const p = Float64Array.from(p0);
      p[i] = p0[i] + h;
      net.setParameters(p);
      const up = net.loss(X, Y);
      p[i] = p0[i] - h;
      net.setParameters(p);
      const down = net.loss(X, Y);
      const numeric = (up - down) / (2 * h);
      assert.ok(Math.abs(numeric - gradient[i]) <= 1e-7 + 1e-6 * Math.abs(numeric),
        `param ${i}: backprop ${gradient[i]} vs central difference ${numeric}`);
    }
    net.setParameters(p0);
    assert.deepEqual(net.getParameters(), p0, 'lossAndGradient must not change the weights');
  });
}

test('one SGD batch step equals w - lr * mean gradient', () => {
  const net = new JsNetwork({ layers: [2, 4, 1], activation: 'tanh', learningRate: 0.1, batchSize: 10, seed: 2 });
  const { X, Y } = circle(10, 1);
  const p0 = net.getParameters();
  const { gradient } = net.lossAndGradient(X, Y);
  net.trainEpoch(X, Y); // exactly one batch of 10
  const p1 = net.getParameters();
  for (let i = 0; i < p0.length; i++) assert.ok(Math.abs(p1[i] - (p0[i] - 0.1 * gradient[i])) < 1e-15, `param ${i}`);
});

for (const activation of ['tanh', 'relu']) {
  test(`${activation}: training 2-8-8-1 on the circle lowers the loss a lot`, () => {
    const { X, Y } = circle(500, 9);
    const net = new JsNetwork({ layers: [2, 8, 8, 1], activation, learningRate: 0.03, batchSize: 10, seed: 1 });
    const before = net.loss(X, Y);
    for (let e = 0; e < 200; e++) net.trainEpoch(X, Y);
    const after = net.loss(X, Y);
    assert.ok(after < 0.25 * before, `loss ${before} -> ${after}`);
    // and it classifies: most points on the right side of 0.5
    const p = net.predict(X);
    let right = 0;
    for (let i = 0; i < p.length; i++) right += (p[i] > 0.5) === (Y[i] > 0.5);
    assert.ok(right / p.length > 0.9, `accuracy ${right / p.length}`);
  });
}

test('bad configuration throws', () => {
  assert.throws(() => new JsNetwork({ layers: [2] }), /layers must be/);
  assert.throws(() => new JsNetwork({ layers: [2, 1], activation: 'swish' }), /activation must be one of/);
});

// The baseline computes exactly what the wasm Network computes: same weights in, same mean mse
// loss and gradient out (parameters in the same PyTorch state_dict order). Needs dist/.
test('same weights: JS engine loss and gradient equal the wasm Network (tanh, relu)', async () => {
  const { createRequire } = await import('node:module');
  const path = await import('node:path');
  const require = createRequire(import.meta.url);
  const dist = path.resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);
  const M = await require(path.join(dist, 'activations.js'))();
  const { X, Y } = circle(40, 4);
  for (const activation of ['tanh', 'relu']) {
    const net = new M.Network({ layers: [2, 5, 3, 1], activation, loss: 'mse', seed: 7 });
    const js = new JsNetwork({ layers: [2, 5, 3, 1], activation });
    js.setParameters(net.getParameters());
    const a = net.lossAndGradient(X, Y), b = js.lossAndGradient(X, Y);
    net.delete();
    assert.ok(Math.abs(a.loss - b.loss) <= 1e-14 * a.loss, `${activation}: loss ${a.loss} vs ${b.loss}`);
    assert.equal(a.gradient.length, b.gradient.length);
    for (let i = 0; i < a.gradient.length; i++)
      assert.ok(Math.abs(a.gradient[i] - b.gradient[i]) <= 1e-13 + 1e-12 * Math.abs(a.gradient[i]),
        `${activation} grad[${i}]: wasm ${a.gradient[i]} vs js ${b.gradient[i]}`);
  }
});
