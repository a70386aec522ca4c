// kit.js Widths: widgets take their drawing width from the browser's own layout (a
// ResizeObserver) instead of reading clientWidth, which lays the page out again whenever another
// widget has just changed it. Checked in Chromium: get() answers from the last layout without
// forcing a new one; an element not laid out yet reads undefined until onChange() says its width
// has come (in the frame after the next layout, or measured two frames later if it is never rendered);
// onChange fires once per batch for a new width, never for a height or a removed element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let env, page;
before(async () => {
  env = await launch();
  page = await env.newPage();
  await page.goto(`${env.baseUrl}embed.html`);
});
after(async () => { await env?.close(); });

const frames = (n) => page.evaluate((k) => new Promise((r) => {
  const f = () => (k-- > 0 ? requestAnimationFrame(f) : setTimeout(r, 0));
  f();
}), n);
const state = () => page.evaluate(() => {
  const t = window.__t;
  return { a: t.w.get(t.a), calls: t.calls };
});

test('Widths: widths from the last layout, undefined until laid out, one onChange per batch', async () => {
  await page.evaluate(async () => {
    const { Widths } = await import('./js/ui/kit.js');
    const box = document.createElement('div');
    box.style.cssText = 'width: 300px; padding: 0 7px; box-sizing: content-box';
    const a = document.createElement('div'), b = document.createElement('div');
    box.append(a, b);
    document.body.append(box);
    window.__t = { box, a, b, calls: 0 };
    window.__t.w = new Widths(() => { window.__t.calls++; });
    window.__t.w.observe(a);
  });
  await frames(2);
  // The first report is new: one call; the content width is the box's 300 (padding excluded).
  assert.deepEqual(await state(), { a: 300, calls: 1 });

  // Layout made dirty: get() still answers the last laid-out width (it did not lay out again),
  // while clientWidth (which does) already sees the new one.
  let r = await page.evaluate(() => {
    const t = window.__t;
    t.box.style.width = '240px';
    return { stale: t.w.get(t.a), forced: t.a.clientWidth };
  });
  assert.deepEqual(r, { stale: 300, forced: 240 });
  await frames(2);
  assert.deepEqual(await state(), { a: 240, calls: 2 }, 'one onChange for the new width');

  // An element never seen reads undefined (nothing measured now) and is observed: its width and
  // one onChange come with the next layout.
  r = await page.evaluate(() => {
    const t = window.__t;
    const fresh = document.createElement('div');
    t.box.append(fresh);
    t.fresh = fresh;
    return { b: t.w.get(t.b), fresh: t.w.get(fresh), again: t.w.get(fresh) };
  });
  assert.deepEqual(r, { b: undefined, fresh: undefined, again: undefined });
  await frames(2); // heard after the next layout, reported in the frame after it
  r = await page.evaluate(() => ({ b: window.__t.w.get(window.__t.b), fresh: window.__t.w.get(window.__t.fresh), calls: window.__t.calls }));
  assert.deepEqual(r, { b: 240, fresh: 240, calls: 3 }, 'both widths in one batch, one call');

  // Two observed elements change in one layout: one call. A height change: none.
  await page.evaluate(() => { window.__t.box.style.width = '200px'; });
  await frames(2);
  r = await page.evaluate(() => ({ a: window.__t.w.get(window.__t.a), b: window.__t.w.get(window.__t.b), calls: window.__t.calls }));
  assert.deepEqual(r, { a: 200, b: 200, calls: 4 });
  await page.evaluate(() => { window.__t.a.style.height = '90px'; });
  await frames(2);
  assert.equal(await page.evaluate(() => window.__t.calls), 4, 'a height change calls nothing');

  // A removed element (its size drops to 0) calls nothing; a detached element reads 0.
  await page.evaluate(() => { window.__t.b.remove(); });
  await frames(2);
  r = await page.evaluate(() => ({ calls: window.__t.calls, detached: window.__t.w.get(document.createElement('div')) }));
  assert.deepEqual(r, { calls: 4, detached: 0 });

  // Never rendered (inside a closed <details>, which reports nothing): measured two frames later,
  // with one onChange, so a widget there still draws.
  r = await page.evaluate(async () => {
    const t = window.__t;
    const d = document.createElement('details'), inner = document.createElement('div');
    d.append(inner);
    document.body.append(d);
    const first = t.w.get(inner);
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(res))));
    return { first, later: t.w.get(inner), calls: t.calls };
  });
  assert.equal(r.first, undefined);
  assert.ok(Number.isInteger(r.later) && r.later > 0, `measured: ${r.later}`); // (the width it would have open)
  assert.equal(r.calls, 5);

  // disconnect() forgets every width and stops the reports.
  r = await page.evaluate(async () => {
    const t = window.__t;
    t.w.disconnect();
    t.box.style.width = '150px';
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    return { calls: t.calls, a: t.w.get(t.a) };
  });
  assert.deepEqual(r, { calls: 5, a: undefined });
  assert.deepEqual(page.errors, []);
});
