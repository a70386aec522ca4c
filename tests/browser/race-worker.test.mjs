// Where <activation-race> trains (race/trainer.js): in a Worker over http(s), with either bundle
// (lean: the page hands the worker its compiled wasm; self-contained: the worker decodes its own),
// and on the main thread where no worker can start — worker="off", a Content-Security-Policy
// without worker-src, no Worker at all, file:// — and every path gives the same numbers, to the
// bit, for the same seed: histories, accuracies, final weights. Also: step() resolves once its
// epoch is in, and while the worker trains it also draws the loss chart the page shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { launch, DIST } from './harness.mjs';

const RACE = { dataset: 'spiral', seed: '5', epochs: '40', layers: '8,8', noise: '0.2', lang: 'en' };
const pageHtml = (bundle, attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>race</title>
<script src="${bundle}" defer></script></head><body><main>
<activation-race id="r" autoplay ${Object.entries(attrs).map(([k, v]) => `${k}="${v}"`).join(' ')}></activation-race></main></body></html>`;

// Done, and every boundary (with its accuracies, and the table) measured at the last epoch: the
// page measures them lazily a few per frame, the worker all at once when it stops.
const finished = (page) => page.waitForFunction(() => {
  const el = document.querySelector('#r');
  return el?.hasAttribute('done') && !el.paintRaf && el.race.entries.every((e) => e.boundaryEpoch === e.epochs);
}, null, { timeout: 60000, polling: 100 });

let app;
before(async () => { app = await launch(); });
after(async () => { await app?.close(); });

// Opens `html` at `url` (served by the route, with `headers`), waits for the race to finish and
// returns where it trained and everything it computed.
async function run(html, { url = `${app.baseUrl}__race-worker.html`, headers = {}, init = null, goto = null } = {}) {
  const page = await app.newPage();
  if (init) await page.addInitScript(init);
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', headers, body: html }));
  await page.goto(goto || url);
  await finished(page);
  const r = await page.evaluate(() => {
    const el = document.querySelector('#r');
    return {
      trainedIn: el.trainedIn, epoch: el.epoch, histories: el.histories,
      weights: Object.fromEntries(el.race.entries.map((e) => [e.id, el.networkJSON(e.id)])),
      acc: el.race.entries.map((e) => [e.id, e.accTrain, e.accTest, e.hitEpoch]),
      table: [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)),
    };
  });
  return { page, r };
}

let reference; // the main-thread run, the numbers every other path must give
test('worker="off": trains on the page, 40 epochs', async () => {
  const { page, r } = await run(pageHtml('activation-widgets.lean.js', { ...RACE, worker: 'off' }));
  assert.equal(r.trainedIn, 'page');
  assert.equal(r.epoch, 40);
  assert.deepEqual(page.errors, []);
  reference = r;
  await page.close();
});

for (const bundle of ['activation-widgets.lean.js', 'activation-widgets.js']) {
  test(`${bundle} over http: trains in a worker, and the numbers are the main thread's to the bit`, async () => {
    const { page, r } = await run(pageHtml(bundle, RACE));
    assert.equal(r.trainedIn, 'worker');
    assert.equal(r.epoch, 40);
    assert.deepEqual(r.histories, reference.histories, 'every loss of every epoch');
    assert.deepEqual(r.weights, reference.weights, 'every final weight (networkJSON)');
    assert.deepEqual(r.acc, reference.acc, 'accuracies and epochs to the target loss');
    assert.deepEqual(r.table, reference.table, 'the table says the same');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('a Content-Security-Policy with worker-src \'none\': the race trains on the page, same numbers', async () => {
  const { page, r } = await run(pageHtml('activation-widgets.lean.js', RACE), { headers: { 'Content-Security-Policy': "worker-src 'none'" } });
  assert.equal(r.trainedIn, 'page');
  assert.deepEqual(r.histories, reference.histories);
  assert.deepEqual(r.weights, reference.weights);
  // the browser reports the refused worker; nothing else may go wrong
  assert.deepEqual(page.errors.filter((e) => !/Content Security Policy|worker-src/i.test(e)), []);
  await page.close();
});

test('no Worker in this browser: the race trains on the page, same numbers', async () => {
  const { page, r } = await run(pageHtml('activation-widgets.lean.js', RACE), { init: 'delete window.Worker;' });
  assert.equal(r.trainedIn, 'page');
  assert.deepEqual(r.histories, reference.histories);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('file://: the race trains on the page, same numbers', async () => {
  const page = await app.newPage();
  await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href); // classic scripts: it works from disk
  await page.waitForFunction(() => window.activationWidgets && customElements.get('activation-race'));
  await page.evaluate((attrs) => {
    const el = document.createElement('activation-race');
    el.id = 'r';
    for (const [k, v] of Object.entries(attrs)) if (k !== 'lang') el.setAttribute(k, v); // (the Korean page hides lang="en" blocks)
    document.querySelector('main').prepend(el);
    el.scrollIntoView();
  }, RACE);
  await page.waitForFunction(() => document.querySelector('#r').hasAttribute('ready'));
  await page.evaluate(() => document.querySelector('#r').play());
  await finished(page);
  const r = await page.evaluate(() => { const el = document.querySelector('#r'); return { trainedIn: el.trainedIn, histories: el.histories }; });
  assert.equal(r.trainedIn, 'page');
  assert.deepEqual(r.histories, reference.histories);
  await page.close();
});

test('in the worker: step() resolves once its epoch is in; the chart is drawn by the worker while it trains', async () => {
  const page = await app.newPage();
  const url = `${app.baseUrl}__race-worker-2.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8',
    body: pageHtml('activation-widgets.lean.js', { dataset: 'circle', lang: 'en' }).replace(' autoplay', '') }));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#r')?.hasAttribute('ready'));
  const r = await page.evaluate(async () => {
    const el = document.querySelector('#r'), cv = el.shadowRoot.querySelector('.chartbox canvas');
    const pixels = () => { const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data; let n = 0, h = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] + d[i + 1] + d[i + 2] < 600) n++; h = (h * 31 + d[i] + 3 * d[i + 1] + 7 * d[i + 2]) | 0; } return { n, h }; };
    const before = pixels();
    const steps = [];
    for (let i = 0; i < 3; i++) { await el.step(); steps.push(el.epoch); }
    el.play();
    await new Promise((res) => setTimeout(res, 200));
    const pageChartsAtStart = el.pageCharts;
    const hashes = new Set();
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) { await new Promise((res) => setTimeout(res, 100)); hashes.add(pixels().h); }
    const during = { status: el.shadowRoot.querySelector('.status').textContent, epoch: el.epoch, pending: el.chartPending, draws: el.trainer?.drawsCharts, pageCharts: el.pageCharts, dark: pixels().n };
    el.pause();
    return { trainedIn: el.trainedIn, steps, before: before.n, during, pageChartsAtStart, changes: hashes.size, svg: window.activationWidgets.export.plotToSVG(el.plot).length };
  });
  assert.equal(r.trainedIn, 'worker');
  assert.deepEqual(r.steps, [1, 2, 3], 'each awaited step() is one epoch, and it is in when the promise resolves');
  const shown = Number(/\d+/.exec(r.during.status)?.[0]);
  assert.ok(shown > 20 && shown <= r.during.epoch, `the header counts the epochs while training: "${r.during.status}" at epoch ${r.during.epoch}`);
  assert.equal(r.during.draws, true, 'this worker draws charts (OffscreenCanvas)');
  assert.ok(r.during.epoch > 20, `trained while playing: ${r.during.epoch} epochs in 2 s`);
  assert.ok(r.changes >= 3, `the chart changed while training: ${r.changes} different pictures in 2 s`);
  assert.equal(r.during.pageCharts, r.pageChartsAtStart, 'and not one of them was drawn by the page');
  assert.ok(r.svg > 1000, 'the SVG export has the chart the worker drew');
  assert.deepEqual(page.errors, []);
  await page.close();
});
