// Module.measureActivation: runs for every id inside wasm, returns finite positive timings and
// the same checksum as the activate/derivative bindings; bad arguments throw clear Errors.
// Not a timing assertion. Run: DIST_DIR=dist node --test tests/wasm/speed.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dist = path.resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);
const M = await require(path.join(dist, 'activations.js'))();

// The inputs measure() uses (splitmix64, seed s, uniform in [-4, 4)), re-implemented here with
// BigInt so the checksum can be recomputed from the scalar bindings.
function inputs(n, seed) {
  const mask = (1n << 64n) - 1n;
  let s = BigInt(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x9E3779B97F4A7C15n) & mask;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & mask;
    z ^= z >> 31n;
    x[i] = 8 * (Number(z >> 11n) * 2 ** -53) - 4;
  }
  return x;
}

function reference(id, n, seed, params) {
  let sf = 0, sdf = 0;
  for (const v of inputs(n, seed)) {
    sf += M.activate(id, v, params);
    sdf += M.derivative(id, v, params);
  }
  return sf + sdf;
}

const N = 4000;

test('every activation: finite positive timings, checksum = sum of activate + derivative', () => {
  const ids = M.activationIds();
  assert.equal(ids.length, 16);
  for (const id of ids) {
    const r = M.measureActivation(id, { n: N, reps: 2, seed: 5 });
    assert.equal(r.id, id);
    assert.equal(r.variant, 'default');
    assert.equal(r.n, N);
    assert.ok(Number.isFinite(r.nsPerElementF) && r.nsPerElementF > 0, `${id}: nsPerElementF ${r.nsPerElementF}`);
    assert.ok(Number.isFinite(r.nsPerElementDf) && r.nsPerElementDf > 0, `${id}: nsPerElementDf ${r.nsPerElementDf}`);
    assert.ok(r.bestNsPerElementF > 0 && r.bestNsPerElementF <= r.nsPerElementF, `${id}: best f`);
    assert.ok(r.bestNsPerElementDf > 0 && r.bestNsPerElementDf <= r.nsPerElementDf, `${id}: best f'`);
    const ref = reference(id, N, 5);
    assert.ok(Math.abs(r.checksum - ref) <= 1e-12 * Math.abs(ref), `${id}: checksum ${r.checksum} vs ${ref}`);
  }
});

test('branchy and branchless ReLU variants compute the same values, with params', () => {
  for (const variant of ['branchy', 'branchless']) {
    for (const [id, params] of [['relu', undefined], ['leaky_relu', { alpha: 0.2 }], ['prelu', undefined]]) {
      const r = M.measureActivation(id, { n: N, reps: 1, variant, params, seed: 9 });
      assert.equal(r.variant, variant);
      const ref = reference(id, N, 9, params);
      assert.ok(Math.abs(r.checksum - ref) <= 1e-12 * Math.abs(ref), `${id}/${variant}: ${r.checksum} vs ${ref}`);
    }
  }
});

test('fast SIMD kernels (sigmoid, tanh, elu, selu and the six after the post) give the same sums as activate/derivative', () => {
  for (const [id, params] of [['sigmoid'], ['tanh'], ['elu', { alpha: 0.7 }], ['selu'], ['softplus', { beta: 2.5 }], ['silu'],
    ['gelu'], ['gelu_tanh'], ['mish'], ['hardswish']]) {
    const r = M.measureActivation(id, { n: N, reps: 1, variant: 'fast', params, seed: 2 });
    assert.equal(r.variant, 'fast');
    const ref = reference(id, N, 2, params);
    assert.ok(Math.abs(r.checksum - ref) <= 1e-12 * Math.abs(ref), `${id}/fast: ${r.checksum} vs ${ref}`);
  }
});

test('defaults: options may be omitted', () => {
  const r = M.measureActivation('linear', { n: 1000 });
  assert.equal(r.reps, 5);
  assert.equal(M.measureActivation('relu', { n: 10, reps: 1 }).variant, 'default');
});

test('bad arguments throw Errors naming the field and what is allowed', () => {
  const bad = [
    [['swish', { n: 10 }], /unknown activation 'swish'; allowed: linear/],
    [['tanh', { n: 0 }], /n must be an integer in \[1, 10000000\], got 0/],
    [['tanh', { n: 1e7 + 1 }], /n must be an integer in \[1, 10000000\]/],
    [['tanh', { n: 2.5 }], /n must be an integer/],
    [['tanh', { n: '100' }], /n must be a number, got string/],
    [['tanh', { reps: 0 }], /reps must be an integer in \[1, 100\]/],
    [['tanh', { reps: 101 }], /reps must be an integer in \[1, 100\]/],
    [['tanh', { n: 10, variant: 'quick' }], /variant must be 'default', 'branchy', 'branchless' or 'fast', got 'quick'/],
    [['tanh', { n: 10, variant: 'branchy' }], /only for relu, leaky_relu, rrelu and prelu, not for tanh/],
    [['relu', { n: 10, variant: 'fast' }], /only for sigmoid, tanh, elu, selu, softplus, silu, gelu, gelu_tanh, mish and hardswish, not for relu/],
    [['softplus', { n: 10, params: { beta: 0 } }], /softplus: beta must be a finite number in \[0.01, 100\], got 0/],
    [['elu', { n: 10, params: { alpha: -1 } }], /elu: alpha must be a finite number/],
    [['relu', { n: 10, speed: 1 }], /measureActivation options: unknown key 'speed'; allowed: n, reps, variant, params, seed/],
    [['relu', 5], /options must be a plain object, got number/],
  ];
  for (const [args, re] of bad) assert.throws(() => M.measureActivation(...args), re, JSON.stringify(args));
  // the module keeps working after an error
  assert.ok(M.measureActivation('relu', { n: 10, reps: 1 }).checksum > 0);
});
