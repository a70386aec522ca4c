// Hostile input against EVERY export of dist/activations.js, table-driven. The exports and each
// class's methods are enumerated from the module itself: a new export or method with no row here
// fails the first test. Each error row must throw an Error (never a wasm trap / RuntimeError / abort,
// never a non-Error) whose message matches the row's pattern (the field and what is allowed); after
// every row a normal call still works, and rows marked `flat` must not grow the wasm heap (absurd
// sizes are refused before anything is allocated). Math rows: NaN in -> NaN out, +-inf -> the limits
// (worked out by hand from the definitions, see LIMITS). The table "input -> what happened" is
// printed (lines starting with '#') for the closing note.
// Run: DIST_DIR=build/hard-dist node --test tests/wasm/hostile.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const M = await require(path.join(path.resolve(root, process.env.DIST_DIR || 'dist'), 'activations.js'))();

// Emscripten / Embind runtime members: not our API.
const RUNTIME = new Set(['ready', 'inspect', 'preloadedImages', 'preloadedAudios', 'BindingError', 'InternalError',
  'getInheritedInstanceCount', 'getLiveInheritedInstances', 'flushPendingDeletes', 'setDelayFunction', 'UnboundTypeError',
  'count_emval_handles', 'get_first_emval', 'run', 'asm', 'calledRun']);
const isRuntime = (k) => RUNTIME.has(k) || k.startsWith('_') || k.startsWith('HEAP');
const HANDLE_METHODS = new Set(['constructor', 'isAliasOf', 'clone', 'delete', 'isDeleted', 'deleteLater']);
const IDS = M.activationIds();

const net = (cfg = { layers: [2, 3, 1] }) => new M.Network(cfg);
// Runs fn(obj) on a fresh object of class C and deletes it afterwards.
const on = (make, fn) => () => { const o = make(); try { return fn(o); } finally { o.delete(); } };
const X2 = [0.1, 0.2, -0.3, 0.4], Y2 = [1, 0];
const CE = { layers: [2, 3, 3], loss: 'cross_entropy' };

// [export (or Class.method / new Class), input label, thunk, expected]. expected: RegExp = must throw an
// Error matching it; a function = must return and the function must accept the result.
// flat: the heap must not grow. binding: Embind's own message (arity / deleted object / wrong this).
const ROWS = [
  ['activationIds', 'no args', () => M.activationIds(), (r) => r.length === 16 && r[10] === 'softplus' && r[15] === 'hardswish'],
  ['activationIds', 'extra arg 1', () => M.activationIds(1), /called with 1 arguments, expected 0/, 'binding'],
  ['activationInfo', "'swish'", () => M.activationInfo('swish'), /unknown activation 'swish'; allowed: linear, sigmoid, tanh, relu/],
  ['activationInfo', '42 (number for id)', () => M.activationInfo(42), /activation id must be a string, got number/],
  ['activationInfo', 'null', () => M.activationInfo(null), /activation id must be a string, got null/],
  ['activationInfo', '{} (object)', () => M.activationInfo({}), /activation id must be a string, got object/],
  ['activationInfo', "'re\\0lu' (NUL inside)", () => M.activationInfo('re\0lu'), /unknown activation 're\\x00lu'; allowed: linear/],
  ['activationInfo', "'x' * 1e6", () => M.activationInfo('x'.repeat(1e6)), /unknown activation 'x{64}\.\.\.'; allowed: linear/],
  ['activate', "'relu', '1' (string x)", () => M.activate('relu', '1'), /x must be a number, got string/],
  ['activate', "'relu', 1n (BigInt x)", () => M.activate('relu', 1n), /x must be a number, got bigint/],
  ['activate', "'relu', Symbol()", () => M.activate('relu', Symbol('s')), /x must be a number, got symbol/],
  ['activate', "'relu', undefined", () => M.activate('relu', undefined), /x must be a number, got undefined/],
  ['activate', "'relu', [1] (array)", () => M.activate('relu', [1]), /x must be a number, got array/],
  ['activate', "'elu', -1, {alpha: NaN}", () => M.activate('elu', -1, { alpha: NaN }), /elu: alpha must be a finite number in \[1e-06, 10\], got nan/],
  ['activate', "'elu', -1, {alpha: -1}", () => M.activate('elu', -1, { alpha: -1 }), /elu: alpha must be a finite number in \[1e-06, 10\], got -1/],
  ['activate', "'elu', -1, {alpha: 1e308}", () => M.activate('elu', -1, { alpha: 1e308 }), /elu: alpha .*got 1e\+308/],
  ['activate', "'elu', -1, {alpha: '1'}", () => M.activate('elu', -1, { alpha: '1' }), /elu: alpha must be a number, got string/],
  ['activate', "'elu', -1, {beta: 1}", () => M.activate('elu', -1, { beta: 1 }), /elu: unknown parameter 'beta'; allowed: alpha/],
  ['activate', "'elu', -1, [1] (array params)", () => M.activate('elu', -1, [1]), /elu: params must be a plain object, got array/],
  ['activate', "'elu', -1, 'alpha=1'", () => M.activate('elu', -1, 'alpha=1'), /elu: params must be a plain object, got string/],
  ['activate', "'rrelu', -1, {lower: .5, upper: .1}", () => M.activate('rrelu', -1, { lower: 0.5, upper: 0.1 }), /rrelu: lower must be <= upper/],
  ['activate', "'maxout', 1, {w1: -Infinity}", () => M.activate('maxout', 1, { w1: -Infinity }), /maxout: w1 must be a finite number in \[-100, 100\], got -inf/],
  // the six after the post: softplus's beta at every door, and the parameters they do not have
  ['activate', "'softplus', 1, {beta: NaN}", () => M.activate('softplus', 1, { beta: NaN }), /softplus: beta must be a finite number in \[0.01, 100\], got nan/],
  ['activate', "'softplus', 1, {beta: 0}", () => M.activate('softplus', 1, { beta: 0 }), /softplus: beta must be a finite number in \[0.01, 100\], got 0/],
  ['activate', "'softplus', 1, {beta: -1}", () => M.activate('softplus', 1, { beta: -1 }), /softplus: beta .*got -1/],
  ['activate', "'softplus', 1, {beta: 1e308}", () => M.activate('softplus', 1, { beta: 1e308 }), /softplus: beta .*got 1e\+308/],
  ['activate', "'softplus', 1, {beta: 5e-324}", () => M.activate('softplus', 1, { beta: 5e-324 }), /softplus: beta .*got 4.94065645841247e-324/],
  ['activate', "'softplus', 1, {beta: '2'}", () => M.activate('softplus', 1, { beta: '2' }), /softplus: beta must be a number, got string/],
  ['activate', "'softplus', 1, {threshold: 20}", () => M.activate('softplus', 1, { threshold: 20 }), /softplus: unknown parameter 'threshold'; allowed: beta/],
  ['activate', "'softplus', 1e308, {beta: 100} (beta x overflows)", () => M.activate('softplus', 1e308, { beta: 100 }), (r) => r === 1e308],
  ['activate', "'softplus', -1e308, {beta: 0.01}", () => M.activate('softplus', -1e308, { beta: 0.01 }), (r) => r === 0],
  ['activate', "'gelu', 1, {approximate: 'tanh'}", () => M.activate('gelu', 1, { approximate: 'tanh' }), /gelu: unknown parameter 'approximate'; allowed: none/],
  ['activate', "'silu', 1, {beta: 1}", () => M.activate('silu', 1, { beta: 1 }), /silu: unknown parameter 'beta'; allowed: none/],
  ['activate', "'gelu_tanh', 1e308 (x^3 overflows)", () => M.activate('gelu_tanh', 1e308), (r) => r === 1e308],
  ['activate', "'mish', -Infinity", () => M.activate('mish', -Infinity), (r) => r === 0],
  ['activate', "'hardswish', -Infinity (torch: NaN)", () => M.activate('hardswish', -Infinity), (r) => r === 0],
  ['derivative', "'silu', Infinity (torch: NaN)", () => M.derivative('silu', Infinity), (r) => r === 1],
  ['derivative', "'gelu', -1e308", () => M.derivative('gelu', -1e308), (r) => r === 0],
  ['derivative', "'hardswish', 3 (torch 1.13's side)", () => M.derivative('hardswish', 3), (r) => r === 1.5],
  ['derivative', "'hardswish', -3", () => M.derivative('hardswish', -3), (r) => r === -0.5],
  ['derivative', "'softplus', 0, {beta: Infinity}", () => M.derivative('softplus', 0, { beta: Infinity }), /softplus: beta .*got inf/],
  // Missing / extra arguments of the overloaded functions: a plain Error (Embind's own message here
  // dumped its overload table, i.e. minified JS source).
  ['activate', "'relu' (x missing)", () => M.activate('relu'), /activate\(id, x, params\?\) needs at least 2 arguments, got 1/],
  ['activate', '(no args)', () => M.activate(), /activate\(id, x, params\?\) needs at least 2 arguments, got 0/],
  ['activate', "'relu', 1, {}, 5 (4 args)", () => M.activate('relu', 1, {}, 5), /activate\(id, x, params\?\) takes at most 3 arguments, got 4/],
  ['derivative', '(no args)', () => M.derivative(), /derivative\(id, x, params\?\) needs at least 2 arguments, got 0/],
  ['derivative', "'relu', 1, {}, 5, 6 (5 args)", () => M.derivative('relu', 1, {}, 5, 6), /derivative\(id, x, params\?\) takes at most 3 arguments, got 5/],
  ['sampleCurve', "'relu' (xs missing)", () => M.sampleCurve('relu'), /sampleCurve\(id, xs, params\?\) needs at least 2 arguments, got 1/],
  ['sampleCurve', "'relu', [], {}, 1 (4 args)", () => M.sampleCurve('relu', [], {}, 1), /sampleCurve\(id, xs, params\?\) takes at most 3 arguments, got 4/],
  ['measureActivation', '(no args)', () => M.measureActivation(), /measureActivation\(id, options\?\) needs at least 1 argument, got 0/],
  ['measureActivation', "'relu', {}, 1 (3 args)", () => M.measureActivation('relu', {}, 1), /measureActivation\(id, options\?\) takes at most 2 arguments, got 3/],
  ['makeDataset', '(no args)', () => M.makeDataset(), /makeDataset\(name, options\?\) needs at least 1 argument, got 0/],
  ['datasetFromPoints', '[] (labels missing)', () => M.datasetFromPoints([]), /datasetFromPoints\(XY, labels, options\?\) needs at least 2 arguments, got 1/],
  ['makeDataset', "'xor', {}, 1 (3 args)", () => M.makeDataset('xor', {}, 1), /makeDataset\(name, options\?\) takes at most 2 arguments, got 3/],
  ['zigzagDescent', '{}, 1 (2 args)', () => M.zigzagDescent({}, 1), /zigzagDescent\(options\?\) takes at most 1 argument, got 2/],
  ['activationGuide', '{}, 1 (2 args)', () => M.activationGuide({}, 1), /activationGuide\(answers\?\) takes at most 1 argument, got 2/],
  ['activate', "'relu', 1e308", () => M.activate('relu', 1e308), (r) => r === 1e308],
  ['activate', "'sigmoid', -1e308", () => M.activate('sigmoid', -1e308), (r) => r === 0],
  ['activate', "'selu', -0", () => M.activate('selu', -0), (r) => Object.is(r, -0) || r === 0],
  ['derivative', "'tanh', 'x'", () => M.derivative('tanh', 'x'), /x must be a number, got string/],
  ['derivative', "'GELU', 0 (ids are lower case)", () => M.derivative('GELU', 0), /unknown activation 'GELU'; allowed: .*gelu, gelu_tanh/],
  ['derivative', "'prelu', 0, {alpha: 2}", () => M.derivative('prelu', 0, { alpha: 2 }), /prelu: alpha must be a finite number in \[-1, 1\], got 2/],
  ['derivative', "'sigmoid', 1e308", () => M.derivative('sigmoid', 1e308), (r) => r === 0],
  ['sampleCurve', "'relu', 5 (number for xs)", () => M.sampleCurve('relu', 5), /xs must be an Array or Float64Array of numbers, got number/],
  ['sampleCurve', "'relu', Int32Array", () => M.sampleCurve('relu', new Int32Array(3)), /xs must be an Array or Float64Array/],
  ['sampleCurve', "'relu', [1, 'a']", () => M.sampleCurve('relu', [1, 'a']), /xs\[1\] is not a number/],
  ['sampleCurve', "'relu', [1, , 2] (hole)", () => M.sampleCurve('relu', [1, , 2]), /xs\[1\] is not a number/], // eslint-disable-line no-sparse-arrays
  ['sampleCurve', "'relu', {length: 1e9}", () => M.sampleCurve('relu', { length: 1e9 }), /xs must be an Array or Float64Array/, 'flat'],
  ['sampleCurve', "'relu', 1e6+1 points", () => M.sampleCurve('relu', new Float64Array(1e6 + 1)), /xs: at most 1000000 points, got 1000001/],
  ['sampleCurve', "'relu', []", () => M.sampleCurve('relu', []), (r) => r.f.length === 0],
  ['sampleCurve', "'softplus', [1], {beta: -Infinity}", () => M.sampleCurve('softplus', [1], { beta: -Infinity }), /softplus: beta .*got -inf/],
  ['sampleCurve', "'tanh', [NaN, -Infinity, 1e308]", () => M.sampleCurve('tanh', [NaN, -Infinity, 1e308]),
    (r) => Number.isNaN(r.f[0]) && r.f[1] === -1 && r.f[2] === 1 && Number.isNaN(r.df[0]) && r.df[1] === 0 && r.df[2] === 0],
  ['measureActivation', "'relu', {n: 0}", () => M.measureActivation('relu', { n: 0 }), /n must be an integer in \[1, 10000000\], got 0/],
  ['measureActivation', "'relu', {n: 1e12}", () => M.measureActivation('relu', { n: 1e12 }), /n must be an integer in \[1, 10000000\]/, 'flat'],
  ['measureActivation', "'relu', {reps: NaN}", () => M.measureActivation('relu', { reps: NaN }), /reps must be an integer in \[-2147483648, 2147483647\], got nan/],
  ['measureActivation', "'relu', {variant: 'fast'}", () => M.measureActivation('relu', { variant: 'fast', n: 10, reps: 1 }), /fast/],
  ['measureActivation', "'relu', {speed: 1}", () => M.measureActivation('relu', { speed: 1 }), /measureActivation options: unknown key 'speed'; allowed: n, reps, variant, params, seed/],
  ['measureActivation', "'relu', 'fast'", () => M.measureActivation('relu', 'fast'), /options must be a plain object, got string/],
  ['measureActivation', "'softplus', {params: {beta: NaN}}", () => M.measureActivation('softplus', { params: { beta: NaN }, n: 10, reps: 1 }), /softplus: beta must be a finite number .*got nan/],
  ['measureActivation', "'mish', {variant: 'branchy'}", () => M.measureActivation('mish', { variant: 'branchy', n: 10, reps: 1 }), /only for relu, leaky_relu, rrelu and prelu, not for mish/],
  ['new Network', 'layers []', () => new M.Network({ layers: [] }), /layers: need 2 to 64 widths/],
  ['new Network', 'layers [2, 0, 1] (zero-wide)', () => new M.Network({ layers: [2, 0, 1] }), /layers\[1\] must be an integer in \[1, 1024\], got 0/],
  ['new Network', 'layers [2, -8, 1]', () => new M.Network({ layers: [2, -8, 1] }), /layers\[1\] must be an integer in \[1, 1024\], got -8/],
  ['new Network', 'layers [2, 1e9, 1] (absurd)', () => new M.Network({ layers: [2, 1e9, 1] }), /layers\[1\] must be an integer in \[1, 1024\]/, 'flat'],
  ['new Network', 'layers [1024 x 8] (7 x (1024*1024 + 1024) params)', () => new M.Network({ layers: new Array(8).fill(1024) }), /7347200 parameters exceed the limit of 5000000/, 'flat'],
  ['new Network', 'layers 1e6 entries', () => new M.Network({ layers: new Array(1e6).fill(2) }), /layers: need 2 to 64 widths .*got 1000000/, 'flat'],
  ['new Network', 'layers [2, NaN, 1]', () => new M.Network({ layers: [2, NaN, 1] }), /layers\[1\] must be an integer .*got nan/i],
  ['new Network', 'layers [2, Infinity, 1]', () => new M.Network({ layers: [2, Infinity, 1] }), /layers\[1\] must be an integer .*got inf/, 'flat'],
  ['new Network', "layers [2, '8', 1]", () => new M.Network({ layers: [2, '8', 1] }), /layers\[1\] must be a number, got string/],
  ['new Network', 'layers Float64Array', () => new M.Network({ layers: new Float64Array([2, 3, 1]) }), /layers must be an Array of widths/],
  ['new Network', 'batchSize 0', () => new M.Network({ batchSize: 0 }), /batchSize must be an integer in \[1, 1000000\], got 0/],
  ['new Network', 'batchSize -1', () => new M.Network({ batchSize: -1 }), /batchSize must be an integer in \[1, 1000000\], got -1/],
  ['new Network', 'batchSize 1e308', () => new M.Network({ batchSize: 1e308 }), /batchSize must be an integer in \[-2147483648, 2147483647\], got 1e\+308/, 'flat'],
  ['new Network', 'learningRate -0.1', () => new M.Network({ learningRate: -0.1 }), /learningRate must be a finite number in \(0, 10\], got -0.1/],
  ['new Network', 'learningRate NaN', () => new M.Network({ learningRate: NaN }), /learningRate must be a finite number in \(0, 10\], got nan/],
  ['new Network', 'learningRate Infinity', () => new M.Network({ learningRate: Infinity }), /learningRate must be a finite number in \(0, 10\], got inf/],
  ['new Network', 'learningRate -Infinity', () => new M.Network({ learningRate: -Infinity }), /learningRate .*got -inf/],
  ['new Network', 'learningRate 1e308', () => new M.Network({ learningRate: 1e308 }), /learningRate must be a finite number in \(0, 10\], got 1e\+308/],
  ['new Network', 'learningRate null', () => new M.Network({ learningRate: null }), /learningRate must be a number, got null/],
  ['new Network', 'maxoutPieces 100', () => new M.Network({ activation: 'maxout', maxoutPieces: 100 }), /maxoutPieces must be an integer in \[2, 8\], got 100/],
  ['new Network', 'seed 2^53', () => new M.Network({ seed: 2 ** 53 }), /seed must be an integer in \[0, 9007199254740991\]/],
  ['new Network', "activation 'swish'", () => new M.Network({ activation: 'swish' }), /unknown activation 'swish'; allowed/],
  ['new Network', 'params {alpha: Infinity} (elu)', () => new M.Network({ activation: 'elu', params: { alpha: Infinity } }), /elu: alpha must be a finite number .*got inf/],
  ['new Network', 'params {beta: 0} (softplus)', () => new M.Network({ activation: 'softplus', params: { beta: 0 } }), /softplus: beta must be a finite number in \[0.01, 100\], got 0/],
  ['new Network', 'params {beta: 1} (gelu)', () => new M.Network({ activation: 'gelu', params: { beta: 1 } }), /gelu: unknown parameter 'beta'; allowed: none/],
  ['new Network', "loss 'hinge'", () => new M.Network({ loss: 'hinge' }), /loss: unknown 'hinge'; allowed: bce, mse, cross_entropy/],
  ['new Network', "loss 'cross_entropy', one output", () => new M.Network({ layers: [2, 3, 1], loss: 'cross_entropy' }), /loss: cross_entropy needs at least 2 outputs/],
  ['new Network', "optimizer {}", () => new M.Network({ optimizer: {} }), /optimizer must be a string, got object/],
  ['new Network', 'config 42', () => new M.Network(42), /config must be a plain object, got number/],
  ['new Network', 'config {__proto__ key}', () => new M.Network(JSON.parse('{"__proto__": {"layers": [0]}}')), /config: unknown key '__proto__'/],
  ['new Network', '(2 args)', () => new M.Network({}, 2), /invalid number of parameters \(2\) - expected \(0,1\)/, 'binding'],
  ['new Network', 'null (defaults)', () => { const n = new M.Network(null); const c = n.parameterCount(); n.delete(); return c; }, (c) => c === 105],
  ['Network.parameterCount', '(no args)', on(net, (n) => n.parameterCount()), (r) => r === 13],
  ['Network.parameterCount', '(1 extra arg)', on(net, (n) => n.parameterCount(1)), /called with 1 arguments, expected 0/, 'binding'],
  ['Network.getParameters', '(no args)', on(net, (n) => n.getParameters()), (r) => r instanceof Float64Array && r.length === 13],
  ['Network.setParameters', 'length 12 of 13', on(net, (n) => n.setParameters(new Float64Array(12))), /parameters: expected 13 values, got 12/],
  ['Network.setParameters', 'NaN at [5]', on(net, (n) => n.setParameters(Float64Array.from({ length: 13 }, (_, i) => (i === 5 ? NaN : 0)))), /parameters\[5\] must be finite, got nan/],
  ['Network.setParameters', 'Infinity at [0]', on(net, (n) => n.setParameters([Infinity, ...new Array(12).fill(0)])), /parameters\[0\] must be finite, got inf/],
  ['Network.setParameters', 'string', on(net, (n) => n.setParameters('0,0')), /parameters must be an Array or Float64Array of numbers, got string/],
  ['Network.setParameters', 'undefined', on(net, (n) => n.setParameters(undefined)), /parameters must be an Array or Float64Array of numbers, got undefined/],
  ['Network.predict', '[1, 2, 3] (not N x 2)', on(net, (n) => n.predict([1, 2, 3])), /X: length 3 is not a multiple of the input width 2/],
  ['Network.predict', '[NaN, 0]', on(net, (n) => n.predict([NaN, 0])), /X\[0\] is not a finite number/],
  ['Network.predict', '[1e308, -1e308]', on(net, (n) => n.predict([1e308, -1e308])), (r) => r.length === 1],
  ['Network.predict', 'null', on(net, (n) => n.predict(null)), /X must be an Array or Float64Array of numbers, got null/],
  ['Network.predict', '{0: 1, 1: 2, length: 2}', on(net, (n) => n.predict({ 0: 1, 1: 2, length: 2 })), /X must be an Array or Float64Array/],
  ['Network.trainEpoch', 'Y of 3 for 2 rows', on(net, (n) => n.trainEpoch(X2, [1, 0, 1])), /Y: expected 2 values \(2 rows x 1 outputs\), got 3/],
  ['Network.trainEpoch', 'Y [1, -Infinity]', on(net, (n) => n.trainEpoch(X2, [1, -Infinity])), /Y\[1\] is not a finite number/],
  ['Network.trainEpoch', 'X [] (no rows)', on(net, (n) => n.trainEpoch([], [])), /X: no rows; expected N x 2 values/],
  ['Network.trainEpoch', 'Y 1e308 (mse)', on(() => net({ layers: [2, 3, 1], loss: 'mse' }), (n) => [n.trainEpoch(X2, [1e308, 1e308]), n.diverged()]),
    ([l, d]) => Number.isNaN(l) && d === true],
  ['Network.lossAndGradient', 'X 3 values', on(net, (n) => n.lossAndGradient([1, 2, 3], [1])), /X: length 3 is not a multiple of the input width 2/],
  ['Network.lossAndGradient', 'Y NaN', on(net, (n) => n.lossAndGradient(X2, [NaN, 0])), /Y\[0\] is not a finite number/],
  ['Network.lossAndGradient', 'X 1e300 (bce)', on(net, (n) => n.lossAndGradient([1e300, 1e300], [1])), (r) => !Number.isNaN(r.loss) || r.gradient.length === 13],
  ['Network.loss', 'Y of 3 for 2 rows', on(net, (n) => n.loss(X2, [1, 0, 1])), /Y: expected 2 values \(2 rows x 1 outputs\), got 3/],
  ['Network.loss', 'X Infinity', on(net, (n) => n.loss([Infinity, 0, 0, 0], Y2)), /X\[0\] is not a finite number/],
  ['Network.loss', 'X2, Y2 (= lossAndGradient().loss)', on(net, (n) => [n.loss(X2, Y2), n.lossAndGradient(X2, Y2).loss]), ([a, b]) => a === b],
  ['new Data', "X '1,2'", () => new M.Data('1,2', [1]), /X must be an Array or Float64Array of numbers, got string/],
  ['new Data', 'Y undefined', () => new M.Data(X2, undefined), /Y must be an Array or Float64Array of numbers, got undefined/],
  ['new Data', '(1 arg)', () => new M.Data(X2), /invalid number of parameters \(1\) - expected \(2\)/, 'binding'],
  ['new Data', 'X2, Y2', on(() => new M.Data(X2, Y2), (d) => d instanceof M.Data), (r) => r === true],
  ['Network.trainOn', 'rows 3 wide for a 2-input net', on(net, (n) => { const d = new M.Data([1, 2, 3], [1]); try { return n.trainOn(d); } finally { d.delete(); } }), /X: length 3 is not a multiple of the input width 2/],
  ['Network.trainOn', 'Y [NaN, 0] (checked on use)', on(net, (n) => { const d = new M.Data(X2, [NaN, 0]); try { return n.trainOn(d); } finally { d.delete(); } }), /Y\[0\] is not a finite number/],
  ['Network.trainOn', 'an array, not a Data', on(net, (n) => n.trainOn(X2)), /Data/, 'binding'],
  ['Network.trainOn', 'X2, Y2 (= trainEpoch)', () => {
    const a = net(), b = net(), d = new M.Data(X2, Y2);
    try { return [a.trainOn(d), b.trainEpoch(X2, Y2), a.getParameters().join(), b.getParameters().join()]; } finally { a.delete(); b.delete(); d.delete(); }
  }, ([la, lb, pa, pb]) => la === lb && pa === pb],
  ['Network.lossOn', 'deleted Data', on(net, (n) => { const d = new M.Data(X2, Y2); d.delete(); return n.lossOn(d); }), /Cannot pass deleted object/, 'binding'],
  ['Network.lossOn', 'null', on(net, (n) => n.lossOn(null)), /Data/, 'binding'],
  ['Network.lossOn', 'X2, Y2 (= loss)', on(net, (n) => { const d = new M.Data(X2, Y2); try { return [n.lossOn(d), n.loss(X2, Y2)]; } finally { d.delete(); } }), ([a, b]) => a === b],
  // cross_entropy: Y holds one class index per row, checked at every door
  ['Network.trainEpoch', 'cross_entropy, Y [0, 3] (class out of range)', on(() => net(CE), (n) => n.trainEpoch(X2, [0, 3])), /Y\[1\] = 3 is not a class index; cross_entropy expects an integer in \[0, 2\]/],
  ['Network.loss', 'cross_entropy, Y [0.5, 1] (not an integer)', on(() => net(CE), (n) => n.loss(X2, [0.5, 1])), /Y\[0\] = 0.5 is not a class index/],
  ['Network.lossAndGradient', 'cross_entropy, Y [NaN, 1]', on(() => net(CE), (n) => n.lossAndGradient(X2, [NaN, 1])), /Y\[0\] = nan is not a class index/],
  ['Network.lossAndGradient', 'cross_entropy, Y N x 3 (one-hot)', on(() => net(CE), (n) => n.lossAndGradient(X2, [1, 0, 0, 0, 1, 0])), /one class index per row: 2 values, got 6/],
  ['Network.lossAndGradient', 'cross_entropy, X +-1e4 (logits in the thousands)', on(() => net(CE), (n) => n.lossAndGradient([1e4, 1e4, -1e4, 0], [0, 2])),
    (r) => Number.isFinite(r.loss) && r.loss >= 0 && r.gradient.every(Number.isFinite)],
  ['Network.probabilities', 'mse net', on(() => net({ layers: [2, 3, 1], loss: 'mse' }), (n) => n.probabilities(X2)), /loss mse outputs values, not probabilities/],
  ['Network.probabilities', 'X [NaN, 0]', on(net, (n) => n.probabilities([NaN, 0])), /X\[0\] is not a finite number/],
  ['Network.probabilities', 'cross_entropy, X2 (rows sum to 1)', on(() => net(CE), (n) => n.probabilities(X2)),
    (r) => r instanceof Float64Array && r.length === 6 && Math.abs(r[0] + r[1] + r[2] - 1) < 1e-15],
  ['Network.classify', 'bce with 2 outputs (multi-label)', on(() => net({ layers: [2, 3, 2] }), (n) => n.classify(X2)), /classify: needs loss cross_entropy, or bce with one output/],
  ['Network.classify', "X 'ab'", on(net, (n) => n.classify('ab')), /X must be an Array or Float64Array of numbers, got string/],
  ['Network.classify', 'cross_entropy, X2', on(() => net(CE), (n) => n.classify(X2)), (r) => r.length === 2 && r.every((k) => [0, 1, 2].includes(k))],
  ['Network.accuracy', 'cross_entropy, Y [0, -1]', on(() => net(CE), (n) => n.accuracy(X2, [0, -1])), /Y\[1\] = -1 is not a class index/],
  ['Network.accuracy', 'Y of 3 for 2 rows', on(net, (n) => n.accuracy(X2, [1, 0, 1])), /Y: expected 2 values/],
  ['Network.accuracy', 'X2, Y2', on(net, (n) => n.accuracy(X2, Y2)), (r) => [0, 0.5, 1].includes(r)],
  ['Network.accuracyOn', 'null', on(net, (n) => n.accuracyOn(null)), /Data/, 'binding'],
  ['Network.accuracyOn', 'cross_entropy, Data with labels 5', on(() => net(CE), (n) => { const d = new M.Data(X2, [5, 0]); try { return n.accuracyOn(d); } finally { d.delete(); } }), /Y\[0\] = 5 is not a class index/],
  ['Network.accuracyOn', 'X2, Y2 (= accuracy)', on(net, (n) => { const d = new M.Data(X2, Y2); try { return [n.accuracyOn(d), n.accuracy(X2, Y2)]; } finally { d.delete(); } }), ([a, b]) => a === b],
  ['Network.diverged', '(fresh net)', on(net, (n) => n.diverged()), (r) => r === false],
  ['Network.toJSON', '(no args)', on(net, (n) => JSON.parse(n.toJSON())), (j) => j.config.layers.length === 3],
  ['Network.config', '(no args)', on(net, (n) => n.config()), (c) => c.layers.join() === '2,3,1'],
  ['Network.predict', 'after delete()', () => { const n = net(); n.delete(); return n.predict(X2); }, /Cannot pass deleted object as a pointer of type Network/, 'binding'],
  ['Network.predict', 'this = {}', () => M.Network.prototype.predict.call({}, X2), /Cannot pass .* as a Network/, 'binding'],
  ['outputLayerCurves', 'no args (defaults)', () => M.outputLayerCurves(), (r) => r.z.length === 161 && r.z[0] === -8 && r.bceGrad instanceof Float64Array && r.target === 1],
  ['outputLayerCurves', '{zMin: 1, zMax: 1}', () => M.outputLayerCurves({ zMin: 1, zMax: 1 }), /zMin must be less than zMax/],
  ['outputLayerCurves', '{zMax: NaN}', () => M.outputLayerCurves({ zMax: NaN }), /zMax must be a finite number in \[-100, 100\], got nan/],
  ['outputLayerCurves', '{points: 1e9}', () => M.outputLayerCurves({ points: 1e9 }), /points must be an integer in \[2, 4001\], got 1000000000/, 'flat'],
  ['outputLayerCurves', '{points: 2.5}', () => M.outputLayerCurves({ points: 2.5 }), /points must be an integer/],
  ['outputLayerCurves', "{target: '1'}", () => M.outputLayerCurves({ target: '1' }), /target must be a number, got string/],
  ['outputLayerCurves', '{target: -0.5}', () => M.outputLayerCurves({ target: -0.5 }), /target must be a finite number in \[0, 1\], got -0.5/],
  ['outputLayerCurves', '{z: 1} (unknown key)', () => M.outputLayerCurves({ z: 1 }), /output layer options: unknown key 'z'; allowed: zMin, zMax, points, target/],
  ['outputLayerCurves', '(2 args)', () => M.outputLayerCurves({}, 1), /outputLayerCurves\(options\?\)/, 'binding'],
  ['outputLayerCurves', '{zMin: -100, zMax: 100, points: 3} (tails)', () => M.outputLayerCurves({ zMin: -100, zMax: 100, points: 3 }),
    (r) => r.mseGrad[0] < 0 && r.bceGrad[0] === -1 && r.bceLoss[0] === 100 && r.bceGrad[2] < 0 && Number.isFinite(r.bceLoss[2])],
  ['datasetIds', 'no args', () => M.datasetIds(), (r) => r.length === 8 && r[4] === 'spiral3'],
  ['makeDataset', "'moons'", () => M.makeDataset('moons'), /dataset: unknown 'moons'; allowed: circle, xor, gaussian, spiral, spiral3, sin, abs, step/],
  ['makeDataset', "'xor', {n: 1e9}", () => M.makeDataset('xor', { n: 1e9 }), /n must be an integer in \[1, 100000\]/, 'flat'],
  ['makeDataset', "'xor', {n: -5}", () => M.makeDataset('xor', { n: -5 }), /n must be an integer in \[1, 100000\], got -5/],
  ['makeDataset', "'xor', {noise: NaN}", () => M.makeDataset('xor', { noise: NaN }), /noise must be a finite number in \[0, 1\], got nan/],
  ['makeDataset', "'xor', {testFraction: -Infinity}", () => M.makeDataset('xor', { testFraction: -Infinity }), /testFraction must be a finite number in \[0, 0.9\], got -inf/],
  ['makeDataset', "'xor', []", () => M.makeDataset('xor', []), /dataset options must be a plain object, got array/],
  ['makeDataset', 'undefined', () => M.makeDataset(undefined), /dataset name must be a string, got undefined/],
  ['datasetFromPoints', '4 good rows', () => M.datasetFromPoints([0, 0, 1, 1, -1, -1, 0.5, -0.5], [0, 1, 0, 1], { testFraction: 0 }), (d) => d.xTrain.length === 8 && d.name === 'custom'],
  ['datasetFromPoints', 'x = 1.5', () => M.datasetFromPoints([1.5, 0], [0]), /points: row 1: x must be a finite number in \[-1, 1\], got 1.5/],
  ['datasetFromPoints', 'y = NaN', () => M.datasetFromPoints([0, 0, 0, NaN], [0, 1]), /points: row 2: y must be a finite number in \[-1, 1\], got nan/],
  ['datasetFromPoints', 'label 2', () => M.datasetFromPoints([0, 0], [2]), /points: row 1: label must be 0 or 1, got 2/],
  ['datasetFromPoints', 'odd length', () => M.datasetFromPoints([0, 0, 1], [0, 1]), /points: 2 labels need 4 coordinates \(x, y per point\), got 3/],
  ['datasetFromPoints', 'no points', () => M.datasetFromPoints([], []), /points: between 1 and 100000 labels, got 0/],
  ['datasetFromPoints', "'abc', [0]", () => M.datasetFromPoints('abc', [0]), /XY must be/],
  ['datasetFromPoints', '{testFraction: 2}', () => M.datasetFromPoints([0, 0], [0], { testFraction: 2 }), /testFraction must be a finite number in \[0, 0.9\], got 2/],
  ['zigzagDescent', '{learningRate: Infinity}', () => M.zigzagDescent({ learningRate: Infinity }), /learningRate .*\(0, 10\]/],
  ['zigzagDescent', '{maxSteps: 1e9}', () => M.zigzagDescent({ maxSteps: 1e9 }), /maxSteps must be an integer in \[1, 100000\]/, 'flat'],
  ['zigzagDescent', '{grid: 1e6}', () => M.zigzagDescent({ grid: 1e6 }), /grid must be an integer in \[2, 256\]/, 'flat'],
  ['zigzagDescent', '{start: [1]}', () => M.zigzagDescent({ start: [1] }), /start must have 2 numbers \[w1, w2\], got 1/],
  ['zigzagDescent', '{target: [NaN, 0]}', () => M.zigzagDescent({ target: [NaN, 0] }), /target/],
  ['zigzagDescent', "{batch: 'yes'}", () => M.zigzagDescent({ batch: 'yes' }), /batch must be true or false, got string/],
  ['zigzagDescent', "{inputs: 'relu'}", () => M.zigzagDescent({ inputs: 'relu' }), /inputs: unknown 'relu'; allowed: sigmoid, tanh/],
  ['new LeakyCompare', '{} (runs missing)', () => new M.LeakyCompare({}), /runs is required/],
  ['new LeakyCompare', 'runs sigmoid', () => new M.LeakyCompare({ runs: [{ activation: 'sigmoid' }] }), /relu, leaky_relu, prelu, rrelu/],
  ['new LeakyCompare', '{points: 1e9}', () => new M.LeakyCompare({ points: 1e9, runs: [{ activation: 'relu' }] }), /points must be an integer in \[20, 5000\]/, 'flat'],
  ['new LeakyCompare', '{hidden: [1e9]}', () => new M.LeakyCompare({ hidden: [1e9], runs: [{ activation: 'relu' }] }), /hidden/, 'flat'],
  ['new LeakyCompare', '{runs: 5}', () => new M.LeakyCompare({ runs: 5 }), /runs must be an Array/],
  ['LeakyCompare.evaluate', '(small)', on(() => new M.LeakyCompare({ points: 40, runs: [{ activation: 'relu' }] }), (c) => c.evaluate()), (r) => r.length === 1],
  ['LeakyCompare.step', '(small)', on(() => new M.LeakyCompare({ points: 40, runs: [{ activation: 'prelu' }] }), (c) => c.step()), (r) => r[0].alphas.length > 0],
  ['LeakyCompare.epoch', '(1 extra arg)', on(() => new M.LeakyCompare({ points: 40, runs: [{ activation: 'relu' }] }), (c) => c.epoch(1)), /called with 1 arguments, expected 0/, 'binding'],
  ['LeakyCompare.runCount', '(no args)', on(() => new M.LeakyCompare({ points: 40, runs: [{ activation: 'relu' }, { activation: 'rrelu' }] }), (c) => c.runCount()), (r) => r === 2],
  ['activationGuide', '{transformer: null}', () => M.activationGuide({ transformer: null }), /transformer must be true or false/],
  ['activationGuide', '{speedCritical: 1}', () => M.activationGuide({ speedCritical: 1 }), /speedCritical must be true or false, got number/],
  ['activationGuide', '{fast: true}', () => M.activationGuide({ fast: true }), /answers: unknown key 'fast'; allowed: selfNormalizing/],
  ['activationGuide', "'yes'", () => M.activationGuide('yes'), /answers must be a plain object, got string/],
  ['activationRanking', 'no args', () => M.activationRanking(), (r) => r.length === 6],
  ['new UniversalApproximation', '{units: 1e9}', () => new M.UniversalApproximation({ units: 1e9 }), /units must be an integer in \[1, 64\]/, 'flat'],
  ['new UniversalApproximation', '{points: -1}', () => new M.UniversalApproximation({ points: -1 }), /points/],
  ['new UniversalApproximation', "{target: 'cos'}", () => new M.UniversalApproximation({ target: 'cos' }), /target: unknown 'cos'; allowed: sin, abs, step/],
  ['new UniversalApproximation', '{learningRate: NaN}', () => new M.UniversalApproximation({ learningRate: NaN }), /learningRate/],
  ['UniversalApproximation.train', 'NaN epochs', on(() => new M.UniversalApproximation({}), (a) => a.train(NaN)), /epochs must be an integer in \[-2147483648, 2147483647\], got nan/],
  ['UniversalApproximation.train', '1e9 epochs', on(() => new M.UniversalApproximation({}), (a) => a.train(1e9)), /epochs must be an integer in \[0, 100000\]/],
  ['UniversalApproximation.mse', '(fresh)', on(() => new M.UniversalApproximation({}), (a) => a.mse()), (r) => Number.isFinite(r)],
  ['UniversalApproximation.epochs', '(fresh)', on(() => new M.UniversalApproximation({}), (a) => a.epochs()), (r) => r === 0],
  ['UniversalApproximation.grid', '(fresh)', on(() => new M.UniversalApproximation({ points: 10 }), (a) => a.grid()), (g) => g.x.length === 10],
  ['UniversalApproximation.predict', "'abc'", on(() => new M.UniversalApproximation({}), (a) => a.predict('abc')), /xs must be an Array or Float64Array/],
  ['UniversalApproximation.predict', '100001 points', on(() => new M.UniversalApproximation({}), (a) => a.predict(new Float64Array(100001))), /xs: at most 100000 points/],
  // (refused rather than NaN out)
  ['UniversalApproximation.predict', '[NaN]', on(() => new M.UniversalApproximation({}), (a) => a.predict([NaN])), /xs\[0\] is not a finite number/],
  ['UniversalApproximation.collapse', 'tanh net (not linear)', on(() => new M.UniversalApproximation({}), (a) => a.collapse()), /linear/],
  ['new GradientFlow', '{depth: 1e9}', () => new M.GradientFlow({ depth: 1e9 }), /depth must be an integer in \[1, 30\]/, 'flat'],
  ['new GradientFlow', '{width: 0}', () => new M.GradientFlow({ width: 0 }), /width/],
  ['GradientFlow.train', "'1'", on(() => new M.GradientFlow({ depth: 1, width: 2, samples: 10 }), (g) => g.train('1')), /epochs must be a number, got string/],
  ['GradientFlow.layerNorms', '(small)', on(() => new M.GradientFlow({ depth: 2, width: 2, samples: 10 }), (g) => g.layerNorms()), (r) => r.length === 3],
  ['GradientFlow.loss', '(small)', on(() => new M.GradientFlow({ depth: 1, width: 2, samples: 10 }), (g) => g.loss()), (r) => typeof r === 'number'],
  ['GradientFlow.epochs', '(small)', on(() => new M.GradientFlow({ depth: 1, width: 2, samples: 10 }), (g) => g.epochs()), (r) => r === 0],
  ['new DeadNeurons', '{samples: 1e9}', () => new M.DeadNeurons({ samples: 1e9 }), /samples must be an integer in \[10, 5000\]/, 'flat'],
  ['new DeadNeurons', '{biasInit: Infinity}', () => new M.DeadNeurons({ biasInit: Infinity }), /biasInit/],
  ['DeadNeurons.train', '-1 epochs', on(() => new M.DeadNeurons({ depth: 1, width: 2, samples: 10 }), (d) => d.train(-1)), /epochs must be an integer in \[0, 100000\], got -1/],
  ['DeadNeurons.deadFractions', '(small)', on(() => new M.DeadNeurons({ depth: 1, width: 2, samples: 10 }), (d) => d.deadFractions()), (r) => r.length === 2],
  ['DeadNeurons.silentFractions', '(small)', on(() => new M.DeadNeurons({ depth: 1, width: 2, samples: 10 }), (d) => d.silentFractions()), (r) => r.length === 2],
  ['DeadNeurons.epochs', '(small)', on(() => new M.DeadNeurons({ depth: 1, width: 2, samples: 10 }), (d) => d.epochs()), (r) => r === 0],
  ['DeadNeurons.diverged', '(small)', on(() => new M.DeadNeurons({ depth: 1, width: 2, samples: 10 }), (d) => d.diverged()), (r) => r === false],
  ['new SelfNormalization', '{width: 1e9}', () => new M.SelfNormalization({ width: 1e9 }), /width must be an integer in \[1, 256\]/, 'flat'],
  ['new SelfNormalization', "{rawInputs: 'yes'}", () => new M.SelfNormalization({ rawInputs: 'yes' }), /rawInputs must be true or false, got string/],
  ['SelfNormalization.advance', '2^31 - 1 layers', on(() => new M.SelfNormalization({ depth: 2, width: 4, samples: 10 }), (s) => s.advance(2 ** 31 - 1)), /layers must be an integer in \[0, 60\]/],
  ['SelfNormalization.step', '-1 rows', on(() => new M.SelfNormalization({ depth: 2, width: 4, samples: 10 }), (s) => s.step(-1)), /rows must be an integer in \[1, 5000\], got -1/],
  ['SelfNormalization.layersDone', '(fresh)', on(() => new M.SelfNormalization({ depth: 2, width: 4, samples: 10 }), (s) => s.layersDone()), (r) => r === 0],
  ['SelfNormalization.done', '(fresh)', on(() => new M.SelfNormalization({ depth: 2, width: 4, samples: 10 }), (s) => s.done()), (r) => r === false],
  ['SelfNormalization.mean', '(fresh)', on(() => new M.SelfNormalization({ depth: 2, width: 4, samples: 10 }), (s) => s.mean()), (r) => r.length === 1],
  ['SelfNormalization.std', '(fresh)', on(() => new M.SelfNormalization({ depth: 2, width: 4, samples: 10 }), (s) => s.std()), (r) => r.length === 1],
];

// The module still works normally: a known value and a tiny training run.
function sane() {
  assert.equal(M.activate('elu', -1, { alpha: 2 }), 2 * Math.expm1(-1));
  const n = new M.Network({ layers: [2, 3, 1], seed: 3 });
  try { assert.ok(Number.isFinite(n.trainEpoch(X2, Y2))); } finally { n.delete(); }
}

const exists = (name) => {
  const [cls, m] = name.replace(/^new /, '').split('.');
  return cls in M && (!m || m in M[cls].prototype);
};
const short = (s) => (s.length > 110 ? `${s.slice(0, 107)}...` : s);
const show = (v) => {
  if (v instanceof Float64Array) return `Float64Array(${v.length})`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (v && typeof v === 'object') return '{...}';
  return String(v);
};

test('every export and every class method has rows in the table (a new export without coverage fails)', () => {
  const covered = new Set(ROWS.map((r) => r[0]));
  const missing = [];
  for (const k of Object.keys(M)) {
    if (isRuntime(k)) continue;
    const v = M[k];
    const isClass = typeof v === 'function' && v.prototype && Object.getOwnPropertyNames(v.prototype).includes('delete') ||
      (typeof v === 'function' && v.prototype && Object.getPrototypeOf(v.prototype) !== Object.prototype);
    if (isClass) {
      if (!covered.has(`new ${k}`)) missing.push(`new ${k}`);
      for (const m of Object.getOwnPropertyNames(v.prototype)) if (!HANDLE_METHODS.has(m) && !covered.has(`${k}.${m}`)) missing.push(`${k}.${m}`);
    } else if (!covered.has(k)) missing.push(k);
  }
  assert.deepEqual(missing, [], `exports without hostile-input rows: ${missing.join(', ')}`);
  // Rows for exports this build lacks are skipped, and said so.
  const absent = [...covered].filter((n) => !exists(n));
  if (absent.length) console.log(`# not in this build (rows skipped): ${absent.join(', ')}`);
});

test('hostile inputs: clear Errors (never a trap), results where valid, the module keeps working', () => {
  const lines = [], failures = [];
  sane();
  const handles = M.count_emval_handles();
  for (const [name, label, fn, expected, mode] of ROWS) {
    if (!exists(name)) continue;
    const heap = M.HEAP8.length;
    let outcome, ok = true, why = '';
    try {
      const r = fn();
      outcome = `returned ${short(show(r))}`;
      if (expected instanceof RegExp) { ok = false; why = 'expected an Error'; } else if (!expected(r)) { ok = false; why = 'unexpected result'; }
    } catch (e) {
      const msg = String(e?.message ?? e);
      const kind = e instanceof WebAssembly.RuntimeError ? 'RuntimeError' : e instanceof M.BindingError ? 'BindingError' : e?.constructor?.name;
      outcome = `${kind}: ${short(msg)}`;
      if (!(e instanceof Error)) { ok = false; why = 'threw a non-Error'; }
      else if (e instanceof WebAssembly.RuntimeError || /abort|unreachable|RuntimeError|table index/i.test(msg)) { ok = false; why = 'wasm trap/abort'; }
      else if (!(expected instanceof RegExp)) { ok = false; why = 'unexpected Error'; }
      else if (!expected.test(msg)) { ok = false; why = `message does not match ${expected}`; }
      else if (mode !== 'binding' && e.constructor !== Error) { ok = false; why = `${e.constructor.name}, not a plain Error`; }
    }
    if (mode === 'flat' && M.HEAP8.length !== heap) { ok = false; why = `heap grew ${heap} -> ${M.HEAP8.length}`; }
    try { sane(); } catch (e) { ok = false; why = `module broken afterwards: ${e.message}`; }
    lines.push(`# | ${name}(${label}) | ${outcome}${mode === 'flat' ? ' [heap unchanged]' : ''} |`);
    if (!ok) failures.push(`${name}(${label}): ${why}; ${outcome}`);
  }
  console.log(`# | input tried | what happened |\n# |---|---|\n${lines.join('\n')}`);
  assert.deepEqual(failures, []);
  assert.equal(M.count_emval_handles(), handles, 'no JS handles leaked by the error paths');
});

// Limits by hand from the definitions, defaults as in DESIGN.md: leaky 0.01, rrelu eval slope
// (1/8 + 1/3)/2 = 11/48, prelu 0.25, elu alpha 1, selu scale*alpha = 1.0507009873554804934 *
// 1.6732632423543772848 = 1.7580993408473766 (bc -l: 1.75809934084737685...), maxout max(x, 0) by default.
// The six after the post are ~x on the right and ~0 on the left, f' -> 1 and 0 (PyTorch gives NaN for
// some: silu'(+inf), hardswish(-inf), gelu'(+inf); ours are the limits).
const LIMITS = {
  //            f(+inf)   f(-inf)               f'(+inf)            f'(-inf)
  linear: [Infinity, -Infinity, 1, 1],
  sigmoid: [1, 0, 0, 0],
  tanh: [1, -1, 0, 0],
  relu: [Infinity, 0, 1, 0],
  leaky_relu: [Infinity, -Infinity, 1, 0.01],
  rrelu: [Infinity, -Infinity, 1, 11 / 48],
  prelu: [Infinity, -Infinity, 1, 0.25],
  elu: [Infinity, -1, 1, 0],
  selu: [Infinity, -1.7580993408473766, 1.0507009873554805, 0],
  maxout: [Infinity, 0, 1, 0],
  softplus: [Infinity, 0, 1, 0],
  silu: [Infinity, 0, 1, 0],
  gelu: [Infinity, 0, 1, 0],
  gelu_tanh: [Infinity, 0, 1, 0],
  mish: [Infinity, 0, 1, 0],
  hardswish: [Infinity, 0, 1, 0],
};

test('math stays math for every id: NaN in -> NaN out, +-inf -> the limits, +-1e308 finite and never NaN', () => {
  assert.deepEqual(Object.keys(LIMITS), IDS);
  for (const id of IDS) {
    const [fp, fm, dp, dm] = LIMITS[id];
    assert.ok(Number.isNaN(M.activate(id, NaN)) && Number.isNaN(M.derivative(id, NaN)), id);
    assert.equal(M.activate(id, Infinity), fp, `${id}(+inf)`);
    assert.ok(Math.abs(M.activate(id, -Infinity) - fm) <= 1e-15 * Math.abs(fm) || M.activate(id, -Infinity) === fm, `${id}(-inf)`);
    assert.ok(Math.abs(M.derivative(id, Infinity) - dp) <= 1e-15, `${id}'(+inf) = ${M.derivative(id, Infinity)}`);
    assert.ok(Math.abs(M.derivative(id, -Infinity) - dm) <= 1e-15, `${id}'(-inf) = ${M.derivative(id, -Infinity)}`);
    for (const x of [1e308, -1e308, Number.MAX_VALUE, -Number.MIN_VALUE, 5e-324]) {
      assert.ok(!Number.isNaN(M.activate(id, x)) && !Number.isNaN(M.derivative(id, x)), `${id}(${x})`);
    }
    // the same through the batched sampler
    const s = M.sampleCurve(id, [NaN, Infinity, -Infinity]);
    assert.ok(Number.isNaN(s.f[0]) && s.f[1] === M.activate(id, Infinity) && s.f[2] === M.activate(id, -Infinity), id);
  }
  console.log(`# math: NaN -> NaN and the +-inf limits hold for all ${IDS.length} ids (activate, derivative, sampleCurve)`);
});

test('a JS exception thrown from inside a conversion (a throwing getter) passes through unchanged and leaks nothing', () => {
  const evil = Object.defineProperty([1, 2], 1, { get() { throw new TypeError('getter boom'); } });
  const evilParams = { get alpha() { throw new RangeError('param boom'); } };
  const n = new M.Network({ layers: [2, 3, 1] });
  const handles = M.count_emval_handles();
  for (let i = 0; i < 2000; i++) {
    assert.throws(() => M.sampleCurve('relu', evil), TypeError);
    assert.throws(() => M.activate('elu', 1, evilParams), RangeError);
    assert.throws(() => n.predict(evil), TypeError);
  }
  const heap = M.HEAP8.length;
  for (let i = 0; i < 2000; i++) assert.throws(() => n.trainEpoch(evil, Y2), TypeError);
  assert.equal(M.HEAP8.length, heap, 'heap flat over 2000 interrupted conversions');
  assert.equal(M.count_emval_handles(), handles, 'no JS handles leaked');
  n.delete();
  sane();
  console.log('# | throwing getter in X / params | the TypeError/RangeError passes through; heap and handle count flat over 2000 calls |');
});

// Where dlmalloc would put a fresh 8 MB block: the start of the unused top of the heap. A leak of even
// a few bytes per cycle moves it up (shown by the control below); HEAP8.length alone only sees a leak
// once it outgrows the heap's slack.
const heapTop = () => { const p = M._malloc(8 << 20); M._free(p); return p; };

test('memory: 5000 create/train/predict/error/delete cycles over every activation and optimiser leave the heap top where it was', () => {
  const d = M.makeDataset('circle', { n: 50, seed: 1 });
  const opts = ['sgd', 'momentum', 'adam'];
  const cycle = (i) => {
    const n = new M.Network({ activation: IDS[i % IDS.length], optimizer: opts[i % 3], layers: [2, 16, 16, 1], seed: i, loss: i % 2 ? 'mse' : 'bce' });
    try {
      n.trainEpoch(d.xTrain, d.yTrain);
      n.predict(d.xTest);
      n.lossAndGradient(d.xTrain, d.yTrain);
      n.setParameters(n.getParameters());
      assert.throws(() => n.predict([1, 2, 3]), Error);             // error paths allocate messages too
      assert.throws(() => n.setParameters([NaN]), Error);
    } finally { n.delete(); }
    assert.throws(() => new M.Network({ layers: [2, 0, 1] }), Error);
    if (i % 50 === 0 && 'LeakyCompare' in M) { const c = new M.LeakyCompare({ points: 40, runs: [{ activation: 'prelu' }] }); c.step(); c.delete(); }
  };
  for (let i = 0; i < 100; i++) cycle(i);  // warm-up (first-use caches)
  const top0 = heapTop(), heap0 = M.HEAP8.length, handles = M.count_emval_handles(), t0 = Date.now();
  for (let i = 0; i < 5000; i++) cycle(i);
  const top1 = heapTop(), heap1 = M.HEAP8.length;
  console.log(`# memory over 5000 cycles (${Date.now() - t0} ms): wasm heap ${heap0} -> ${heap1} bytes, heap top ${top0} -> ${top1}`);
  assert.equal(heap1, heap0);
  assert.equal(top1, top0, 'nothing left allocated');
  assert.equal(M.count_emval_handles(), handles);
  // Control: the same probe does see 16 bytes leaked per cycle.
  const leaked = [];
  for (let i = 0; i < 500; i++) { cycle(i); leaked.push(M._malloc(16)); }
  assert.ok(heapTop() > top1, 'the probe sees a small leak');
  leaked.forEach((p) => M._free(p));
});

test('an array past 10,000,000 numbers is refused by name before it is copied (heap unchanged)', () => {
  const net = new M.Network({});
  try {
    const before = M.HEAP8.length;
    const huge = new Float64Array(10_000_002);
    assert.throws(() => net.predict(huge), (e) => e instanceof Error && /at most 10000000 numbers, got 10000002/.test(e.message));
    assert.throws(() => net.trainEpoch(huge, huge), (e) => e instanceof Error && /at most 10000000 numbers/.test(e.message));
    assert.equal(M.HEAP8.length, before, 'nothing was copied into wasm');
    assert.equal(net.predict(new Float64Array([0.5, -0.5])).length, 1, 'still works');
  } finally {
    net.delete();
  }
});
