// kit.js Widths: widgets take their drawing width from the browser's own layout (a
// ResizeObserver) instead of reading clientWidth, which lays the page out again whenever another
// widget has just changed it. Checked in Chromium: get() answers from the last layout without
// forcing a new one, measures (content box, padding excluded) an element not heard yet, and
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

test('Widths: reported widths without forced layout, measured widths, one onChange per batch', async () => {
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
  let r = await page.evaluate(() => {
    const t = window.__t;
    return { a: t.w.get(t.a), calls: t.calls };
  });
  // The first report equals nothing known before: one call; the content width is the box's 300.
  assert.deepEqual(r, { a: 300, calls: 1 });

  // Layout made dirty: get() still answers the last laid-out width (it did not lay out again),
  // while clientWidth (which does) already sees the new one.
  r = await page.evaluate(() => {
    const t = window.__t;
    t.box.style.width = '240px';
    return { stale: t.w.get(t.a), forced: t.a.clientWidth };
  });
  assert.deepEqual(r, { stale: 300, forced: 240 });
  await frames(2);
  r = await page.evaluate(() => ({ a: window.__t.w.get(window.__t.a), calls: window.__t.calls }));
  assert.deepEqual(r, { a: 240, calls: 2 }, 'one onChange for the new width');

  // An element never observed is measured now (content box: padding excluded) and observed from
  // then on; its first report, equal to the measurement, is not a change.
  r = await page.evaluate(() => {
    const t = window.__t;
    return { box: t.w.get(t.box), b: t.w.get(t.b) };
  });
  assert.deepEqual(r, { box: 240, b: 240 });
  await frames(2);
  assert.equal(await page.evaluate(() => window.__t.calls), 2, 'first reports equal to the measured widths call nothing');

  // Two observed elements change in one layout: one call. A height change: none.
  await page.evaluate(() => { window.__t.box.style.width = '200px'; });
  await frames(2);
  r = await page.evaluate(() => ({ a: window.__t.w.get(window.__t.a), b: window.__t.w.get(window.__t.b), box: window.__t.w.get(window.__t.box), calls: window.__t.calls }));
  assert.deepEqual(r, { a: 200, b: 200, box: 200, calls: 3 });
  await page.evaluate(() => { window.__t.a.style.height = '90px'; });
  await frames(2);
  assert.equal(await page.evaluate(() => window.__t.calls), 3, 'a height change calls nothing');

  // A removed element (its size drops to 0) calls nothing and is no longer observed; a detached
  // element never seen reads 0.
  await page.evaluate(() => { window.__t.b.remove(); });
  await frames(2);
  r = await page.evaluate(() => ({ calls: window.__t.calls, detached: window.__t.w.get(document.createElement('div')) }));
  assert.deepEqual(r, { calls: 3, detached: 0 });

  // disconnect() forgets every width and stops the reports.
  r = await page.evaluate(async () => {
    const t = window.__t;
    t.w.disconnect();
    t.box.style.width = '150px';
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    return { calls: t.calls, a: t.w.get(t.a) };
  });
  assert.deepEqual(r, { calls: 3, a: 150 });
  assert.deepEqual(page.errors, []);
});
