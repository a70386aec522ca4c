// The benchmark's tools (bench/timing.mjs, bench/ab.mjs): the main-thread clock measures this
// thread's work and nothing of another thread's; the A/B script compares a build with itself
// to about 1 and refuses bad arguments. Needs dist/ (./build.sh build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOCK, processMs } from '../../bench/timing.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
const spin = (ms) => { const t = performance.now(); while (performance.now() - t < ms); };

test('main-thread clock: counts 150 ms spun here, not 300 ms spun meanwhile by a worker thread', { skip: process.platform !== 'linux' }, async () => {
  assert.equal(CLOCK.name, 'main-thread CPU time');
  const worker = new Worker('const t = performance.now(); while (performance.now() - t < 300); require("worker_threads").parentPort.postMessage(1);', { eval: true });
  await new Promise((r) => setTimeout(r, 20));  // the worker is spinning
  const m0 = CLOCK.now(), p0 = processMs();
  spin(150);
  const main = CLOCK.now() - m0, proc = processMs() - p0;
  await new Promise((r) => worker.once('message', r));
  await worker.terminate();
  // (CPU time can fall short of wall time on a busy machine, never exceed it)
  assert.ok(main <= 160 && main >= 40, `main thread ${main.toFixed(1)} ms for 150 ms of spinning`);
  assert.ok(proc - main >= 40, `the process counted the worker too: ${proc.toFixed(1)} vs ${main.toFixed(1)} ms`);
});

test('ab.mjs: a build against itself gives B/A near 1 for every workload; bad arguments and a missing binary are refused', () => {
  const ab = path.join(ROOT, 'bench/ab.mjs');
  const r = spawnSync(process.execPath, [ab, '--wasm', DIST, DIST, '--rounds', '3'], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, r.stderr);
  const rows = [...r.stdout.matchAll(/^ {2}(\S+ \S+) +B\/A (\d+\.\d+) \[(\d+\.\d+), (\d+\.\d+)\]$/gm)];
  assert.deepEqual(rows.map((m) => m[1]), ['2-8-8-1 tanh', '2-8-8-1 relu', '2-8x6-1 tanh'], r.stdout);
  for (const m of rows) {
    const [med, q1, q3] = [m[2], m[3], m[4]].map(Number);
    assert.ok(med > 0.5 && med < 2, `${m[1]}: the same build should compare to ~1, got ${med}`);
    assert.ok(q1 <= med && med <= q3, `${m[1]}: quartiles ${q1} ${med} ${q3}`);
  }
  for (const args of [['--wasm', DIST], ['--rounds', '0', '--wasm', DIST, DIST], ['--speed'], []]) {
    const bad = spawnSync(process.execPath, [ab, ...args], { encoding: 'utf8', timeout: 30000 });
    assert.equal(bad.status, 1, `${args.join(' ')}: ${bad.stdout}`);
    assert.match(bad.stderr, /^ab: .*usage: ab\.mjs --wasm/m);
  }
  const missing = path.join(DIST, 'no-such-bench_native');
  const gone = spawnSync(process.execPath, [ab, '--native', missing, missing], { encoding: 'utf8', timeout: 30000 });
  assert.equal(gone.status, 1);
  assert.match(gone.stderr, /^ab: .*no-such-bench_native: no such executable/m);
});
