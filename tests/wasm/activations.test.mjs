// The activation API exactly as the page sees it: dist/activations.js loaded with require(path)()
// (no options). Ids and their order, activate/derivative with and without params, the batched
// sampler's fresh copies, errors (JS Error, message naming the problem and what is allowed, the
// module still working afterwards), the tail values (sigmoid'(40) and the like), and those of the six ids after the post.
// Run: DIST_DIR=dist node --test tests/wasm/activations.test.mjs
// Reference tail values: bc -l at scale=420, as in tests/native/test_activations.cpp; for the six after
// the post, mpmath at 50 digits (tools/activation_references.py, as in test_activations_after_post.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.resolve(root, process.env.DIST_DIR || 'dist');
const factory = require(path.join(dist, 'activations.js'));
const M = await factory();

const POST_ORDER = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'rrelu', 'prelu', 'elu', 'selu', 'maxout'];
const AFTER_POST = ['softplus', 'silu', 'gelu', 'gelu_tanh', 'mish', 'hardswish'];
const ORDER = [...POST_ORDER, ...AFTER_POST];
const ALLOWED = `allowed: ${ORDER.join(', ')}`;

function rel(got, want, tol = 1e-12) {
  assert.equal(typeof got, 'number');
  assert.ok(Math.abs(got - want) <= tol * Math.abs(want), `got ${got}, want ${want} (rel ${tol})`);
}

// The module still answers correctly after an error.
function stillWorks() {
  assert.equal(M.activate('sigmoid', 0), 0.5);
  assert.equal(M.derivative('sigmoid', 0), 0.25);
  assert.deepEqual(Array.from(M.sampleCurve('relu', [-1, 2]).f), [0, 2]);
}

// fn must throw a JS Error whose message contains every string in parts.
function throwsError(fn, ...parts) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err !== undefined, 'expected an Error, nothing was thrown');
  assert.ok(err instanceof Error, `expected an Error instance, got ${typeof err}: ${String(err).slice(0, 200)}`);
  for (const p of parts) assert.ok(err.message.includes(p), `message "${err.message}" lacks "${p}"`);
  stillWorks();
  return err.message;
}

test('the factory loads with no options and exposes the API', () => {
  for (const fn of ['activationIds', 'activationInfo', 'activate', 'derivative', 'sampleCurve'])
    assert.equal(typeof M[fn], 'function', fn);
});

test('activationIds() lists the post\'s ten in its order, then the six after it, as a fresh Array', () => {
  const ids = M.activationIds();
  assert.ok(Array.isArray(ids));
  assert.deepEqual(ids, ORDER);
  assert.deepEqual(ids.slice(0, 10), POST_ORDER);
  ids.push('mutated');
  assert.deepEqual(M.activationIds(), ORDER);
});

test('activationInfo(): parameters with PyTorch defaults, ranges and slider ranges', () => {
  const defaults = {
    leaky_relu: { alpha: 0.01 }, rrelu: { lower: 1 / 8, upper: 1 / 3 }, prelu: { alpha: 0.25 },
    elu: { alpha: 1 }, maxout: { w1: 1, b1: 0, w2: 0, b2: 0 }, softplus: { beta: 1 },
  };
  for (const id of ORDER) {
    const info = M.activationInfo(id);
    assert.equal(info.id, id);
    for (const k of ['title', 'range', 'description']) assert.ok(typeof info[k] === 'string' && info[k].length > 0, `${id}.${k}`);
    const got = Object.fromEntries(info.params.map((p) => [p.name, p.default]));
    assert.deepEqual(got, defaults[id] || {}, id);
    for (const p of info.params) {
      assert.ok(p.min <= p.sliderMin && p.sliderMin < p.sliderMax && p.sliderMax <= p.max, `${id}.${p.name}`);
      // the advertised ends are accepted by activate
      for (const v of [p.min, p.max]) {
        const params = { [p.name]: v };
        if (id === 'rrelu') Object.assign(params, p.name === 'lower' ? { upper: Math.max(v, 1 / 3) } : { lower: Math.min(v, 1 / 8) });
        assert.equal(typeof M.activate(id, -1, params), 'number');
      }
    }
  }
});

test('activate/derivative: params optional, {} / null / undefined and missing fields take the defaults', () => {
  // elu(-1) = e^-1 - 1, elu'(-1) = e^-1 (alpha = 1)
  for (const args of [[], [{}], [null], [undefined]]) {
    rel(M.activate('elu', -1, ...args), -0.632120558828557678);
    rel(M.derivative('elu', -1, ...args), 0.367879441171442322);
  }
  assert.equal(M.activate('leaky_relu', -2), -0.02);
  assert.equal(M.activate('prelu', -2), -0.5);
  assert.equal(M.derivative('rrelu', -2), (1 / 8 + 1 / 3) / 2);
  // a field that is present but undefined is missing (as in Network configs); null is not a number
  rel(M.activate('elu', -1, { alpha: undefined }), -0.632120558828557678);
  assert.equal(M.derivative('rrelu', -2, { lower: undefined, upper: 0.5 }), (1 / 8 + 0.5) / 2);
  assert.throws(() => M.activate('elu', -1, { alpha: null }), /elu: alpha must be a number, got null/);
  assert.throws(() => M.activate('elu', -1, { beta: undefined }), /elu: unknown parameter 'beta'; allowed: alpha/);
  // one field given, the other from the defaults
  assert.equal(M.derivative('rrelu', -2, { lower: 0.2 }), (0.2 + 1 / 3) / 2);
  assert.equal(M.derivative('rrelu', -2, { upper: 0.5 }), (1 / 8 + 0.5) / 2);
  // maxout: only w2 changed -> max(x, 2x + 0)
  assert.equal(M.activate('maxout', 3, { w2: 2 }), 6);
  assert.equal(M.derivative('maxout', 3, { w2: 2 }), 2);
  assert.equal(M.activate('maxout', -3, { w2: 2 }), -3);
  assert.equal(M.derivative('maxout', -3, { w2: 2 }), 1);
  rel(M.activate('elu', -1, { alpha: 2.5 }), -1.58030139707139420);
  assert.equal(M.activate('leaky_relu', -2, { alpha: 0.3 }), -2 * 0.3);
  // params of an id without parameters: an empty object is fine
  assert.equal(M.activate('relu', -1, {}), 0);
});

test('tail values survive the trip through wasm (rel 1e-12)', () => {
  rel(M.derivative('sigmoid', 40), 4.248354255291589e-18);
  rel(M.derivative('tanh', 20), 1.69934170211663558e-17);
  rel(M.activate('elu', -1e-10), -9.9999999995e-11);
  rel(M.activate('sigmoid', -710), 4.47628622567512996e-309);
  rel(M.activate('selu', -1e-10), -1.75809934075947189e-10);
  rel(M.derivative('selu', 0), 1.75809934084737686);
  assert.equal(M.derivative('sigmoid', 0), 0.25);
});

test('the six after the post: tail values survive the trip through wasm (rel 1e-12), PyTorch conventions', () => {
  // far left tails, where e^x or Phi(x) is subnormal but the result is not
  rel(M.activate('silu', -712), -4.313292185103229e-307);
  rel(M.derivative('silu', -712), -4.3072341904612301e-307);
  rel(M.activate('gelu', -37.5), -1.7270073785932331e-306);
  rel(M.derivative('gelu', -37.5), -6.4762711430558126e-305);
  rel(M.activate('gelu_tanh', -21), -6.0166484876314847e-301);
  rel(M.derivative('gelu_tanh', -21.2), -2.2750197115406989e-307);
  rel(M.activate('mish', -712), -4.313292185103229e-307);
  rel(M.derivative('mish', -712), -4.3072341904612301e-307);
  rel(M.activate('softplus', -71000, { beta: 0.01 }), 4.4762862256750637e-307);
  rel(M.derivative('softplus', -3700, { beta: 0.01 }), 8.5330476257440585e-17);
  // near 0 and on the right
  rel(M.activate('gelu', 1e-10), 5.0000000003989425e-11);
  rel(M.derivative('gelu_tanh', 1), 1.0829640838457826);
  rel(M.activate('softplus', 20.5), 2.0500000001250153e+1);  // exact: torch's threshold=20 returns 20.5
  rel(M.derivative('silu', 20), 1.0000000391619187);
  assert.equal(M.derivative('mish', 0), M.derivative('mish', -0));
  rel(M.derivative('mish', 0), 0.6);
  // hardswish: the middle piece at both kinks (torch 1.13's element-wise backward), 0 exactly at -1.5
  assert.equal(M.derivative('hardswish', -3), -0.5);
  assert.equal(M.derivative('hardswish', 3), 1.5);
  assert.equal(M.derivative('hardswish', 3.0000000000000004), 1);
  assert.equal(M.derivative('hardswish', -3.0000000000000004), 0);
  assert.equal(M.derivative('hardswish', -1.5), 0);
  assert.equal(M.activate('hardswish', -1.5), -0.375);
  for (const id of AFTER_POST) {
    const info = M.activationInfo(id);
    assert.ok(info.description.length > 40 && info.title.length > 0, id);
    assert.deepEqual(info.params.map((p) => p.name), id === 'softplus' ? ['beta'] : [], id);
  }
  const beta = M.activationInfo('softplus').params[0];
  assert.deepEqual([beta.min, beta.max, beta.default], [0.01, 100, 1]);
});

test('math stays math: NaN in gives NaN out, +-Infinity give the limits', () => {
  for (const id of ORDER) {
    assert.ok(Number.isNaN(M.activate(id, NaN)), id);
    assert.ok(Number.isNaN(M.derivative(id, NaN)), id);
    assert.ok(Number.isNaN(M.sampleCurve(id, [NaN]).df[0]), id);
  }
  assert.equal(M.activate('sigmoid', -Infinity), 0);
  assert.equal(M.activate('sigmoid', Infinity), 1);
  assert.equal(M.derivative('tanh', Infinity), 0);
  assert.equal(M.derivative('tanh', -Infinity), 0);
  assert.equal(M.activate('elu', -Infinity, { alpha: 2 }), -2);
  assert.equal(M.activate('leaky_relu', -Infinity, { alpha: 0 }), 0);
  assert.equal(M.derivative('maxout', Infinity, { w1: 1, b1: 5, w2: 2 }), 2);
});

test('sampleCurve returns {x, f, df} as fresh Float64Array copies equal to activate/derivative', () => {
  const xs = [-710, -40, -1, -1e-10, 0, 0.5, 20, 40];
  for (const input of [xs, Float64Array.from(xs), Float32Array.from([-1, 0, 2])]) {
    const r = M.sampleCurve('elu', input, { alpha: 1.5 });
    for (const k of ['x', 'f', 'df']) {
      assert.ok(r[k] instanceof Float64Array, k);
      assert.equal(r[k].length, input.length, k);
      assert.equal(r[k].byteOffset, 0, `${k} is a view into a larger buffer`);
      assert.equal(r[k].buffer.byteLength, 8 * input.length, `${k} shares its buffer (wasm memory?)`);
    }
    assert.notEqual(r.f.buffer, r.df.buffer);
    for (let i = 0; i < input.length; i++) {
      assert.equal(r.x[i], input[i]);
      assert.equal(r.f[i], M.activate('elu', input[i], { alpha: 1.5 }));
      assert.equal(r.df[i], M.derivative('elu', input[i], { alpha: 1.5 }));
    }
  }
  // copies: mutating one result changes neither the next call nor the input
  const input = Float64Array.from(xs);
  const a = M.sampleCurve('sigmoid', input);
  a.x.fill(7); a.f.fill(7); a.df.fill(7);
  const b = M.sampleCurve('sigmoid', input);
  assert.deepEqual(Array.from(input), xs);
  assert.notEqual(a.f, b.f);
  assert.equal(b.x[0], -710);
  rel(b.f[0], 4.47628622567512996e-309);
  rel(b.df[7], 4.248354255291589e-18);
  // a big curve, which may grow wasm memory, still comes back whole and correct
  const big = new Float64Array(200000).map((_, i) => -10 + i * 1e-4);
  const c = M.sampleCurve('tanh', big);
  assert.equal(c.f.length, big.length);
  assert.equal(c.f[199999], Math.tanh(big[199999]));
  assert.equal(b.f[1], M.activate('sigmoid', -40));  // b survived the growth
  assert.equal(M.sampleCurve('relu', []).f.length, 0);
});

test('unknown or mistyped ids throw an Error listing the allowed ids', () => {
  for (const bad of ['GELU', '', 'ReLU', 'leaky-relu', 'relu ', 'gelu-tanh', 'hard_swish'])
    throwsError(() => M.activate(bad, 1), `unknown activation '${bad}'`, ALLOWED);
  throwsError(() => M.derivative('softmax', 1), "unknown activation 'softmax'", ALLOWED);
  throwsError(() => M.sampleCurve('swish', [1]), "unknown activation 'swish'", ALLOWED);  // PyTorch calls it SiLU: 'silu'
  throwsError(() => M.activationInfo('gelu_erf'), "unknown activation 'gelu_erf'", ALLOWED);
  throwsError(() => M.activate(3, 1), 'activation id must be a string, got number');
  throwsError(() => M.activate(null, 1), 'activation id must be a string, got null');
  throwsError(() => M.activate(undefined, 1), 'activation id must be a string, got undefined');
  const long = throwsError(() => M.activate('x'.repeat(100000), 1), 'unknown activation');
  assert.ok(long.length < 400, 'a huge id is cut in the message');
});

test('x of the wrong type throws an Error naming x and the type', () => {
  throwsError(() => M.activate('relu', '1'), 'x must be a number, got string');
  throwsError(() => M.derivative('relu', true), 'x must be a number, got boolean');
  throwsError(() => M.activate('relu', null), 'x must be a number, got null');
  throwsError(() => M.activate('relu', undefined), 'x must be a number, got undefined');
  throwsError(() => M.activate('relu', [1]), 'x must be a number, got array');
  throwsError(() => M.activate('relu', 1n), 'x must be a number, got bigint');
  throwsError(() => M.activate('relu'), 'activate');  // Embind arity check, still an Error
});

test('params that are not a plain object throw an Error naming params', () => {
  for (const [bad, type] of [[5, 'number'], ['alpha=1', 'string'], [[0.5], 'array'], [true, 'boolean']])
    throwsError(() => M.activate('elu', -1, bad), `elu: params must be a plain object, got ${type}`);
  throwsError(() => M.sampleCurve('elu', [1], 2), 'params must be a plain object, got number');
});

test('bad parameter values throw an Error naming the field and the allowed range', () => {
  throwsError(() => M.activate('elu', -1, { alpha: NaN }), 'elu: alpha must be a finite number in [1e-06, 10], got nan');
  throwsError(() => M.activate('elu', -1, { alpha: Infinity }), 'elu: alpha', '[1e-06, 10]', 'got inf');
  throwsError(() => M.activate('elu', -1, { alpha: 0 }), 'elu: alpha', '[1e-06, 10]', 'got 0');
  throwsError(() => M.derivative('leaky_relu', -1, { alpha: 1.5 }), 'leaky_relu: alpha', '[0, 1]', 'got 1.5');
  throwsError(() => M.activate('prelu', -1, { alpha: -1.01 }), 'prelu: alpha', '[-1, 1]', 'got -1.01');
  throwsError(() => M.activate('rrelu', -1, { lower: -0.1 }), 'rrelu: lower', '[0, 1]');
  throwsError(() => M.activate('rrelu', -1, { upper: -Infinity }), 'rrelu: upper', '[0, 1]', 'got -inf');
  throwsError(() => M.activate('maxout', 1, { b2: 1e308 }), 'maxout: b2', '[-100, 100]', 'got 1e+308');
  throwsError(() => M.sampleCurve('maxout', [1], { w1: 101 }), 'maxout: w1', '[-100, 100]');
  throwsError(() => M.activate('rrelu', -1, { lower: 0.5, upper: 0.2 }), 'rrelu: lower must be <= upper', 'lower=0.5', 'upper=0.2');
  throwsError(() => M.activate('rrelu', -1, { lower: 0.5 }), 'rrelu: lower must be <= upper');  // default upper 1/3
  throwsError(() => M.activate('elu', -1, { alpha: '2' }), 'elu: alpha must be a number, got string');
  throwsError(() => M.activate('elu', -1, { alpha: null }), 'elu: alpha must be a number, got null');
  throwsError(() => M.activate('elu', -1, { beta: 1 }), "elu: unknown parameter 'beta'", 'allowed: alpha');
  throwsError(() => M.activate('maxout', 1, { w3: 1 }), "unknown parameter 'w3'", 'allowed: w1, b1, w2, b2');
  throwsError(() => M.activate('relu', 1, { alpha: 0.1 }), "relu: unknown parameter 'alpha'", 'allowed: none');
  throwsError(() => M.activate('softplus', 1, { beta: 0 }), 'softplus: beta must be a finite number in [0.01, 100], got 0');
  throwsError(() => M.sampleCurve('softplus', [1], { beta: 101 }), 'softplus: beta', '[0.01, 100]', 'got 101');
  throwsError(() => M.activate('softplus', 1, { alpha: 1 }), "softplus: unknown parameter 'alpha'", 'allowed: beta');
  throwsError(() => M.activate('gelu_tanh', 1, { approximate: 'none' }), "gelu_tanh: unknown parameter 'approximate'", 'allowed: none');
});

test('bad sample grids throw an Error naming xs', () => {
  throwsError(() => M.sampleCurve('relu', 'abc'), 'xs must be an Array or Float64Array of numbers, got string');
  throwsError(() => M.sampleCurve('relu', { length: 2 }), 'xs must be an Array or Float64Array of numbers, got object');
  throwsError(() => M.sampleCurve('relu', [1, '2', 3]), 'xs[1] is not a number');
  throwsError(() => M.sampleCurve('relu', new Float64Array(1000001)), 'xs: at most 1000000 points, got 1000001');
});

test('the module keeps working after many errors in a row', () => {
  for (let i = 0; i < 2000; i++) {
    assert.throws(() => M.activate('nope', i), Error);
    assert.throws(() => M.sampleCurve('elu', [i], { alpha: -i }), Error);
  }
  stillWorks();
  rel(M.derivative('sigmoid', 40), 4.248354255291589e-18);
});
