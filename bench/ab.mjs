// Interleaved A/B of two builds on the training workloads of bench/workloads.mjs: is B faster than
// A, and by how much? Rounds run A and B back to back (who goes first alternates) and the median
// of the per-round ratios B/A is printed with its quartiles. A slow phase of a shared machine
// (this one has phases of seconds at half speed) then hits both sides of a ratio, which it does
// not in two separate `./build.sh bench` runs.
//   node bench/ab.mjs --wasm DIR_A DIR_B [--rounds N]     directories holding activations.js
//                                                         (a dist/ or a build/wasm of each build;
//                                                         trains through trainEpoch(X, Y), which
//                                                         every build has)
//   node bench/ab.mjs --native EXE_A EXE_B [--rounds N]   two bench_native binaries
// Prints one line per workload and exits 0; it judges nothing.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as W from './workloads.mjs';
import { CLOCK, NativeChild, calibrate, timeRep, warmUp } from './timing.mjs';

function parseArgs(argv) {
  const usage = 'usage: ab.mjs --wasm DIR_A DIR_B | --native EXE_A EXE_B [--rounds N]';
  const a = { mode: null, builds: [], rounds: 31 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--wasm' || k === '--native') {
      if (a.mode || i + 2 >= argv.length) throw new Error(usage);
      a.mode = k.slice(2);
      a.builds = [argv[++i], argv[++i]];
    } else if (k === '--rounds') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`--rounds must be an integer in [1, 1000]; ${usage}`);
      a.rounds = n;
    } else throw new Error(`unknown argument ${k}; ${usage}`);
  }
  if (!a.mode) throw new Error(usage);
  return a;
}

// One side of the comparison: rep(k, epochs) -> samples/s of workload k.
async function wasmSide(dir) {
  const require = createRequire(import.meta.url);
  const M = await require(path.resolve(dir, 'activations.js'))();
  const data = M.makeDataset(W.DATASET.name, W.DATASET.options);
  const nets = W.TRAINING.map((w) => new M.Network({ layers: w.layers, activation: w.activation, ...W.TRAIN_CONFIG }));
  const step = (k) => () => nets[k].trainEpoch(data.xTrain, data.yTrain);
  return {
    calibrate: async (k) => calibrate(step(k)),
    warmUp: async (k) => warmUp(step(k)),
    rep: async (k, epochs) => timeRep(step(k), epochs),
    close() { for (const n of nets) n.delete(); },
  };
}

function nativeSide(exe) {
  const child = new NativeChild(exe);
  return {
    calibrate: async (k) => (await child.ask(`calibrate ${k}`))[0],
    rep: async (k, epochs) => (await child.ask(`train ${k} ${epochs}`))[0],
    close() { child.close(); },
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sides = args.mode === 'wasm' ? await Promise.all(args.builds.map(wasmSide)) : args.builds.map(nativeSide);
  const q = (v, f) => v[Math.min(v.length - 1, Math.floor(f * v.length))];
  console.log(`A/B (${args.mode}): B/A = B's samples/s over A's; median over ${args.rounds} rounds [quartiles]; ${args.mode === 'wasm' ? CLOCK.name : 'process CPU time'}`);
  console.log(`  A ${args.builds[0]}\n  B ${args.builds[1]}`);
  for (const [k, w] of W.TRAINING.entries()) {
    for (const s of sides) await s.warmUp?.(k); // wasm: until V8's optimised code is in (timing.mjs)
    const epochs = await sides[0].calibrate(k);
    for (const s of sides) await s.rep(k, epochs);
    const ratios = [];
    for (let r = 0; r < args.rounds; r++) {
      const order = r % 2 ? [1, 0] : [0, 1], rate = [];
      for (const i of order) rate[i] = await sides[i].rep(k, epochs);
      ratios.push(rate[1] / rate[0]);
    }
    ratios.sort((x, y) => x - y);
    console.log(`  ${w.name.padEnd(14)} B/A ${W.median(ratios).toFixed(3)} [${q(ratios, 0.25).toFixed(3)}, ${q(ratios, 0.75).toFixed(3)}]`);
  }
  for (const s of sides) s.close();
}

main().catch((e) => {
  console.error(`ab: ${String(e && e.message ? e.message : e).slice(0, 500)}`);
  process.exit(1);
});
