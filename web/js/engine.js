// engine.js — the ONLY JavaScript that touches WebAssembly.
//
// Loads the classic script `../activations.js` (an Emscripten MODULARIZE factory named
// `createActivationsModule`) relative to this file's own URL, instantiates it once per page
// (every widget shares the same instance through one module-level promise) and hands out
// plain JavaScript: strings, numbers, plain objects and Float64Arrays copied out of wasm memory.
// Errors thrown inside wasm come back as ordinary `Error`s with the same message.
//
//   import * as engine from './engine.js';
//   await engine.ready();
//   engine.activate('elu', -1, { alpha: 0.5 });           // -> number
//   engine.sampleCurve('sigmoid', xs);                     // -> {x, f, df} Float64Arrays
//   const net = engine.createNetwork({ layers: [2, 8, 1] }); net.train(X, Y); net.dispose();
//
// Results are the plain objects Embind builds from the C++ result structs (value_objects); their
// arrays are Float64Arrays already copied out of wasm memory, so they pass through as they are.
// Every C++ object is owned by one handle (createNetwork, createData, create<Experiment>): its
// dispose() deletes the object once; liveCount(kind) counts the handles not yet disposed.

const FACTORY_NAME = 'createActivationsModule';

let modulePromise = null; // Promise<Module>, created on first use
let mod = null;           // the instantiated module once ready
const infoCache = new Map();

// URL of the wasm loader: dist/js/engine.js -> dist/activations.js.
export const scriptUrl = new URL('../activations.js', import.meta.url).href;

function loadScript(url) {
  return new Promise((resolve, reject) => {
    // Another copy of this module (or a bundle) may already be loading the same script.
    let s = [...document.querySelectorAll('script[data-activations-engine]')].find((e) => e.src === url);
    if (s && s.dataset.loaded === '1') { resolve(); return; }
    if (!s) {
      s = document.createElement('script');
      s.src = url;
      s.async = true;
      s.dataset.activationsEngine = '';
      (document.head || document.documentElement).appendChild(s);
    }
    s.addEventListener('load', () => { s.dataset.loaded = '1'; resolve(); }, { once: true });
    s.addEventListener('error', () => reject(new Error(`could not load the activation engine from ${url}`)), { once: true });
  });
}

async function getFactory() {
  if (typeof globalThis[FACTORY_NAME] === 'function') return globalThis[FACTORY_NAME];
  if (typeof document === 'undefined') {
    // Node (tests, tools): the same file is a CommonJS module.
    const { createRequire } = await import('node:module');
    return createRequire(import.meta.url)(new URL(scriptUrl).pathname);
  }
  await loadScript(scriptUrl);
  if (typeof globalThis[FACTORY_NAME] !== 'function') {
    throw new Error(`${scriptUrl} loaded but did not define ${FACTORY_NAME}`);
  }
  return globalThis[FACTORY_NAME];
}

// activation-widgets.lean.js (tools/bundle.mjs) carries the loader without the inlined wasm and
// sets __AW_WASM_FILE__: the binary is then fetched from next to the script and compiled while it
// streams in, off the main thread. Where that fetch cannot work (file://, a server refusing .wasm),
// the self-contained loader activations.js next to it is used instead.
/* global __AW_WASM_FILE__ */
const WASM_FILE = typeof __AW_WASM_FILE__ !== 'undefined' ? __AW_WASM_FILE__ : null;

async function compileSeparateWasm(url) {
  try {
    const response = fetch(url, { credentials: 'same-origin' });
    try {
      return await WebAssembly.compileStreaming(response);
    } catch {  // e.g. served without Content-Type: application/wasm
      const r = await fetch(url, { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return await WebAssembly.compile(await r.arrayBuffer());
    }
  } catch {
    return null;
  }
}

// The factory, instantiated with an already compiled WebAssembly.Module.
async function instantiateCompiled(compiled) {
  const factory = await getFactory();
  // The loader waits for receive(); a failed instantiation must reject ready() instead of
  // leaving every widget waiting.
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  return Promise.race([failed, factory({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), fail);
      return {};
    },
  })]);
}

const IN_WORKER = typeof document === 'undefined' && typeof importScripts === 'function';
let compiledWasm = null; // the compiled module when this page compiled it itself (lean bundle)

async function instantiate(given) {
  if (given instanceof WebAssembly.Module) return instantiateCompiled((compiledWasm = given));
  if (WASM_FILE && (typeof document !== 'undefined' || IN_WORKER)) {
    const base = import.meta.url;
    const url = new URL(WASM_FILE, base);
    // from disk (file://) fetch is refused with a console error: go straight to the fallback
    const compiled = url.protocol === 'file:' ? null : await compileSeparateWasm(url.href);
    if (compiled) return instantiateCompiled((compiledWasm = compiled));
    if (IN_WORKER) throw new Error(`could not load the activation engine from ${url.href}`);
    await loadScript(new URL('activations.js', base).href);  // redefines the factory, wasm inlined
  }
  return (await getFactory())();
}

// The compiled wasm module, when this page compiled it from its own file (null when the loader
// decoded an inlined copy): a worker started by this page can be handed it instead of compiling again.
export function compiledModule() { return compiledWasm; }

// The classic script a training worker runs (the widgets' bundle, which in a worker starts the
// worker side instead of the elements; tools/bundle.mjs): the bundle's own URL inside a bundle,
// the bundle next to dist/js/ when these files are used as modules.
// null when there is no such file (a bundle pasted inline into the page).
/* global __awScript */
export function workerScriptUrl() {
  if (typeof __awScript !== 'undefined') return (__awScript && __awScript.src) || null;
  return new URL('../activation-widgets.js', import.meta.url).href;
}

// A Worker running the widgets' bundle (the race's training, activation-speed's timed calls), or
// null where none can start: no Worker, no script file, not over http(s) (file://), or refused.
export function startBundleWorker() {
  const url = workerScriptUrl();
  if (typeof Worker !== 'function' || !url || !/^https?:$/.test(new URL(url, location.href).protocol)) return null;
  try { return new Worker(url); } catch { return null; }
}

// Posts msg to a bundle worker with this page's compiled wasm module (when there is one), so the
// worker does not compile its own; a module that does not clone goes without it.
export function postWithModule(worker, msg) {
  const wasm = compiledModule();
  try { worker.postMessage(wasm ? { ...msg, wasmModule: wasm } : msg); } catch { worker.postMessage(msg); }
}

// Resolves (with no value) once the shared wasm instance is ready. Safe to call many times.
// wasmModule (a WebAssembly.Module of this build, e.g. handed to a worker) is used instead of
// compiling the binary again.
export function ready({ wasmModule } = {}) {
  if (!modulePromise) {
    modulePromise = (async () => {
      // The load starts in a microtask, not inside the caller's stack: a widget's first call
      // comes from deep inside the page's script evaluation (customElements.define, upgrade,
      // connectedCallback), and a browser with DevTools attached (Lighthouse, any profiler)
      // records a network request's initiator stack, re-parsing every function on it for its
      // source positions. For the one-file bundle that was the whole 300 KB script, three
      // times: 65-80 ms at 1x inside the define, against 9-14 ms now.
      await null;
      mod = await instantiate(wasmModule);
      return mod;
    })();
    // A failed load may be retried by the next call (e.g. after a network hiccup).
    modulePromise.catch(() => { modulePromise = null; });
  }
  return modulePromise.then(() => undefined);
}

export function isReady() { return mod !== null; }

function M() {
  if (!mod) throw new Error('activation engine not ready: await ready() first');
  return mod;
}

// Calls into wasm; anything thrown there becomes a plain Error with the same message.
function call(fn) {
  try {
    return fn(M());
  } catch (e) {
    if (e instanceof Error && e.constructor === Error) throw e;
    const msg = e && typeof e.message === 'string' ? e.message : String(e);
    throw new Error(msg, { cause: e });
  }
}

// ---------------------------------------------------------------- activations

// The ten ids in the post's order: linear sigmoid tanh relu leaky_relu rrelu prelu elu selu maxout.
export function activationIds() {
  return call((m) => m.activationIds());
}

// {id, title, range, description, params:[{name, default, min, max, sliderMin, sliderMax}]}.
// Returns a fresh deep copy (callers may mutate it). Unknown id -> Error listing the allowed ones.
export function activationInfo(id) {
  if (!infoCache.has(id)) infoCache.set(id, call((m) => m.activationInfo(id)));
  return structuredClone(infoCache.get(id));
}

// f(x). params: plain object, missing fields take PyTorch's defaults.
export function activate(id, x, params) {
  return call((m) => m.activate(id, x, params ?? undefined));
}

// f'(x) (d/dx).
export function derivative(id, x, params) {
  return call((m) => m.derivative(id, x, params ?? undefined));
}

// One batched call: xs (Array or Float64Array) -> {x, f, df}, fresh Float64Arrays.
export function sampleCurve(id, xs, params) {
  return call((m) => m.sampleCurve(id, xs, params ?? undefined));
}

// n evenly spaced points from a to b inclusive (a small helper for callers of sampleCurve).
export function linspace(a, b, n) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i === n - 1 ? b : a + ((b - a) * i) / (n - 1);
  return out;
}

// Times f and f' of one activation in wasm: {id, variant, n, reps, nsPerElementF, nsPerElementDf,
// bestNsPerElementF, bestNsPerElementDf, checksum} (medians and fastest reps). options: {n, reps,
// variant: 'default'|'branchy'|'branchless'|'fast', params, seed}. Keep n * reps small (e.g.
// 20000 x 3) so one call stays well under a frame.
export function measureActivationSpeed(id, options) {
  return call((m) => (options === undefined ? m.measureActivation(id) : m.measureActivation(id, options)));
}

// ---------------------------------------------------------------- handles

const live = new Map(); // kind -> handles not yet disposed
// Handles of one kind ('Network', 'Data', 'LeakyCompare', 'UniversalApproximation', ...) not yet
// disposed: a debug counter for leak tests.
export function liveCount(kind) { return live.get(kind) ?? 0; }
export function liveNetworkCount() { return liveCount('Network'); }
export function liveDataCount() { return liveCount('Data'); }
// Size of the wasm linear memory in bytes (grows, never shrinks): a debug probe for leak tests.
export function wasmMemoryBytes() { return call((m) => m.HEAPU8.length); }

let use; // use(handle, fn) -> fn(its Embind object) through call(); throws once the handle is disposed

// Owns one object of the Embind class Module[kind]. dispose() deletes it exactly once (later calls do
// nothing); any other use afterwards throws "<what> already disposed". Nothing outside this file sees
// the Embind object.
class Handle {
  #object;
  #kind;
  #what;
  constructor(kind, args, what = kind) {
    this.#object = call((m) => new m[kind](...args));
    this.#kind = kind;
    this.#what = what;
    live.set(kind, liveCount(kind) + 1);
  }
  get disposed() { return this.#object === null; }
  dispose() {
    if (this.#object === null) return;
    const o = this.#object;
    this.#object = null;
    live.set(this.#kind, liveCount(this.#kind) - 1);
    o.delete();
  }
  static {
    use = (handle, fn) => {
      if (handle.#object === null) throw new Error(`${handle.#what} already disposed`);
      return call(() => fn(handle.#object));
    };
  }
}

// ---------------------------------------------------------------- network and data

// A data set copied into wasm memory once, for net.train(set) / net.loss(set).
class Data extends Handle {
  constructor(X, Y) { super('Data', [X, Y], 'data set'); }
}

// config: {layers, activation, params, maxoutPieces, init, loss, optimizer, learningRate, batchSize, seed};
// loss 'bce' | 'mse' | 'cross_entropy' (C >= 2 outputs, Y = one class index 0..C-1 per row).
// train(X, Y) -> epoch mean loss (NaN once diverged); X may instead be a data set from createData()
// (Y unused), which trains without copying the arrays in again. predict(X) -> Float64Array logits.
class Network extends Handle {
  constructor(config) { super('Network', [config], 'network'); }
  get parameterCount() { return use(this, (n) => n.parameterCount()); }
  get diverged() { return use(this, (n) => n.diverged()); }
  getParameters() { return use(this, (n) => n.getParameters()); }
  setParameters(p) { use(this, (n) => n.setParameters(p)); }
  train(X, Y) { return use(this, (n) => (X instanceof Data ? use(X, (d) => n.trainOn(d)) : n.trainEpoch(X, Y))); }
  loss(X, Y) { return use(this, (n) => (X instanceof Data ? use(X, (d) => n.lossOn(d)) : n.loss(X, Y))); }
  lossAndGradient(X, Y) { return use(this, (n) => n.lossAndGradient(X, Y)); }  // {loss, gradient}
  predict(X) { return use(this, (n) => n.predict(X)); }
  // What the logits mean under the loss, computed in the core: probabilities(X) -> Float64Array N x out
  // (bce: sigmoid per output, cross_entropy: softmax per row; mse throws); classify(X) -> Float64Array
  // of N class indices (cross_entropy: argmax, bce with one output: z > 0); accuracy(X, Y) -> the
  // fraction of rows classified as labelled (X may be a data set from createData(), Y unused).
  probabilities(X) { return use(this, (n) => n.probabilities(X)); }
  classify(X) { return use(this, (n) => n.classify(X)); }
  accuracy(X, Y) { return use(this, (n) => (X instanceof Data ? use(X, (d) => n.accuracyOn(d)) : n.accuracy(X, Y))); }
  toJSON() { return use(this, (n) => n.toJSON()); }  // PyTorch state_dict JSON
  config() { return use(this, (n) => n.config()); }
}

// A new network (throws an Error naming the bad config field). The caller must dispose() it.
export function createNetwork(config) { return new Network(config); }
// A data set in wasm memory (X row-major N x inputs, Y N x outputs). The caller must dispose() it.
export function createData(X, Y) { return new Data(X, Y); }

// The data set ids the engine knows (classification and regression).
export function datasetIds() { return call((m) => m.datasetIds()); }

// {name, inputDim, task, classes, xTrain, yTrain, xTest, yTest}: fresh Float64Arrays (row-major N x inputDim);
// classes: 2, or 3 for 'spiral3' (labels 0..classes-1, for loss 'cross_entropy'), 0 for regression.
export function makeDataset(name, options) {
  return call((m) => (options === undefined ? m.makeDataset(name) : m.makeDataset(name, options)));
}

// The reader's own points as a data set of the same shape ({name: 'custom', inputDim: 2, task:
// 'classification', xTrain, …}): XY row-major N x 2 in [-1, 1], labels 0/1; options {seed,
// testFraction} (shuffled by seed, then split like makeDataset). A bad row -> Error naming it.
export function datasetFromPoints(XY, labels, options) {
  return call((m) => (options === undefined ? m.datasetFromPoints(XY, labels) : m.datasetFromPoints(XY, labels, options)));
}

// ---------------------------------------------------------------- experiments, one per claim
// Named like the page's elements; each create<Name>(config) returns a handle the caller must dispose().

// <universal-approximation>. config: {target: 'sin'|'abs'|'step', units 1..64, activation,
// hiddenLayers 1..8, points, learningRate, seed}: hidden layers of N units fitted to the target by
// full-batch Adam (one step per epoch).
class UniversalApproximation extends Handle {
  constructor(config) { super('UniversalApproximation', [config]); }
  train(epochs) { return use(this, (o) => o.train(epochs)); }  // -> training mse
  get mse() { return use(this, (o) => o.mse()); }
  get epochs() { return use(this, (o) => o.epochs()); }
  grid() { return use(this, (o) => o.grid()); }  // {x, y}: the training points
  predict(xs) { return use(this, (o) => o.predict(xs)); }
  // Linear nets only: {rows, cols, matrix, bias, maxAbsDiff, layers} = the one affine map y = M x + c.
  collapse() { return use(this, (o) => o.collapse()); }
}
export function createUniversalApproximation(config) { return new UniversalApproximation(config); }

// <gradient-flow>. config: {activation, depth 1..30, width 1..128, samples, init, learningRate,
// batchSize, seed}. layerNorms(): RMS per weight of dL/dW for hidden layers 1..depth, then the output layer.
class GradientFlow extends Handle {
  constructor(config) { super('GradientFlow', [config]); }
  layerNorms() { return use(this, (o) => o.layerNorms()); }
  get loss() { return use(this, (o) => o.loss()); }
  train(epochs) { return use(this, (o) => o.train(epochs)); }
  get epochs() { return use(this, (o) => o.epochs()); }
}
export function createGradientFlow(config) { return new GradientFlow(config); }

// <dead-neurons>. config: {activation, depth 1..8, width, samples, learningRate, biasInit -5..5,
// batchSize, optimizer, seed}. deadFractions() (f'(z) = 0 on every sample) and silentFractions()
// (z <= 0 on every sample): per hidden layer, then over all hidden units (last).
class DeadNeurons extends Handle {
  constructor(config) { super('DeadNeurons', [config]); }
  train(epochs) { return use(this, (o) => o.train(epochs)); }
  deadFractions() { return use(this, (o) => o.deadFractions()); }
  silentFractions() { return use(this, (o) => o.silentFractions()); }
  get epochs() { return use(this, (o) => o.epochs()); }
  get diverged() { return use(this, (o) => o.diverged()); }
}
export function createDeadNeurons(config) { return new DeadNeurons(config); }

// <self-normalization>. config: {activation, depth 1..60, width 1..256, samples, rawInputs, init,
// skip, seed}. advance(k) pushes the batch through k more layers, step(rows) up to `rows` samples of
// the current one; mean()/std() have layersDone + 1 entries (0 = the inputs).
class SelfNormalization extends Handle {
  constructor(config) { super('SelfNormalization', [config]); }
  advance(layers) { return use(this, (o) => o.advance(layers)); }
  step(rows) { return use(this, (o) => o.step(rows)); }
  get layersDone() { return use(this, (o) => o.layersDone()); }
  get done() { return use(this, (o) => o.done()); }
  mean() { return use(this, (o) => o.mean()); }
  std() { return use(this, (o) => o.std()); }
}
export function createSelfNormalization(config) { return new SelfNormalization(config); }

// <leaky-compare>. Leaky-family networks on the same data from the same initial weights. config:
// {runs: [{activation, params}] (required), dataset, points, noise, testFraction, hidden, optimizer,
// learningRate, batchSize, seed}. evaluate() / step() -> one record per run {trainLoss, evalTrainLoss,
// testLoss, testAccuracy, alphas, diverged}.
class LeakyCompare extends Handle {
  constructor(config) { super('LeakyCompare', [config]); }
  evaluate() { return use(this, (c) => c.evaluate()); }
  step() { return use(this, (c) => c.step()); }
  get epoch() { return use(this, (c) => c.epoch()); }
  get runCount() { return use(this, (c) => c.runCount()); }
}
export function createLeakyCompare(config) { return new LeakyCompare(config); }

// <zigzag-descent>. One run of a two-weight neuron, one-sample SGD or (batch: true) full-batch gradient
// descent: {inputs, learningRate, tolerance, batch, start, target, path, updates, sameSign (Uint8Array),
// steps, sameSignCount, convergedAt, points, moment, eigenvalues [large, small], eigenvectors
// [v1x, v1y, v2x, v2y], meanSqNorm, maxSqNorm, overshootPoints, bounds, grid, loss}.
export function zigzagDescent(options) {
  return call((m) => (options === undefined ? m.zigzagDescent() : m.zigzagDescent(options)));
}

// <activation-guide>. Section 10: answers {selfNormalizing, speedCritical, overfitting, hugeTrainingSet,
// timeToCrossValidate, transformer} (booleans) -> {pick, advice: [{id, rule}], crossValidate: [ids]}. Rule ids:
// self-normalizing, no-self-normalizing, speed-relu, speed-leaky, overfitting, huge-data, cross-validate,
// and after the post transformer (gelu), transformer-gated (silu).
export function activationGuide(answers) {
  return call((m) => (answers === undefined ? m.activationGuide() : m.activationGuide(answers)));
}

// <output-layer>. One logit z and a target y: options {zMin -8, zMax 8, points 161, target 1} ->
// {target, z, p, mseLoss, mseGrad, bceLoss, bceGrad}: sigmoid + squared error vs binary cross-entropy
// on the logit, each loss and its d/dz over the grid (Float64Arrays).
export function outputLayerCurves(options) {
  return call((m) => (options === undefined ? m.outputLayerCurves() : m.outputLayerCurves(options)));
}

// The post's general order: ['selu', 'elu', 'leaky_relu', 'relu', 'tanh', 'sigmoid'].
export function activationRanking() { return call((m) => m.activationRanking()); }
