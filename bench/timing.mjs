// What the benchmark scripts share (run-wasm.mjs, ab.mjs): the clock, and bench_native run as a
// child process.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { REP_SECONDS, WARMUP_SECONDS, POINTS } from './workloads.mjs';

// CPU time in ms, not wall time: on a machine shared with other jobs, wall time mostly measures
// the scheduler. The CPU time of this thread only, where wasm and the JS engine run: Node's
// process.cpuUsage() also counts V8's helper threads (background compilation, GC), which ran
// 0-50 % on top of the main thread's time while training here, and the single-threaded native side
// (CLOCK_PROCESS_CPUTIME_ID) has no such threads. On Linux: the process's CPU time (exact) minus
// every other thread's from /proc/self/task/*/schedstat (exact for a thread that is not running;
// a thread's own entry is only brought up to date at scheduler ticks, 4 ms here, so it is not read).
// About 0.1 ms per reading. Elsewhere the process CPU time is used and the report says so.
export const processMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
const TASKS = '/proc/self/task', ME = String(process.pid);
const otherThreadsMs = () => {
  let ns = 0;
  for (const t of fs.readdirSync(TASKS)) {
    if (t === ME) continue;
    try {
      ns += Number(fs.readFileSync(`${TASKS}/${t}/schedstat`, 'utf8').split(' ')[0]) || 0;
    } catch { /* the thread ended meanwhile */ }
  }
  return ns / 1e6;
};
const mainThreadMs = () => {
  const others = otherThreadsMs();
  return processMs() - others;
};
export const CLOCK = (() => {
  try {
    if (Number.isFinite(mainThreadMs()) && fs.readdirSync(TASKS).includes(ME)) return { now: mainThreadMs, name: 'main-thread CPU time' };
  } catch { /* not Linux: below */ }
  return { now: processMs, name: 'process CPU time (V8 helper threads included)' };
})();
// The native binary as a child process speaking bench_native's --serve line protocol.
export class NativeChild {
  constructor(exe) {
    try {
      fs.accessSync(exe, fs.constants.X_OK);
    } catch {
      throw new Error(`${exe}: no such executable (a bench_native binary: build/native/bench_native)`);
    }
    this.proc = spawn(exe, ['--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.proc.on('error', (e) => { this.failure = e; });  // reported by ask(): the output ends
    this.proc.stdin.on('error', () => {});                 // (writes to a child that is gone)
    this.lines = readline.createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]();
  }
  async ask(cmd) {
    this.proc.stdin.write(cmd + '\n');
    const { value, done } = await this.lines.next();
    if (done || value.startsWith('error'))
      throw new Error(`bench_native --serve: '${cmd}' -> ${value ?? (this.failure ? this.failure.message : 'exited')}`);
    return value.split(' ').map(Number);
  }
  close() {
    this.proc.stdin.end('quit\n');
  }
}

// Trains for `seconds` before anything is timed. V8 starts wasm in its baseline tier and compiles
// each function with the optimising tier in the background once it is hot; with only ~50 ms of
// calibration, the tanh kernel's optimised code once arrived at the 21st of 25 reps (4.0 -> 5.5 M
// samples/s), so that run timed the baseline tier. (Compiling everything optimised up front,
// node --no-liftoff, made tanh training 3x slower: without baseline-tier feedback V8 inlines less.)
export function warmUp(trainEpoch, seconds = WARMUP_SECONDS) {
  const t0 = processMs();
  while (processMs() - t0 < seconds * 1e3) trainEpoch();
}

// Whole epochs for about REP_SECONDS: the epoch count used for every timed repetition.
export function calibrate(trainEpoch) {
  let epochs = 0;
  const t0 = processMs();  // (cheap to read once per epoch; only sizes the repetitions)
  while (processMs() - t0 < REP_SECONDS * 1e3) {
    trainEpoch();
    epochs++;
  }
  return epochs;
}

// samples/s of one repetition; helpers collects how much CPU time V8's helper threads added on
// top of the main thread's (a fraction), which the rates leave out and the report prints.
export function timeRep(trainEpoch, epochs, helpers = null) {
  const p0 = processMs(), t0 = CLOCK.now();
  for (let e = 0; e < epochs; e++) trainEpoch();
  const t = CLOCK.now() - t0, p = processMs() - p0;
  if (helpers && CLOCK.now !== processMs) helpers.push(Math.max(0, p - t) / t);
  return (epochs * POINTS) / (t / 1e3);
}
