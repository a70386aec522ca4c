// The benchmark workloads, JS side (bench/bench_native.cpp hard-codes the same ones and
// run-wasm.mjs checks that the names agree).
export const POINTS = 500;
export const DATASET = { name: 'circle', options: { n: POINTS, noise: 0.05, seed: 1, testFraction: 0 } };
export const TRAINING = [
  { name: '2-8-8-1 tanh', layers: [2, 8, 8, 1], activation: 'tanh' },
  { name: '2-8-8-1 relu', layers: [2, 8, 8, 1], activation: 'relu' },
  { name: '2-8x6-1 tanh', layers: [2, 8, 8, 8, 8, 8, 8, 1], activation: 'tanh' },
];
export const TRAIN_CONFIG = { loss: 'mse', optimizer: 'sgd', learningRate: 0.03, batchSize: 10, seed: 1 };
export const REP_SECONDS = 0.05;   // each timed repetition runs whole epochs for about this long
export const WARMUP_SECONDS = 1;   // each engine trains each workload this long before it is timed
export const ACTIVATION_N = 1_000_000;
export const GRID = 50;           // the decision-boundary grid of the frame workload: GRID x GRID

// The speed targets, as same-run ratios.
export const TARGETS = { tanhVsJs: 5, reluVsJs: 10, wasmVsNative: 0.8 };

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

// Centres of a GRID x GRID lattice over [-1, 1]^2, row-major (x fastest), as the page draws it.
export function gridPoints(g = GRID) {
  const X = new Float64Array(2 * g * g);
  for (let i = 0; i < g; i++)
    for (let j = 0; j < g; j++) {
      X[2 * (i * g + j)] = -1 + (2 * (j + 0.5)) / g;
      X[2 * (i * g + j) + 1] = -1 + (2 * (i + 0.5)) / g;
    }
  return X;
}
