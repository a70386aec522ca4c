// Wasm + plain-JS side of `./build.sh bench` (tools/bench.sh runs it after the native binary).
//   node bench/run-wasm.mjs [--dist DIR] [--native native.json] [--native-exe bench_native]
//                           [--out bench.json] [--quick]
// Runs the workloads of bench/workloads.mjs on dist/activations.js (wasm, in this Node) and on
// the plain-JS engine of bench/js-engine.mjs. With --native-exe, the native binary runs as a
// child (`bench_native --serve`) and the training repetitions interleave native, wasm, JS, so
// all three see the same machine load (the ratios stay honest on a busy machine). Merges the
// native JSON (activations, frame), prints the tables, writes the JSON.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JsNetwork } from './js-engine.mjs';
import * as W from './workloads.mjs';
import { summarize, printTables } from './report.mjs';
import { CLOCK, NativeChild, calibrate, timeRep, warmUp } from './timing.mjs';

function parseArgs(argv) {
  const a = { dist: process.env.DIST_DIR || 'dist', native: null, 'native-exe': null, out: null, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--quick') a.quick = true;
    else if (k === '--dist' || k === '--native' || k === '--native-exe' || k === '--out') {
      if (i + 1 >= argv.length) throw new Error(`${k} needs a value`);
      a[k.slice(2)] = argv[++i];
    } else throw new Error(`unknown argument ${k}; usage: run-wasm.mjs [--dist DIR] [--native FILE] [--native-exe FILE] [--out FILE] [--quick]`);
  }
  return a;
}

const now = CLOCK.now;
const log = (...m) => process.stderr.write(m.join(' ') + '\n');

async function benchTraining(M, data, reps, nativeExe) {
  const wasm = [], js = [], native = [];
  const child = nativeExe ? new NativeChild(nativeExe) : null;
  // The training set sits in wasm memory (Module.Data), as native's sits in its own: trainOn(set)
  // copies nothing per epoch, where trainEpoch(X, Y) copies both arrays in on every call.
  const set = new M.Data(data.xTrain, data.yTrain);
  for (const [k, w] of W.TRAINING.entries()) {
    const net = new M.Network({ layers: w.layers, activation: w.activation, ...W.TRAIN_CONFIG });
    const jsNet = new JsNetwork({ layers: w.layers, activation: w.activation, ...W.TRAIN_CONFIG });
    jsNet.setParameters(net.getParameters()); // same starting point for both engines
    let lossW = NaN, lossJ = NaN;
    const stepW = () => { lossW = net.trainOn(set); };
    const stepJ = () => { lossJ = jsNet.trainEpoch(data.xTrain, data.yTrain); };
    warmUp(stepW);
    warmUp(stepJ);
    const eW = calibrate(stepW), eJ = calibrate(stepJ);
    const eN = child ? (await child.ask(`calibrate ${k}`))[0] : 0;
    const rW = [], rJ = [], rN = [], hW = [], hJ = [];
    let lossN = NaN;
    for (let r = 0; r < reps; r++) {
      if (child) {
        const [rate, loss] = await child.ask(`train ${k} ${eN}`);
        rN.push(rate);
        lossN = loss;
      }
      rW.push(timeRep(stepW, eW, hW));
      rJ.push(timeRep(stepJ, eJ, hJ));
    }
    if (child) {
      log(`  native ${w.name.padEnd(14)} ${W.median(rN).toFixed(0).padStart(10)} samples/s (loss ${lossN.toFixed(4)}, interleaved)`);
      native.push({ name: w.name, epochsPerRep: eN, samplesPerSec: W.median(rN), finalLoss: lossN, reps: rN, interleaved: true });
    }
    net.delete();
    log(`  wasm   ${w.name.padEnd(14)} ${W.median(rW).toFixed(0).padStart(10)} samples/s (loss ${lossW.toFixed(4)})`);
    log(`  js     ${w.name.padEnd(14)} ${W.median(rJ).toFixed(0).padStart(10)} samples/s (loss ${lossJ.toFixed(4)})`);
    // Ratios of the repetitions that ran back to back (one round: native, wasm, JS), then their
    // median: a slow phase of the machine hits both sides of a pair, not one engine's median.
    const paired = (a, b) => W.median(a.map((x, i) => x / b[i]));
    const helperShare = (h) => (h.length ? W.median(h) : null);
    wasm.push({ name: w.name, epochsPerRep: eW, samplesPerSec: W.median(rW), finalLoss: lossW, reps: rW,
      pairedVsJs: paired(rW, rJ), pairedVsNative: child ? paired(rW, rN) : null, helperThreadShare: helperShare(hW) });
    js.push({ name: w.name, epochsPerRep: eJ, samplesPerSec: W.median(rJ), finalLoss: lossJ, reps: rJ, helperThreadShare: helperShare(hJ) });
  }
  child?.close();
  set.delete();
  return { wasm, js, native: child ? native : null };
}

function benchActivations(M, reps) {
  const out = [];
  const one = (id, variant) => {
    const r = M.measureActivation(id, { n: W.ACTIVATION_N, reps, variant, seed: 1 });
    out.push({ id, variant, nsPerElementF: r.nsPerElementF, nsPerElementDf: r.nsPerElementDf,
      bestNsPerElementF: r.bestNsPerElementF, bestNsPerElementDf: r.bestNsPerElementDf, checksum: r.checksum });
  };
  for (const id of M.activationIds()) one(id, 'default');
  one('relu', 'branchless');
  one('relu', 'branchy');
  for (const id of ['sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'silu', 'gelu', 'gelu_tanh', 'mish', 'hardswish']) one(id, 'fast');
  log('  wasm activations done');
  return out;
}

// The page's frame: every activation's 2-8-8-1 network trains one epoch and predicts the grid,
// through the same JS API the page uses (the race's training set in wasm memory; the grid's
// predictions copied out).
function benchFrame(M, data, frames) {
  // the race's ten: the post's activations, the first ten ids (as bench_native.cpp)
  const nets = M.activationIds().slice(0, 10).map((id) => new M.Network({ layers: [2, 8, 8, 1], activation: id }));
  const set = new M.Data(data.xTrain, data.yTrain);
  const grid = W.gridPoints();
  const ms = [];
  for (let f = -5; f < frames; f++) {
    const t0 = now();
    for (const net of nets) {
      net.trainOn(set);
      net.predict(grid);
    }
    if (f >= 0) ms.push(now() - t0);
  }
  for (const net of nets) net.delete();
  set.delete();
  log(`  wasm frame ${W.median(ms).toFixed(3)} ms`);
  return { networks: nets.length, msPerFrame: W.median(ms), reps: ms };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const require = createRequire(import.meta.url);
  const M = await require(path.resolve(args.dist, 'activations.js'))();
  const data = M.makeDataset(W.DATASET.name, W.DATASET.options);
  if (data.yTrain.length !== W.POINTS) throw new Error(`expected ${W.POINTS} training points, got ${data.yTrain.length}`);
  const reps = args.quick ? 3 : 25;
  const native = args.native ? JSON.parse(fs.readFileSync(args.native, 'utf8')) : null;
  const training = await benchTraining(M, data, reps, args['native-exe']);
  if (training.native) {
    if (!native) throw new Error('--native-exe needs --native (the activation and frame results)');
    native.standaloneTraining = native.training;  // the non-interleaved run, kept for reference
    native.training = training.native;
  }
  const result = {
    date: new Date().toISOString(),
    clock: CLOCK.name,
    pinnedCpu: process.env.BENCH_PINNED_CPU ?? null,  // tools/bench.sh runs every engine on this one CPU
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, platform: `${os.type()} ${os.arch()}` },
    workloads: { dataset: W.DATASET, training: W.TRAINING, trainConfig: W.TRAIN_CONFIG, repetitions: reps, activationN: W.ACTIVATION_N, grid: W.GRID },
    native,
    wasm: { training: training.wasm, activations: benchActivations(M, args.quick ? 3 : 9), frame: benchFrame(M, data, args.quick ? 5 : 21) },
    js: { training: training.js },
  };
  result.summary = summarize(result);
  printTables(result);
  if (args.out) {
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, JSON.stringify(result, null, 1) + '\n');
    console.log(`\nwrote ${args.out}`);
  }
}

main().catch((e) => {
  console.error(`run-wasm: ${String(e && e.message ? e.message : e).slice(0, 500)}`);
  process.exit(1);
});
