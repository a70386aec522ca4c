// Soak: one <activation-race> in Chromium driven hard for SOAK_SECONDS (default 40) — autoplay,
// bursts of synchronous step() calls (the accelerated pace: many epochs per tick), reset(), and a
// rotating list of attribute changes (activations, layers, dataset, optimizer, batch, a learning
// rate that diverges, an invalid value that shows the inline message, then valid again). After one
// full pass over the list (warm-up: every network shape has been allocated once) the wasm memory
// (engine.wasmMemoryBytes) and the live-network counter (engine.liveNetworkCount) must stay flat.
// The same file is the long soak: SOAK_SECONDS=1800 DIST_DIR=... node --test tests/browser/soak.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitReady } from './harness.mjs';

const SECONDS = Number(process.env.SOAK_SECONDS || 40);

// Applied in turn, one per tick; each leaves the race valid except the 'bad' step, fixed by the next.
const CHANGES = [
  { activations: 'relu,tanh,maxout', layers: '8,8' },
  { dataset: 'spiral', layers: '16,16,16' },
  { optimizer: 'sgd', lr: '10', activations: 'linear,relu,maxout,prelu' }, // diverges (linear, maxout)
  { lr: '0.01', optimizer: 'momentum', batch: '1' },
  { activations: 'selu,elu,rrelu,prelu', layers: '32,32,32,32', batch: '400' },
  { layers: '2,nope' },                                                     // invalid: inline message, no networks
  { layers: '4', dataset: 'xor', activations: 'sigmoid,leaky_relu', optimizer: 'adam', batch: '10' },
  { seed: '7', noise: '0.9', activations: '' },                             // '' = all ten
];

let app;
before(async () => { app = await launch(); });
after(async () => { await app?.close(); });

test(`soak: ${SECONDS} s of training, resets and attribute changes keep wasm memory and live networks flat`, { timeout: (SECONDS + 120) * 1000 }, async () => {
  const page = await app.newPage();
  await page.goto(`${app.baseUrl}embed/race.html`);
  await waitReady(page, '#race');
  await page.evaluate(() => { window.__engine = () => import(new URL('../js/engine.js', location.href).href); });
  const base = await page.evaluate(async () => (await window.__engine()).liveNetworkCount());
  await page.evaluate(() => {
    const el = document.createElement('activation-race');
    el.id = 'soak';
    el.setAttribute('lang', 'en');
    document.querySelector('main').prepend(el);
    window.scrollTo(0, 0);
  });
  await waitReady(page, '#soak');

  // One tick: apply the next change, let it rebuild, play ~0.4 s, a burst of steps, reset, play again.
  const tick = (i) => page.evaluate(async ({ i, change }) => {
    const el = document.querySelector('#soak'), eng = await window.__engine();
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const [k, v] of Object.entries(change)) el.setAttribute(k, v);
    await frame();
    const invalid = el.hasAttribute('error');
    if (!invalid) {
      el.play();
      await new Promise((r) => setTimeout(r, 400));
      el.pause();
      for (let s = 0; s < 15; s++) el.step();
      if (i % 3 === 0) { el.reset(); el.play(); await new Promise((r) => setTimeout(r, 150)); }
    }
    const count = el.shadowRoot.querySelectorAll('tbody tr').length;
    return { invalid, count, epoch: el.epoch, live: eng.liveNetworkCount(), mem: eng.wasmMemoryBytes(),
      diverged: el.shadowRoot.querySelectorAll('tbody tr[data-diverged]').length };
  }, { i, change: CHANGES[i % CHANGES.length] });

  // JS heap after a forced collection (DevTools protocol), once per pass over CHANGES.
  const cdp = await page.context().newCDPSession(page);
  const jsAfterGc = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
  };
  const t0 = Date.now(), samples = [], gcHeap = [];
  let i = 0;
  while (Date.now() - t0 < SECONDS * 1000 || i < 2 * CHANGES.length) {
    samples.push({ i, ...(await tick(i++)) });
    if (i % CHANGES.length === 0) gcHeap.push(await jsAfterGc());
  }
  const warm = samples.filter((s) => s.i >= CHANGES.length);
  const memBefore = warm[0].mem, memAfter = samples.at(-1).mem;
  console.log(`# soak ${((Date.now() - t0) / 1000).toFixed(0)} s, ${samples.length} ticks (${Math.floor(samples.length / CHANGES.length)} passes): ` +
    `wasm memory after warm-up ${memBefore} -> end ${memAfter} bytes; distinct sizes after warm-up ${[...new Set(warm.map((s) => s.mem))].join(',')}; ` +
    `live networks ${[...new Set(samples.map((s) => s.live - base))].join(',')} (+${base} page); ` +
    `JS heap after GC per pass ${gcHeap.map((b) => (b / 1e6).toFixed(1)).join(',')} MB; diverged ticks ${samples.filter((s) => s.diverged).length}`);
  // The race owns exactly one network per table row (none while it shows an error) ...
  for (const s of samples) assert.equal(s.live - base, s.invalid ? 0 : s.count, `tick ${s.i}: ${JSON.stringify(s)}`);
  // ... the diverging setting really diverged, the invalid one really showed its message ...
  assert.ok(samples.some((s) => s.diverged > 0), 'lr 10 with sgd diverged at least once');
  assert.ok(samples.some((s) => s.invalid), 'the invalid layers value showed the inline message');
  // ... and after warm-up the wasm memory does not move.
  assert.deepEqual([...new Set(warm.map((s) => s.mem))], [memBefore], 'wasm memory flat after warm-up');
  // JS heap after GC: what the page retains (histories, DOM, listeners) must not grow pass after pass.
  // Its floor, that is: a pass can end with a worker's update (weights, boundaries, a chart bitmap)
  // in flight, 3-4 MB above the floor (5.0 / 8.5 MB alternating in CI), while a leak raises every pass.
  const floor = (xs) => Math.min(...xs);
  if (gcHeap.length >= 6) assert.ok(floor(gcHeap.slice(-3)) < 1.25 * floor(gcHeap.slice(1, 4)) + 2e6, `JS heap after GC bounded: ${gcHeap}`);
  await page.evaluate(() => document.querySelector('#soak').remove());
  assert.equal(await page.evaluate(async () => (await window.__engine()).liveNetworkCount()), base, 'removal deleted every network');
  assert.deepEqual(page.errors, []);
  await page.close();
});
