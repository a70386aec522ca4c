// The race itself, without any DOM: one data set, one network per activation (same seed, so the
// same initial weights wherever the shapes agree), trained one epoch at a time in round-robin so
// the slowest network sets the pace. Loss histories, accuracy, epochs to a target loss, measured
// time per epoch and divergence per network. Every Network is owned here and freed by dispose().
import * as engine from '../../engine.js';
import { gridPoints } from '../../plot/heatmap.js';
import { toArrays } from './data.js';

export const DATASETS = ['circle', 'xor', 'gaussian', 'spiral', 'spiral3'];
// 1-D targets (the core's regression sets): trained with MSE, drawn as fitted curves.
export const REGRESSION = ['sin', 'abs', 'step'];
export const CUSTOM = 'custom'; // the reader's own points (cfg.points)
// Classes of a data set: spiral3 has three (softmax over three logits, loss cross_entropy), the rest two
// (one logit, bce).
export const classCount = (dataset) => (dataset === 'spiral3' ? 3 : 2);
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'];
// One initialiser for every network of a race, so the same seed gives every activation exactly the
// same starting weights (shapes permitting) and the differences come from the activation alone.
// 'default' picks each activation's usual init instead (same draws, different scales).
export const INITS = ['glorot_uniform', 'he_normal', 'lecun_normal', 'default'];
export const TARGET_LOSS = 0.1;   // "epochs to reach" this training loss (bce, or cross_entropy)
export const TARGET_MSE = 0.01;   // the same for a regression race (mse)
export const CURVE_POINTS = 161;  // a regression fit is drawn from this many x in DOMAIN
export const GRID = 40;           // decision-boundary grid: GRID x GRID predictions
export const DOMAIN = [-1.3, 1.3]; // inputs live in about [-1, 1]; noise spills a little over
const DATA_POINTS = 500;           // train + test (test fraction 0.2)
const MAX_HISTORY = 4000;          // longer histories keep every 2nd point (stride doubles)

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const GRAD_BLOWUP = 1e6;           // a gradient norm above this counts as blown up
const WEIGHT_BLOWUP = 1e6;         // and so does a weight (Glorot/He starts are below ~3)
const linspace = (a, b, n) => Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

// A regression set's noise-free target from the core, sorted by x: {x, y}.
function targetCurve(cfg) {
  const t = engine.makeDataset(cfg.dataset, { n: 400, noise: 0, seed: cfg.seed, testFraction: 0 });
  const order = [...t.xTrain.keys()].sort((a, b) => t.xTrain[a] - t.xTrain[b]);
  return { x: Float64Array.from(order, (i) => t.xTrain[i]), y: Float64Array.from(order, (i) => t.yTrain[i]) };
}

// The race's data set: the reader's points (custom), else one of the core's sets.
function loadData(cfg) {
  if (cfg.dataset === CUSTOM) {
    const { xy, labels } = toArrays(cfg.points);
    // a fifth held out for testing, and at least one point even in a tiny drawing
    return engine.datasetFromPoints(xy, labels, { seed: cfg.seed, testFraction: Math.max(0.2, 1 / labels.length) });
  }
  return engine.makeDataset(cfg.dataset, { n: DATA_POINTS, noise: cfg.noise, seed: cfg.seed, testFraction: 0.2 });
}

// cfg: {dataset, points?: [{x, y, c}] (custom), noise, seed, layers: [8, 8], lr, lrFor?: {id: lr},
// optimizer, batch, init, activations: [...], epochs, maxHistory?}
export class Race {
  constructor(cfg) {
    this.cfg = cfg;
    this.maxHistory = cfg.maxHistory ?? MAX_HISTORY;
    this.data = loadData(cfg);
    this.regression = this.data.task === 'regression';
    this.targetLoss = this.regression ? TARGET_MSE : TARGET_LOSS;
    // classification: a grid over the plane; regression: x along the line, and the target drawn from the core
    this.grid = this.regression ? linspace(DOMAIN[0], DOMAIN[1], CURVE_POINTS) : gridPoints(GRID, DOMAIN[0], DOMAIN[1]);
    if (this.regression) this.truth = targetCurve(cfg);
    this.points = { x: this.data.xTrain, y: this.data.yTrain }; // drawn on every boundary
    this.classes = this.data.classes; // > 2: C output logits and cross_entropy, boundaries by predicted class
    this.entries = [];
    this.sets = []; // the training and test sets in wasm memory, shared by every network
    try {
      this.sets.push(engine.createData(this.data.xTrain, this.data.yTrain));
      this.sets.push(engine.createData(this.data.xTest, this.data.yTest)); // (one at a time: dispose() frees what was made)
      for (const id of cfg.activations) {
        const net = engine.createNetwork({
          layers: [this.data.inputDim, ...cfg.layers, this.classes > 2 ? this.classes : 1], activation: id,
          loss: this.regression ? 'mse' : this.classes > 2 ? 'cross_entropy' : 'bce',
          optimizer: cfg.optimizer, learningRate: this.lrOf(id), batchSize: cfg.batch, seed: cfg.seed,
          init: cfg.init ?? INITS[0],
        });
        this.entries.push({
          id, net, epochs: 0, ms: 0, diverged: false, hitEpoch: null, stride: 1,
          hist: { epoch: [], train: [], test: [] }, lastTrain: NaN, lastTest: NaN,
          accTrain: NaN, accTest: NaN, boundary: null, boundaryEpoch: -1,
        });
      }
    } catch (e) {
      this.dispose();
      throw e;
    }
    for (const e of this.entries) e.lastTest = e.net.loss(this.sets[1]); // boundaries: measure(), lazily
  }

  // A network's learning rate: the race's, unless the reader lowered this one's (cfg.lrFor).
  lrOf(id) { return this.cfg.lrFor?.[id] ?? this.cfg.lr; }

  get target() { return Number.isFinite(this.cfg.epochs) ? this.cfg.epochs : Infinity; }
  active(e) { return !e.diverged && e.epochs < this.target; }
  // Epochs every still-training network has completed (the race's clock).
  get epoch() {
    const live = this.entries.filter((e) => !e.diverged);
    return live.length ? Math.min(...live.map((e) => e.epochs)) : Math.max(0, ...this.entries.map((e) => e.epochs));
  }
  get finished() { return this.entries.every((e) => !this.active(e)); }

  // One epoch of the network that lags behind; false when no network has anything left to do.
  stepOne() {
    let best = null;
    for (const e of this.entries) if (this.active(e) && (!best || e.epochs < best.epochs)) best = e;
    if (!best) return false;
    this.trainEntry(best);
    return true;
  }

  // Brings every network that is still training to the race's next epoch (the "step" button).
  stepAll() {
    const next = this.epoch + 1;
    for (const e of this.entries) if (this.active(e) && e.epochs < next) this.trainEntry(e);
  }

  trainEntry(e) {
    const [trainSet, testSet] = this.sets, t0 = performance.now();
    const train = e.net.train(trainSet);
    e.ms += performance.now() - t0;
    if (!Number.isFinite(train) || e.net.diverged) { // stop this one; remember where (for the chart)
      Object.assign(e, { diverged: true, divergedAt: e.epochs + 1, divergedLoss: Number.isFinite(e.lastTrain) ? e.lastTrain : e.lastTest, lastTrain: NaN });
      e.blowup = this.diagnose(e);
      return;
    }
    const test = e.net.loss(testSet);
    e.epochs++;
    e.lastTrain = train;
    e.lastTest = test;
    if (e.hitEpoch === null && train < this.targetLoss) e.hitEpoch = e.epochs;
    if (e.epochs % e.stride === 0) {
      e.hist.epoch.push(e.epochs); e.hist.train.push(train); e.hist.test.push(test);
      if (e.hist.epoch.length > this.maxHistory) { // keep memory flat over hour-long races
        for (const k of ['epoch', 'train', 'test']) e.hist[k] = e.hist[k].filter((_, i) => i % 2 === 1);
        e.stride *= 2;
      }
    }
  }

  // Which quantity blew up, measured at the last finite weights (training stopped there): the weights
  // themselves when already huge, else the loss of the whole training set, else its gradient, else
  // the weights the failed step would have made.
  // {what: 'loss'|'gradient'|'weights', loss, gradNorm, maxWeight, before: the last finite epoch loss}.
  diagnose(e) {
    const d = this.data, w = e.net.getParameters();
    let maxWeight = 0;
    for (const v of w) maxWeight = Math.max(maxWeight, Math.abs(v));
    let loss = NaN, gradNorm = NaN;
    try {
      const lg = e.net.lossAndGradient(d.xTrain, d.yTrain);
      loss = lg.loss;
      let s = 0;
      for (const g of lg.gradient) s += g * g;
      gradNorm = Math.sqrt(s);
    } catch { /* leave NaN: reported as the loss */ }
    const what = maxWeight > WEIGHT_BLOWUP ? 'weights' : !Number.isFinite(loss) ? 'loss'
      : !Number.isFinite(gradNorm) || gradNorm > GRAD_BLOWUP ? 'gradient' : 'weights';
    return { what, loss, gradNorm, maxWeight, before: e.divergedLoss };
  }

  // Fresh decision-boundary probabilities (GRID*GRID; C classes: GRID*GRID*C, softmax from the core)
  // and train/test accuracy for one network; for a regression race the fitted curve over this.grid
  // and train/test R² (in accTrain/accTest).
  measure(e) {
    const d = this.data;
    e.boundaryEpoch = e.epochs; // the boundary (and accuracies) below are of this epoch's weights
    if (this.classes > 2) { // argmax accuracy, computed in the core on the sets it already holds
      e.boundary = e.net.probabilities(this.grid);
      e.accTrain = e.net.accuracy(this.sets[0]);
      e.accTest = e.net.accuracy(this.sets[1]);
      return;
    }
    if (this.regression) {
      e.boundary = e.net.predict(this.grid);
      const r2 = (X, Y) => {
        if (!Y.length) return NaN;
        const z = e.net.predict(X);
        let mean = 0, res = 0, tot = 0;
        for (const v of Y) mean += v / Y.length;
        for (let i = 0; i < Y.length; i++) { res += (z[i] - Y[i]) ** 2; tot += (Y[i] - mean) ** 2; }
        return tot > 0 ? 1 - res / tot : NaN;
      };
      e.accTrain = r2(d.xTrain, d.yTrain);
      e.accTest = r2(d.xTest, d.yTest);
      return;
    }
    e.boundary = e.net.predict(this.grid).map(sigmoid);
    const acc = (X, Y) => {
      const z = e.net.predict(X);
      let ok = 0;
      for (let i = 0; i < Y.length; i++) if ((z[i] > 0 ? 1 : 0) === (Y[i] > 0.5 ? 1 : 0)) ok++;
      return Y.length ? ok / Y.length : NaN;
    };
    e.accTrain = acc(d.xTrain, d.yTrain);
    e.accTest = acc(d.xTest, d.yTest);
  }

  msPerEpoch(e) { return e.epochs ? e.ms / e.epochs : NaN; }

  // {id: {epoch: [...], train: [...], test: [...]}} copies, for events.
  histories() {
    const out = {};
    for (const e of this.entries) out[e.id] = { epoch: e.hist.epoch.slice(), train: e.hist.train.slice(), test: e.hist.test.slice() };
    return out;
  }

  // Per-epoch losses, one row per recorded epoch: epoch, <id>_train, <id>_test, ...
  csv() {
    const ids = this.entries.map((e) => e.id);
    const rows = [['epoch', ...ids.flatMap((id) => [`${id}_train`, `${id}_test`])].join(',')];
    const byEpoch = new Map();
    this.entries.forEach((e, k) => e.hist.epoch.forEach((ep, i) => {
      if (!byEpoch.has(ep)) byEpoch.set(ep, new Array(ids.length * 2).fill(''));
      byEpoch.get(ep)[2 * k] = String(e.hist.train[i]);
      byEpoch.get(ep)[2 * k + 1] = String(e.hist.test[i]);
    }));
    for (const ep of [...byEpoch.keys()].sort((a, b) => a - b)) rows.push([ep, ...byEpoch.get(ep)].join(','));
    return rows.join('\n') + '\n';
  }

  dispose() {
    for (const e of this.entries) e.net.dispose();
    for (const s of this.sets) s.dispose();
    this.entries = [];
    this.sets = [];
  }
}
