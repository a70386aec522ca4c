// kit.js FrameLoop's frame budget, on a fake clock (deterministic, no timing): it measures its
// own steps and drawing, runs fewer steps per frame on a slower CPU instead of a longer frame,
// counts the drawing against the budget, still moves on when one step is over the budget, and
// keeps its interface (start/stop/running/budgetMs/paced/lastFrameWorkMs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { FrameLoop, sharedFrame, SHARED_FRAME_MS, DRAWING_FRAME_MS } from '../../web/js/ui/kit.js';

// A fake machine: `now` advances only when a step or a drawing "costs" time.
// With `renderCost`, the browser's rendering after a frame that drew costs that much (the loop
// hears of it through frames.after); with `vsync`, frames begin at most every `vsync` ms.
function machine({ stepCost = () => 1, drawCost = () => 0, budgetMs = 10, paced = false, total = Infinity, shared = sharedFrame(), renderCost, vsync = 0 } = {}) {
  const m = { now: 0, queued: null, requests: 0, cancels: 0, steps: 0, frames: [], afters: [], draws: 0 };
  let frameSteps = 0, frameStart = 0, stepsDone = 0;
  m.loop = new FrameLoop({
    budgetMs, paced, shared,
    step: () => { m.now += stepCost(stepsDone, m); stepsDone++; frameSteps++; m.steps++; return stepsDone < total; },
    draw: () => { m.draws++; m.now += drawCost(m.frames.length, m); },
    clock: () => m.now,
    frames: { request: (f) => { m.requests++; m.queued = f; return m.requests; }, cancel: () => { m.cancels++; m.queued = null; },
      ...(renderCost ? { after: (f) => m.afters.push(f) } : {}) },
  });
  // Runs one animation frame (if one is queued); records its steps and its total time.
  m.frame = () => {
    const f = m.queued;
    if (!f) return false;
    m.queued = null;
    frameSteps = 0;
    frameStart = m.now;
    const draws = m.draws;
    f(m.now);
    const drew = m.draws > draws;
    if (m.afters.length) { m.now += renderCost(); for (const a of m.afters.splice(0)) a(); }
    m.frames.push({ steps: frameSteps, ms: m.now - frameStart, work: m.loop.lastFrameWorkMs, drew });
    m.now = Math.max(m.now, frameStart + vsync);
    return true;
  };
  m.run = (n) => { for (let i = 0; i < n && m.frame(); i++); return m; };
  return m;
}
const after = (m, k) => m.frames.slice(k);

test('steps cost 1 ms, budget 10 ms: every frame stays within the budget and uses it (one more step would overrun)', () => {
  const m = machine({ stepCost: () => 1 });
  m.loop.start();
  m.run(30);
  assert.equal(m.frames.length, 30);
  for (const f of m.frames) {
    assert.ok(f.ms <= 10, `frame of ${f.ms} ms`);
    assert.ok(f.ms + 1 > 10, `frame of ${f.ms} ms left room for another 1 ms step`);
  }
  assert.equal(m.loop.stepMs, 1);
  assert.equal(m.loop.lastFrameWorkMs, m.frames.at(-1).work);
});

test('a CPU four times slower runs about a quarter of the steps per frame, in frames no longer than the budget', () => {
  const fast = machine({ stepCost: () => 0.7 }), slow = machine({ stepCost: () => 2.8 });
  for (const m of [fast, slow]) { m.loop.start(); m.run(40); }
  const per = (m) => after(m, 2).reduce((s, f) => s + f.steps, 0) / (m.frames.length - 2);
  for (const m of [fast, slow]) for (const f of after(m, 1)) assert.ok(f.ms <= 10, `frame of ${f.ms} ms`);
  const ratio = per(fast) / per(slow);
  assert.ok(ratio >= 3 && ratio <= 5, `steps per frame ${per(fast)} vs ${per(slow)} (ratio ${ratio})`);
  // the plain "while elapsed < budget" loop would run ceil(10 / 2.8) = 4 steps = 11.2 ms frames
  assert.ok(Math.max(...slow.frames.map((f) => f.ms)) < Math.ceil(10 / 2.8) * 2.8);
});

test('the drawing is counted: with a 4 ms draw, steps get the rest of the budget', () => {
  const m = machine({ stepCost: () => 1, drawCost: () => 4 });
  m.loop.start();
  m.run(60);
  assert.ok(Math.abs(m.loop.drawMs - 4) < 1e-9, `drawMs ${m.loop.drawMs}`);
  for (const f of after(m, 1)) {
    assert.ok(f.ms <= 10, `frame of ${f.ms} ms (steps ${f.work} + draw 4)`);
    assert.ok(f.work <= 6 && f.work >= 5, `steps took ${f.work} ms`);
  }
});

test('a drawing dearer than half the budget is spaced: a third of the time at most, the frames between run steps only', () => {
  // draw() 12 ms against a 10 ms budget: drawn every 3 × 12 = 36 ms; one 1-ms step beside it (13 ms
  // stays under DRAWING_FRAME_MS)
  const heavy = machine({ stepCost: () => 1, drawCost: () => 12 });
  heavy.loop.start();
  heavy.run(40);
  assert.equal(heavy.loop.drawEveryMs, 36);
  const later = after(heavy, 2);
  for (const f of later) assert.ok(f.drew ? f.steps === 1 && f.ms === 13 : f.steps >= 9 && f.ms <= 10, JSON.stringify(f));
  const drawn = later.filter((f) => f.drew).length;
  assert.ok(drawn >= 8 && drawn <= 12, `${drawn} drawings in ${later.length} frames`);
  assert.ok(heavy.steps >= 250, `the work moves on: ${heavy.steps} steps`);
  // a 30 ms step beside the 12 ms drawing would make a frame over DRAWING_FRAME_MS: that frame only draws
  const slow = machine({ stepCost: () => 30, drawCost: () => 12 });
  slow.loop.start();
  slow.run(40);
  assert.ok(30 + 12 > DRAWING_FRAME_MS);
  const s = after(slow, 2);
  for (const f of s) assert.ok(f.drew ? f.steps === 0 && f.ms === 12 : f.steps === 1 && f.ms === 30, JSON.stringify(f));
  assert.ok(s.filter((f) => f.drew).length >= 5, JSON.stringify(s.map((f) => f.drew)));
  // after a restart the first frame steps before it draws (a drawing shows the work's state after a step)
  heavy.loop.stop();
  heavy.now += 100;
  heavy.loop.start();
  heavy.run(1);
  assert.ok(heavy.frames.at(-1).drew && heavy.frames.at(-1).steps >= 1, JSON.stringify(heavy.frames.at(-1)));
});

test("the browser's rendering after a drawing counts: a cheap draw() with a dear commit is spaced too", () => {
  // draw() 2 ms, then 30 ms of style, layout and canvas commit; steps of 10 ms; frames every 16.7 ms
  const m = machine({ stepCost: () => 10, drawCost: () => 2, renderCost: () => 30, budgetMs: 12, vsync: 16.7, total: 200 });
  m.loop.start();
  m.run(400);
  assert.equal(m.loop.renderMs, 30);
  assert.equal(m.loop.drawCostMs, 32);
  assert.equal(m.loop.drawEveryMs, 96);
  const later = after(m, 3);
  // no frame is longer than one drawing with its rendering, and none that draws runs a step (10 + 32 > 40)
  for (const f of later) assert.ok(f.ms <= 32 && (!f.drew || f.steps === 0), JSON.stringify(f));
  const gaps = [];
  let last = -1;
  later.forEach((f, i) => { if (f.drew) { if (last >= 0) gaps.push(i - last); last = i; } });
  assert.ok(gaps.slice(0, -1).every((g) => g >= 3), `frames between drawings: ${gaps}`);
  // the last frame (no more work) draws, even between two spaced drawings
  assert.equal(m.loop.running, false);
  assert.equal(m.steps, 200);
  assert.equal(m.frames.at(-1).drew, true);
  // a cheap drawing with a cheap rendering still draws every frame
  const cheap = machine({ stepCost: () => 1, drawCost: () => 1, renderCost: () => 4, budgetMs: 12, vsync: 16.7 });
  cheap.loop.start();
  cheap.run(30);
  assert.equal(cheap.loop.drawEveryMs, 0);
  assert.ok(cheap.frames.every((f) => f.drew));
  // (unspaced, the steps get the budget less draw() alone, as before the rendering was measured)
  assert.ok(after(cheap, 2).every((f) => f.work <= 12 - 1 && f.work >= 12 - 1 - 1), JSON.stringify(cheap.frames.slice(2, 4)));
  // and a loop that spaces its own drawings (spaceDrawings false) is called every frame
  const own = machine({ stepCost: () => 1, drawCost: () => 2, renderCost: () => 30, budgetMs: 12, vsync: 16.7 });
  own.loop.spaceDrawings = false;
  own.loop.start();
  own.run(30);
  assert.ok(own.frames.every((f) => f.drew));
  assert.ok(after(own, 2).every((f) => f.steps === 10), `steps get the budget less draw() alone: ${own.frames.map((f) => f.steps)}`);
});

test('a step longer than the whole budget still runs, one per frame, until the work is done', () => {
  const m = machine({ stepCost: () => 15, total: 7 });
  m.loop.start();
  m.run(100);
  assert.equal(m.steps, 7);
  assert.equal(m.frames.length, 7);
  assert.ok(m.frames.every((f) => f.steps === 1));
  assert.equal(m.loop.running, false);
  assert.equal(m.queued, null, 'no frame requested after the last step');
});

test('when the CPU slows down mid-run only the frame where it happens overruns, by at most one step', () => {
  const m = machine({ stepCost: (i) => (i < 100 ? 1 : 4) });
  m.loop.start();
  m.run(60);
  const over = m.frames.filter((f) => f.ms > 10);
  assert.ok(over.length <= 1, `frames over budget: ${over.map((f) => f.ms)}`);
  for (const f of over) assert.ok(f.ms <= 10 + 4);
  // and when it speeds up again the estimate follows down and the frames fill up again
  const n = machine({ stepCost: (i) => (i < 40 ? 4 : 1) });
  n.loop.start();
  n.run(40);
  assert.ok(n.loop.stepMs < 1.1, `estimate after the speed-up: ${n.loop.stepMs}`);
  assert.ok(n.frames.at(-1).steps >= 9, `steps in the last frame: ${n.frames.at(-1).steps}`);
});

test('budgetMs changed between frames is honoured; paced runs one step per frame', () => {
  const m = machine({ stepCost: () => 1 });
  m.loop.start();
  m.run(3);
  m.loop.budgetMs = 3;
  m.run(5);
  assert.ok(after(m, 3).every((f) => f.ms <= 3 && f.steps === 3), JSON.stringify(after(m, 3)));
  m.loop.paced = true;
  m.run(4);
  assert.ok(after(m, 8).every((f) => f.steps === 1));
});

test('stop() cancels the queued frame; start() twice queues one frame; a stopped loop runs nothing', () => {
  const m = machine();
  m.loop.start();
  m.loop.start();
  assert.equal(m.requests, 1);
  m.run(2);
  m.loop.stop();
  assert.equal(m.loop.running, false);
  assert.equal(m.cancels, 1);
  assert.equal(m.frame(), false);
  const before = m.steps;
  m.loop.tick(); // a frame callback that was already on its way when stop() came
  assert.equal(m.steps, before);
});

test('a step that stops the loop (an error) ends the frame at once', () => {
  const m = machine({ stepCost: () => 1 });
  const step = m.loop.step;
  let k = 0;
  m.loop.step = () => { const r = step(); if (++k === 3) m.loop.stop(); return r; };
  m.loop.start();
  m.run(5);
  assert.equal(m.steps, 3);
  assert.equal(m.frames.length, 1);
});

test('the same costs give the same frames (deterministic policy)', () => {
  const costs = (i) => 0.5 + ((i * 7919) % 13) / 4; // 0.5 .. 3.5 ms, uneven
  const a = machine({ stepCost: costs, drawCost: (f) => (f % 9 === 0 ? 6 : 0.5) });
  const b = machine({ stepCost: costs, drawCost: (f) => (f % 9 === 0 ? 6 : 0.5) });
  for (const m of [a, b]) { m.loop.start(); m.run(50); }
  assert.deepEqual(a.frames, b.frames);
  // uneven steps: no frame's steps overrun the step budget by more than the step that was mispredicted
  for (const f of after(a, 1)) assert.ok(f.work <= 10 + 3.5, JSON.stringify(f));
});

test('one step held up by the system (a 25 ms outlier) is not believed: the next frames stay full', () => {
  const m = machine({ stepCost: (i) => (i === 35 ? 25 : 1) });
  m.loop.start();
  m.run(12);
  const spike = m.frames.findIndex((f) => f.ms > 10);
  assert.ok(spike >= 0, 'the outlier frame is there');
  for (const f of m.frames.slice(spike + 1)) assert.ok(f.steps >= 9, `steps after the outlier: ${m.frames.map((x) => x.steps)}`);
  // and a drawing that is heavy on one frame in nine is charged its usual cost, not its peak
  const d = machine({ stepCost: () => 1, drawCost: (f) => (f % 9 === 0 ? 8 : 0.5) });
  d.loop.start();
  d.run(40);
  assert.equal(d.loop.drawMs, 0.5);
  assert.ok(after(d, 20).filter((f) => f.ms <= 10).length >= 18);
});

test('loops on one page share a frame: past SHARED_FRAME_MS of their sum the rest wait, and go first next frame', () => {
  // three widgets each with a 20 ms budget of 4 ms steps, all started in the same frame
  const shared = sharedFrame(), clock = { now: 0 }, queued = [];
  const loops = [0, 1, 2].map((k) => {
    const l = { steps: 0, frames: [] };
    l.loop = new FrameLoop({ budgetMs: 20, shared, clock: () => clock.now,
      step: () => { clock.now += 4; l.steps++; return true; },
      frames: { request: (f) => { queued.push(f); return queued.length; }, cancel: () => {} } });
    return l;
  });
  const frame = (ts) => {
    const fs = queued.splice(0), t0 = clock.now;
    for (const f of fs) f(ts);
    return clock.now - t0;
  };
  loops.forEach((l) => l.loop.start());
  const perFrame = [], counts = [];
  for (let ts = 1; ts <= 12; ts++) {
    const before = loops.map((l) => l.steps);
    perFrame.push(frame(ts * 16.7));
    counts.push(loops.map((l, k) => l.steps - before[k]));
  }
  // at most two of the three run in a frame: one while the sum is under the cap, and the one whose turn it is
  for (const ms of perFrame) assert.ok(ms <= 2 * 20, `frame work ${ms} ms (cap ${SHARED_FRAME_MS} ms)`);
  // nobody starves: every loop worked in at least a third of the frames
  for (let k = 0; k < 3; k++) assert.ok(counts.filter((c) => c[k] > 0).length >= 4, `loop ${k} ran in ${counts.filter((c) => c[k] > 0).length} of 12 frames`);
});

test('rest(): the next frame runs neither steps nor a drawing, and the loop goes on after it', () => {
  const m = machine({ stepCost: () => 1, drawCost: () => 2 });
  m.loop.start();
  m.run(2);
  m.loop.rest();
  m.run(2);
  assert.deepEqual(m.frames.slice(2).map((f) => [f.steps, f.drew]), [[0, false], [8, true]]);
  assert.equal(m.loop.running, true);
});

test("drew(): a drawing made outside the loop is counted, its rendering measured in the next frame, and the loop's next drawing waits its turn", () => {
  // the first picture (15 ms, drawn outside the loop) then a frame of rest, as a widget does at `ready`
  const m = machine({ stepCost: () => 1, drawCost: () => 15, budgetMs: 10, renderCost: () => 30 });
  m.loop.start();
  m.now += 15;
  m.loop.drew(15);
  m.loop.rest();
  m.run(1);
  assert.deepEqual([m.frames[0].steps, m.frames[0].drew], [0, false], 'the frame of rest');
  assert.equal(m.loop.drawMs, 15);
  assert.equal(m.loop.renderMs, 30, "the first picture's rendering, measured from the frame after it");
  assert.equal(m.loop.drawEveryMs, 3 * 45);
  m.run(40);
  const firstDrawing = m.frames.findIndex((f) => f.drew);
  assert.ok(firstDrawing > 1, `no drawing right after the picture drawn outside (frame ${firstDrawing})`);
  const drawnAt = m.frames.slice(0, firstDrawing).reduce((s, f) => s + f.ms, 0);
  assert.ok(drawnAt >= 3 * 45 - 15, `the next drawing waits about a spacing (${drawnAt} ms)`);
  for (const f of m.frames.slice(0, firstDrawing)) assert.ok(f.ms <= 10 || f.steps === 0, `a frame of ${f.ms} ms before the first drawing`);

  // without drew() the loop knows nothing: its first frame steps and draws (15 + 30 ms beside them)
  const blind = machine({ stepCost: () => 1, drawCost: () => 15, budgetMs: 10, renderCost: () => 30 });
  blind.loop.start();
  blind.loop.rest();
  blind.run(2);
  assert.equal(blind.frames[1].drew, true);
  assert.ok(blind.frames[1].ms >= 45, `${blind.frames[1].ms} ms`);

  // drew() from the loop's own draw() (a widget's draw() reports every drawing) is not counted twice
  const own = machine({ stepCost: () => 1, drawCost: (i, mm) => { mm.loop.drew(99); return 2; }, budgetMs: 10 });
  own.loop.start();
  own.run(5);
  assert.equal(own.loop.drawMs, 2);
});

test('drawSoon(): after a drawing reported by drew(), new work is drawn in the next frame, not a spacing later', () => {
  const m = machine({ stepCost: () => 1, drawCost: () => 15, budgetMs: 10, renderCost: () => 30 });
  m.loop.start();
  m.run(3); // costs known: drawings spaced
  assert.ok(m.loop.drawEveryMs > 0);
  m.loop.stop();
  m.loop.drew(15); // a restart's drawing, outside the loop
  m.loop.start();
  m.run(1);
  assert.equal(m.frames.at(-1).drew, false, 'without drawSoon() the next drawing waits its turn');
  m.loop.stop();
  m.loop.drew(15);
  m.loop.drawSoon();
  m.loop.start();
  m.run(1);
  assert.equal(m.frames.at(-1).drew, true, 'with drawSoon() the next frame draws');
});
