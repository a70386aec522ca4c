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

async function instantiate() {
  if (WASM_FILE && typeof document !== 'undefined') {
    const base = import.meta.url;
    const url = new URL(WASM_FILE, base);
    // from disk (file://) fetch is refused with a console error: go straight to the fallback
    const compiled = url.protocol === 'file:' ? null : await compileSeparateWasm(url.href);
    if (compiled) {
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
    await loadScript(new URL('activations.js', base).href);  // redefines the factory, wasm inlined
  }
  return (await getFactory())();
}

// Resolves (with no value) once the shared wasm instance is ready. Safe to call many times.
export function ready() {
  if (!modulePromise) {
    modulePromise = (async () => {
      mod = await instantiate();
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
  return call((m) => Array.from(m.activationIds()));
}

// {id, title, range, description, params:[{name, default, min, max, sliderMin, sliderMax}]}.
// Returns a fresh deep copy (callers may mutate it). Unknown id -> Error listing the allowed ones.
export function activationInfo(id) {
  if (!infoCache.has(id)) {
    const o = call((m) => m.activationInfo(id));
    infoCache.set(id, {
      id: o.id, title: o.title, range: o.range, description: o.description,
      params: Array.from(o.params, (p) => ({
        name: p.name, default: p.default, min: p.min, max: p.max, sliderMin: p.sliderMin, sliderMax: p.sliderMax,
      })),
    });
  }
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

// One batched call: xs (Array or Float64Array) -> {x, f, df}, fresh Float64Arrays (copies).
export function sampleCurve(id, xs, params) {
  return call((m) => {
    const r = m.sampleCurve(id, xs, params ?? undefined);
    return { x: r.x, f: r.f, df: r.df };
  });
}

// n evenly spaced points from a to b inclusive (a small helper for callers of sampleCurve).
export function linspace(a, b, n) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i === n - 1 ? b : a + ((b - a) * i) / (n - 1);
  return out;
}

// ================================================================= network helpers
// Room for teammates (race / experiments issues). Conventions for this section:
//  - wrap every Embind class instance (e.g. `new (M().Network)(config)`) in a plain JS class
//    whose methods go through call(...) and return copies (Float64Array / plain objects);
//  - the wrapper owns the C++ object and must expose dispose() that calls .delete() exactly
//    once (and a FinalizationRegistry fallback at most as a safety net, never as the plan);
//  - nothing outside this file may see an Embind handle.
// ----------------------------------------------------------------- (add below this line)

// ----------------------------------------------------------------- network (owner: race)
// Plain-JS wrappers over Module.Network / datasetIds / makeDataset for <activation-race>.
//   const net = engine.createNetwork({ layers: [2, 8, 8, 1], activation: 'relu', loss: 'bce', ... });
//   net.train(X, Y) -> epoch mean loss (NaN once diverged)   net.predict(X) -> Float64Array logits
//   net.loss(X, Y) -> mean loss (eval mode)   net.diverged   net.toJSON() -> PyTorch JSON string
//   net.dispose()  (deletes the C++ object exactly once; later calls on the wrapper throw)
//   const set = engine.createData(X, Y);  net.train(set) / net.loss(set): the same, without copying
//   X and Y into wasm memory on every call; set.dispose() when no network needs it any more.
// liveNetworkCount() / liveDataCount() count wrappers not yet disposed: debug counters for leak tests.
let liveNetworks = 0, liveData = 0;
export function liveNetworkCount() { return liveNetworks; }
export function liveDataCount() { return liveData; }

class DataHandle {
  #data;
  constructor(X, Y) {
    this.#data = call((m) => new m.Data(X, Y));
    liveData++;
  }
  // the Module.Data of a set, for NetworkHandle
  static raw(set) {
    if (!set.#data) throw new Error('data set already disposed');
    return set.#data;
  }
  dispose() {
    if (!this.#data) return;
    const d = this.#data;
    this.#data = null;
    liveData--;
    d.delete();
  }
}
// A data set in wasm memory for net.train(set) / net.loss(set). The caller must dispose() it.
export function createData(X, Y) { return new DataHandle(X, Y); }
// Size of the wasm linear memory in bytes (grows, never shrinks): a debug probe for leak tests.
export function wasmMemoryBytes() { return call((m) => m.HEAPU8.length); }

class NetworkHandle {
  #net;
  constructor(config) {
    this.#net = call((m) => new m.Network(config));
    liveNetworks++;
  }
  #use(fn) {
    if (!this.#net) throw new Error('network already disposed');
    return call(() => fn(this.#net));
  }
  get disposed() { return this.#net === null; }
  get parameterCount() { return this.#use((n) => n.parameterCount()); }
  get diverged() { return this.#use((n) => n.diverged()); }
  getParameters() { return this.#use((n) => n.getParameters()); }      // a fresh Float64Array copy
  setParameters(p) { this.#use((n) => n.setParameters(p)); }
  // X, Y arrays, or X a data set from createData() (Y then unused)
  train(X, Y) { return this.#use((n) => (X instanceof DataHandle ? n.trainOn(DataHandle.raw(X)) : n.trainEpoch(X, Y))); }
  loss(X, Y) { return this.#use((n) => (X instanceof DataHandle ? n.lossOn(DataHandle.raw(X)) : n.loss(X, Y))); }
  lossAndGradient(X, Y) { return this.#use((n) => { const r = n.lossAndGradient(X, Y); return { loss: r.loss, gradient: r.gradient }; }); }
  predict(X) { return this.#use((n) => n.predict(X)); }
  toJSON() { return this.#use((n) => n.toJSON()); }
  config() { return structuredClone(this.#use((n) => n.config())); }
  dispose() {
    if (!this.#net) return;
    const n = this.#net;
    this.#net = null;
    liveNetworks--;
    n.delete();
  }
}

// A new network (throws an Error naming the bad config field). The caller must dispose() it.
export function createNetwork(config) { return new NetworkHandle(config); }

// The data set ids the engine knows (classification and regression).
export function datasetIds() { return call((m) => Array.from(m.datasetIds())); }

// {name, inputDim, task, xTrain, yTrain, xTest, yTest}: fresh Float64Arrays (row-major N x inputDim).
export function makeDataset(name, options) {
  return call((m) => {
    const d = options === undefined ? m.makeDataset(name) : m.makeDataset(name, options);
    return { name: d.name, inputDim: d.inputDim, task: d.task, xTrain: d.xTrain, yTrain: d.yTrain, xTest: d.xTest, yTest: d.yTest };
  });
}
// ----------------------------------------------------------------- end of network section

// ----------------------------------------------------------------- experiments (B) (owner: expb)
// Zig-zag descent, activation timing, the leaky-family comparison and the section-10 guide.

// One SGD run of a two-weight neuron: {inputs, learningRate, tolerance, start, target, path, updates,
// sameSign (Uint8Array), steps, sameSignCount, convergedAt, points, moment, bounds, grid, loss}.
export function zigzagRun(options) {
  return call((m) => {
    const r = options === undefined ? m.zigzagRun() : m.zigzagRun(options);
    return {
      inputs: r.inputs, learningRate: r.learningRate, tolerance: r.tolerance, start: Array.from(r.start),
      target: Array.from(r.target), path: r.path, updates: r.updates, sameSign: r.sameSign, steps: r.steps,
      sameSignCount: r.sameSignCount, convergedAt: r.convergedAt, points: r.points, moment: Array.from(r.moment),
      bounds: Array.from(r.bounds), grid: r.grid, loss: r.loss,
    };
  });
}

// Times f and f' of one activation in wasm: {id, variant, n, reps, nsPerElementF, nsPerElementDf, checksum}.
// options: {n, reps, variant: 'default'|'branchy'|'branchless', params, seed}. Keep n * reps small
// (e.g. 20000 x 3) so one call stays well under a frame.
export function measureActivationSpeed(id, options) {
  return call((m) => {
    const r = options === undefined ? m.measureActivation(id) : m.measureActivation(id, options);
    return { id: r.id, variant: r.variant, n: r.n, reps: r.reps, nsPerElementF: r.nsPerElementF, nsPerElementDf: r.nsPerElementDf, checksum: r.checksum };
  });
}

function plainRecords(list) {
  return Array.from(list, (r) => ({
    trainLoss: r.trainLoss, evalTrainLoss: r.evalTrainLoss, testLoss: r.testLoss, testAccuracy: r.testAccuracy,
    alphas: r.alphas, diverged: r.diverged,
  }));
}

// Several leaky-family networks on the same data and initial weights. options: {runs:[{activation,
// params}], dataset, points, noise, testFraction, hidden, optimizer, learningRate, batchSize, seed}.
// evaluate()/step() -> one record per run {trainLoss, evalTrainLoss, testLoss, testAccuracy, alphas, diverged}.
// The caller must dispose() it.
export class LeakyCompareHandle {
  #c;
  constructor(options) { this.#c = call((m) => new m.LeakyCompare(options)); }
  #live() { if (!this.#c) throw new Error('LeakyCompare: already disposed'); return this.#c; }
  evaluate() { const c = this.#live(); return call(() => plainRecords(c.evaluate())); }
  step() { const c = this.#live(); return call(() => plainRecords(c.step())); }
  get epoch() { return this.#live().epoch(); }
  get runCount() { return this.#live().runCount(); }
  get disposed() { return !this.#c; }
  dispose() { if (this.#c) { const c = this.#c; this.#c = null; c.delete(); } }
}
export function createLeakyCompare(options) { return new LeakyCompareHandle(options); }

// Section 10: answers {selfNormalizing, speedCritical, overfitting, hugeTrainingSet, timeToCrossValidate}
// (booleans) -> {pick, advice:[{id, reason, anchor}], crossValidate:[ids]}.
export function activationGuide(answers) {
  return call((m) => {
    const g = answers === undefined ? m.activationGuide() : m.activationGuide(answers);
    return {
      pick: g.pick, advice: Array.from(g.advice, (a) => ({ id: a.id, reason: a.reason, anchor: a.anchor })),
      crossValidate: Array.from(g.crossValidate),
    };
  });
}

// The post's general order: ['selu', 'elu', 'leaky_relu', 'relu', 'tanh', 'sigmoid'].
export function activationRanking() { return call((m) => Array.from(m.activationRanking())); }
// ----------------------------------------------------------------- end of experiments (B)

// ----------------------------------------------------------------- experiments (A) (owner: expa)
// Universal approximation, gradient flow, dead neurons, self-normalisation (cpp/experiments.hpp).
// Each is a plain class owning one C++ object: call dispose() when done (idempotent); every
// method returns numbers, booleans, plain objects or fresh Float64Arrays.

class ExpHandle {
  #o;
  #name;
  constructor(name, make) { this.#name = name; this.#o = call(make); }
  // Runs fn(obj) through call(); throws once disposed.
  use(fn) {
    const o = this.#o;
    if (!o) throw new Error(`${this.#name}: already disposed`);
    return call(() => fn(o));
  }
  get disposed() { return !this.#o; }
  dispose() { if (this.#o) { const o = this.#o; this.#o = null; o.delete(); } }
}

// config: {target: 'sin'|'abs'|'step', units 1..64, activation, hiddenLayers 1..8, points, learningRate, seed}.
// One hidden layer of N units fitted to the target by full-batch Adam (one step per epoch).
export class Approximation extends ExpHandle {
  constructor(config) { super('Approximation', (m) => new m.ExpApprox(config ?? {})); }
  train(epochs) { return this.use((o) => o.train(epochs)); }          // -> training mse
  get mse() { return this.use((o) => o.mse()); }
  get epochs() { return this.use((o) => o.epochs()); }
  grid() { return this.use((o) => { const g = o.grid(); return { x: g.x, y: g.y }; }); }  // training points
  predict(xs) { return this.use((o) => o.predict(xs)); }
  // Linear nets only: {rows, cols, matrix, bias, maxAbsDiff, layers} = the one affine map y = M x + c.
  collapse() {
    return this.use((o) => {
      const c = o.collapse();
      return { rows: c.rows, cols: c.cols, matrix: c.matrix, bias: c.bias, maxAbsDiff: c.maxAbsDiff, layers: c.layers };
    });
  }
}

// config: {activation, depth 1..30, width 1..128, samples, init, learningRate, batchSize, seed}.
// layerNorms(): RMS per weight of dL/dW for hidden layers 1..depth then the output layer.
export class GradientFlow extends ExpHandle {
  constructor(config) { super('GradientFlow', (m) => new m.ExpGradientFlow(config ?? {})); }
  layerNorms() { return this.use((o) => o.layerNorms()); }
  get loss() { return this.use((o) => o.loss()); }
  train(epochs) { return this.use((o) => o.train(epochs)); }
  get epochs() { return this.use((o) => o.epochs()); }
}

// config: {activation, depth 1..8, width, samples, learningRate, biasInit -5..5, batchSize, optimizer, seed}.
// deadFractions(): per hidden layer, then the fraction over all hidden units (last element).
export class DeadNeurons extends ExpHandle {
  constructor(config) { super('DeadNeurons', (m) => new m.ExpDeadNeurons(config ?? {})); }
  train(epochs) { return this.use((o) => o.train(epochs)); }
  deadFractions() { return this.use((o) => o.deadFractions()); }
  get epochs() { return this.use((o) => o.epochs()); }
  get diverged() { return this.use((o) => o.diverged()); }
}

// config: {activation, depth 1..60, width 1..256, samples, rawInputs, init, skip, seed}.
// advance(k) pushes the batch through k more layers; mean()/std() have layersDone + 1 entries (0 = inputs).
export class SelfNorm extends ExpHandle {
  constructor(config) { super('SelfNorm', (m) => new m.ExpSelfNorm(config ?? {})); }
  advance(layers) { return this.use((o) => o.advance(layers)); }
  step(rows) { return this.use((o) => o.step(rows)); }                // up to `rows` samples of the current layer
  get layersDone() { return this.use((o) => o.layersDone()); }
  get done() { return this.use((o) => o.done()); }
  mean() { return this.use((o) => o.mean()); }
  std() { return this.use((o) => o.std()); }
}
// ----------------------------------------------------------------- end of experiments (A)
