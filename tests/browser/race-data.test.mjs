// <activation-race> with the reader's own data, regression, divergence explained, presets and the
// race's prediction question, in Chromium on dist/embed/race.html: drawing with the mouse, touch
// (a hasTouch context) and the keyboard changes the `points` attribute and the race trains on
// those points; CSV import/export round trip; every bad input gives its message in the widget and
// the race keeps working; dataset="custom" and dataset="sin" race to `done` with the non-linear
// networks ahead of linear; a diverged network names what blew up and its in-place fix re-runs
// the race; a preset sets every control (and travels in a share link); the prediction flow.
// Screenshots prefixed `race-data-`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { launch, screenshot, waitReady, CHROMIUM_ARGS } from './harness.mjs';

const PAGE = 'embed/race.html';
const INIT = `
window.__addRace = (attrs, id = 'under-test') => {
  const el = document.createElement('activation-race');
  el.id = id;
  el.__events = { done: null, changes: [] };
  el.addEventListener('done', (e) => { el.__events.done = e.detail; });
  el.addEventListener('change', (e) => { el.__events.changes.push(e.detail); });
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.querySelector('main').prepend(el);
  window.scrollTo(0, 0);
  return el;
};
window.__rgb = (css) => {
  const c = document.createElement('canvas'); c.width = c.height = 1;
  const g = c.getContext('2d'); g.fillStyle = css; g.fillRect(0, 0, 1, 1);
  return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
};
window.__count = (cv, rgb, tol) => {
  const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) <= tol) n++;
  return n;
};`;

// A disc of class 1 inside a ring of class 0, in [-1, 1]^2 (deterministic).
function discAndRing(n = 160) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const a = (i * 2.399963) % (2 * Math.PI), inner = i % 2 === 1;
    const r = inner ? 0.1 + 0.35 * ((i * 0.618034) % 1) : 0.7 + 0.25 * ((i * 0.618034) % 1);
    rows.push(`${(r * Math.cos(a)).toFixed(3)},${(r * Math.sin(a)).toFixed(3)},${inner ? 1 : 0}`);
  }
  return rows;
}
const FOUR = '-0.5,-0.5,0;0.5,0.5,0;-0.5,0.5,1;0.5,-0.5,1';

let app;
before(async () => { app = await launch(); });
after(async () => { await app?.close(); });

async function open(opts = {}) {
  const page = await app.newPage(opts);
  await page.addInitScript(INIT);
  await page.goto(app.baseUrl + PAGE);
  await waitReady(page, '#race');
  return page;
}
async function addRace(page, attrs) {
  await page.evaluate((a) => window.__addRace(a), attrs);
  await waitReady(page, '#under-test', 30000);
}
const waitDone = (page, timeout = 90000) => page.waitForFunction(() => document.querySelector('#under-test')?.__events.done, null, { timeout, polling: 100 });
const pointsCount = (page) => page.$eval('#under-test', (el) => (el.getAttribute('points') || '').split(';').filter(Boolean).length);
const raceSize = (page) => page.$eval('#under-test', (el) => el.race.data.yTrain.length + el.race.data.yTest.length);
const note = (page) => page.$eval('#under-test', (el) => el.shadowRoot.querySelector('.editor .note').textContent);
const sr = (page, sel) => page.$eval('#under-test', (el, s) => { const n = el.shadowRoot.querySelector(s); return n && n.textContent; }, sel);
async function click(page, sel) { await page.$eval('#under-test', (el, s) => el.shadowRoot.querySelector(s).click(), sel); }
async function canvasBox(page) {
  const box = await page.locator('#under-test').locator('canvas.paint').boundingBox();
  return { ...box, at: (x, y) => [box.x + ((x + 1) / 2) * box.width, box.y + ((1 - y) / 2) * box.height] };
}
// pixels of the editor canvas in one class colour
const classPixels = (page, k) => page.$eval('#under-test', (el, k) => window.__count(el.shadowRoot.querySelector('canvas.paint'),
  window.__rgb(getComputedStyle(el).getPropertyValue(`--w-class-${k}`)), 30), k);

test('mouse: click adds a point of the chosen class, a drag paints, the eraser removes, clear empties; the race trains on the drawing', async () => {
  const page = await open();
  await addRace(page, { dataset: 'custom', points: FOUR, activations: 'linear,relu,tanh', epochs: '15', autoplay: '', lang: 'en' });
  assert.equal(await pointsCount(page), 4);
  const b = await canvasBox(page);
  const blue0 = await classPixels(page, 1);
  await click(page, 'input[name=paintMode][value="1"]');
  await page.mouse.click(...b.at(0, 0));
  await page.waitForFunction(() => document.querySelector('#under-test').getAttribute('points').split(';').length === 5);
  assert.ok(await classPixels(page, 1) > blue0, 'the new class-1 point is drawn on the data canvas');
  // a drag from (-0.8, 0.8) to (0.8, 0.8): a trail of class-0 points spaced along it
  await click(page, 'input[name=paintMode][value="0"]');
  await page.mouse.move(...b.at(-0.8, 0.8));
  await page.mouse.down();
  for (let i = 1; i <= 16; i++) await page.mouse.move(...b.at(-0.8 + 0.1 * i, 0.8));
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('#under-test').getAttribute('points').split(';').length >= 15);
  const painted = await pointsCount(page);
  const row = await page.$eval('#under-test', (el) => el.getAttribute('points').split(';').slice(5).map((r) => r.split(',').map(Number)));
  assert.ok(row.every(([, y, c]) => Math.abs(y - 0.8) < 0.03 && c === 0), `the trail lies on y = 0.8, class 0: ${JSON.stringify(row)}`);
  await page.waitForFunction((n) => document.querySelector('#under-test').race?.data.yTrain.length + document.querySelector('#under-test').race?.data.yTest.length === n, painted);
  await waitDone(page);
  const done = await page.$eval('#under-test', (el) => el.__events.done);
  assert.equal(done.epoch, 15, 'the race trained on the drawn points to its end');
  // eraser over the trail's middle
  await click(page, 'input[name=paintMode][value=erase]');
  await page.mouse.move(...b.at(-0.1, 0.8));
  await page.mouse.down();
  await page.mouse.move(...b.at(0.1, 0.8), { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction((n) => document.querySelector('#under-test').getAttribute('points').split(';').length < n, painted);
  // the race is rebuilt once per frame from the latest attribute: wait for it to catch up
  await page.waitForFunction(() => {
    const el = document.querySelector('#under-test'), n = (el.getAttribute('points') || '').split(';').filter(Boolean).length;
    return el.race && el.race.data.yTrain.length + el.race.data.yTest.length === n;
  }, null, { timeout: 15000 }).catch(() => {});
  assert.equal(await raceSize(page), await pointsCount(page), 'the race restarted on the erased set');
  // clear: too few points to race — said in the editor, the race keeps the last valid data
  const before = await pointsCount(page);
  await click(page, 'button[name=clearPoints]');
  assert.match(await note(page), /only 0 points; a race needs at least 4 — the race goes on with the last valid data/);
  assert.equal(await pointsCount(page), before);
  assert.match(await sr(page, '.editor .count'), /^0 points/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('touch (hasTouch): a tap adds, a drag paints without scrolling the page, and the race trains on it', async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const ctx = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 }, deviceScaleFactor: 2 });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(INIT);
    await page.goto(app.baseUrl + PAGE);
    await waitReady(page, '#race');
    await addRace(page, { dataset: 'custom', points: FOUR, activations: 'linear,relu', epochs: '10', lang: 'ko' });
    await page.locator('#under-test').locator('canvas.paint').scrollIntoViewIfNeeded();
    const b = await canvasBox(page);
    await page.touchscreen.tap(...b.at(0.3, -0.3));
    await page.waitForFunction(() => document.querySelector('#under-test').getAttribute('points').split(';').length === 5);
    const types = await page.$eval('#under-test', (el) => el.shadowRoot.querySelector('canvas.paint').style.touchAction || getComputedStyle(el.shadowRoot.querySelector('canvas.paint')).touchAction);
    assert.equal(types, 'none', 'touch-action: none on the data canvas');
    // a finger drag through CDP touch events
    const cdp = await ctx.newCDPSession(page);
    const y0 = await page.evaluate(() => window.scrollY);
    const pt = (x, y) => { const [px, py] = b.at(x, y); return [{ x: px, y: py, id: 1 }]; };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(-0.7, -0.7) });
    for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(-0.7, -0.7 + 0.12 * i) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction(() => document.querySelector('#under-test').getAttribute('points').split(';').length >= 12);
    assert.equal(await page.evaluate(() => window.scrollY), y0, 'painting did not scroll the page');
    const n = await pointsCount(page);
    await page.waitForFunction((k) => { const r = document.querySelector('#under-test').race; return r && r.data.yTrain.length + r.data.yTest.length === k; }, n);
    await page.$eval('#under-test', (el) => el.play());
    await waitDone(page);
    assert.equal(await page.$eval('#under-test', (el) => el.__events.done.epoch), 10);
    assert.match(await note(page), /점 \d+개로 경주를 다시 시작했습니다/);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('keyboard: arrows move a visible cursor, Enter adds, Delete removes; the race restarts on the new set', async () => {
  const page = await open();
  await addRace(page, { dataset: 'custom', points: FOUR, activations: 'linear,relu', epochs: '5', lang: 'en' });
  await page.$eval('#under-test', (el) => el.shadowRoot.querySelector('canvas.paint').focus());
  const cursorPixels = () => page.$eval('#under-test', (el) => window.__count(el.shadowRoot.querySelector('canvas.paint'), window.__rgb(getComputedStyle(el).getPropertyValue('--w-fg')), 40));
  assert.ok(await cursorPixels() > 20, 'the focused canvas shows a cursor');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#under-test').getAttribute('points').split(';').length === 5);
  const last = await page.$eval('#under-test', (el) => el.getAttribute('points').split(';').at(-1));
  assert.equal(last, '0.3,0.2,1', 'the point sits at the cursor (6 x 0.05 right, 4 x 0.05 up), class 1');
  assert.match(await page.$eval('#under-test', (el) => el.shadowRoot.querySelector('.editor .sr-only[aria-live]').textContent), /cursor \(0\.30, 0\.20\)/);
  await page.waitForFunction(() => document.querySelector('#under-test').race?.data.yTrain.length === 4); // 5 points: 4 train, 1 test
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => document.querySelector('#under-test').getAttribute('points').split(';').length === 4);
  assert.ok(!(await page.$eval('#under-test', (el) => el.getAttribute('points'))).includes('0.3,0.2,1'), 'Delete removed the nearest point');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('choosing "your own points" in the data menu starts the drawing from the current data set', async () => {
  const page = await open();
  await addRace(page, { dataset: 'xor', activations: 'linear,relu', epochs: '5', lang: 'en' });
  assert.equal(await page.$eval('#under-test', (el) => el.shadowRoot.querySelector('.editor').parentElement.hidden), true, 'no editor for a built-in set');
  const xor = await page.$eval('#under-test', (el) => Array.from(el.race.data.xTrain.slice(0, 4), (v) => Number(v.toFixed(2))));
  await page.$eval('#under-test', (el) => { const s = el.shadowRoot.querySelector('select[name=dataset]'); s.value = 'custom'; s.dispatchEvent(new Event('change', { bubbles: true })); });
  await page.waitForFunction(() => document.querySelector('#under-test').race?.cfg.dataset === 'custom');
  const r = await page.$eval('#under-test', (el) => ({ n: el.getAttribute('points').split(';').length, first: el.getAttribute('points').split(';')[0],
    editor: !el.shadowRoot.querySelector('.editor').parentElement.hidden, count: el.shadowRoot.querySelector('.editor .count').textContent }));
  assert.equal(r.n, 200);
  assert.ok(r.first.startsWith(`${xor[0]},${xor[1]},`), `the first point is the XOR set's first: ${r.first} vs ${xor}`);
  assert.ok(r.editor);
  assert.match(r.count, /^200 points \(class 0: \d+, class 1: \d+\)/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('CSV: pasted text (with a header) and a file import; export gives the same rows back', async () => {
  const page = await open();
  await addRace(page, { dataset: 'custom', points: FOUR, activations: 'linear,relu', epochs: '5', lang: 'en' });
  const rows = discAndRing(40);
  await page.$eval('#under-test', (el, text) => { const t = el.shadowRoot.querySelector('textarea[name=csvText]'); t.value = text; }, `x,y,label\n${rows.join('\n')}\n`);
  await click(page, 'button[name=importCsv]');
  await page.waitForFunction(() => document.querySelector('#under-test').getAttribute('points').split(';').length === 40);
  assert.match(await note(page), /The race restarted on 40 points/);
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button[name=exportCsv]')]);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  const back = text.trim().split('\n');
  assert.equal(back[0], 'x,y,label');
  assert.deepEqual(back.slice(1).map((r) => r.split(',').map(Number)), rows.map((r) => r.split(',').map(Number)), 'export returns the imported rows');
  // the exported file imports again (no header this time: a file of rows only) and gives the same attribute
  const attr = await page.$eval('#under-test', (el) => el.getAttribute('points'));
  await page.locator('#under-test').locator('input[name=csvFile]').setInputFiles({ name: 'pts.csv', mimeType: 'text/csv', buffer: Buffer.from(back.slice(1).reverse().join('\n')) });
  await page.waitForFunction((a) => { const p = document.querySelector('#under-test').getAttribute('points'); return p !== a && p.split(';').length === 40; }, attr);
  const again = await page.$eval('#under-test', (el) => el.getAttribute('points').split(';').reverse().join(';'));
  assert.equal(again, attr, 'file import of the export (rows reversed) reproduces the data');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('bad input: each gives its own message in the widget (en and ko) and the race keeps working', async () => {
  const page = await open();
  await addRace(page, { dataset: 'custom', points: discAndRing(40).join(';'), activations: 'linear,relu', epochs: '1000000', autoplay: '', lang: 'en' });
  const good = await page.$eval('#under-test', (el) => el.getAttribute('points'));
  const paste = async (text) => {
    await page.$eval('#under-test', (el, t) => { el.shadowRoot.querySelector('textarea[name=csvText]').value = t; }, text);
    await click(page, 'button[name=importCsv]');
    return note(page);
  };
  const many = Array.from({ length: 2001 }, (_, i) => `${((i % 100) / 100).toFixed(2)},0.5,${i % 2}`).join('\n');
  const cases = [
    ['0.1,abc,1\n0.2,0.3,0\n0.1,0.1,1\n0.4,0.4,0', /point 1: y="abc" is not a number/],
    ['0.1,0.2,1\n1.5,0,0\n0.1,0.1,1\n0.4,0.4,0', /point 2: x="1.5" is outside \[−1, 1\]/],
    ['0.1,0.2,1\n0.5,0,1\n0.1,0.1,1\n0.4,0.4,1', /every point is class 1; both classes are needed/],
    ['0.1,0.2,1\n0.5,0,0', /only 2 points; a race needs at least 4/],
    [many, /2001 points; at most 2000 are accepted/],
    ['0.1,0.2,2\n0.5,0,0\n0.1,0.1,1\n0.4,0.4,0', /point 1: label="2" must be 0 or 1/],
    ['0.1,0.2\n0.5,0,0\n0.1,0.1,1\n0.4,0.4,0', /point 1: expected three values x,y,label, got 2/],
  ];
  for (const [text, re] of cases) {
    assert.match(await paste(text), re);
    assert.equal(await page.$eval('#under-test', (el) => el.getAttribute('points')), good, `the race keeps its data after ${re}`);
    assert.equal(await page.$eval('#under-test', (el) => el.hasAttribute('error')), false);
  }
  // a 50 MB file: refused by its size before a byte is read
  const t0 = Date.now();
  const msg = await page.$eval('#under-test', async (el) => {
    const input = el.shadowRoot.querySelector('input[name=csvFile]'), dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(50 * 1024 * 1024)], 'huge.csv', { type: 'text/csv' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    return el.shadowRoot.querySelector('.editor .note').textContent;
  });
  console.log(`# 50 MB file refused in ${Date.now() - t0} ms`);
  assert.match(msg, /the file is 50\.0 MB; only CSV files up to 1 MB are read \(it was not read\)/);
  // Korean, live
  await page.$eval('#under-test', (el) => el.setAttribute('lang', 'ko'));
  assert.match(await paste('0.1,0.2,1\n1.5,0,0\n0.1,0.1,1\n0.4,0.4,0'), /2번째 점: x="1.5"가 \[−1, 1\] 범위를 벗어났습니다/);
  // still working: training goes on, and a good paste is taken
  const e0 = await page.$eval('#under-test', (el) => el.epoch);
  await page.waitForFunction((e) => document.querySelector('#under-test').epoch > e + 3, e0);
  assert.match(await paste(discAndRing(24).join('\n')), /점 24개로 경주를 다시 시작했습니다/);
  // a bad attribute from an author: the widget's message, then a fixed attribute races again
  await page.$eval('#under-test', (el) => { el.setAttribute('lang', 'en'); el.setAttribute('points', '0,0,0;1,1,5;0.5,0.5,1;0.2,0.1,0'); });
  await page.waitForFunction(() => document.querySelector('#under-test').hasAttribute('error'));
  assert.match(await page.$eval('#under-test', (el) => el.shadowRoot.textContent), /point 2: label="5" must be 0 or 1/);
  await page.$eval('#under-test', (el) => el.setAttribute('points', '0,0,0;1,1,1;0.5,0.5,1;0.2,0.1,0'));
  await page.waitForFunction(() => !document.querySelector('#under-test').hasAttribute('error') && document.querySelector('#under-test').race?.data.yTrain.length === 3);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('dataset="custom" points=… races to done with the non-linear networks ahead of linear', async () => {
  const page = await open();
  await addRace(page, { dataset: 'custom', points: discAndRing(160).join(';'), activations: 'linear,tanh,relu,elu', epochs: '80', autoplay: '', lang: 'en' });
  await waitDone(page);
  const fin = await page.$eval('#under-test', (el) => Object.fromEntries(el.race.entries.map((e) => [e.id, { train: e.lastTrain, test: e.lastTest }])));
  console.log(`# custom disc+ring, 80 epochs: ${JSON.stringify(fin)}`);
  for (const id of ['tanh', 'relu', 'elu']) assert.ok(fin[id].train < fin.linear.train, `${id} ${fin[id].train} < linear ${fin.linear.train}`);
  assert.ok(fin.linear.train > 0.6, 'linear cannot separate a disc from a ring');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('dataset="sin": MSE, fitted curves against the target, train/test MSE and R² in the table; non-linear beats linear', async () => {
  const page = await open();
  await addRace(page, { dataset: 'sin', activations: 'linear,tanh,relu,elu', layers: '16,16', epochs: '150', autoplay: '', lang: 'en' });
  await waitDone(page);
  const r = await page.$eval('#under-test', (el) => ({
    head: [...el.shadowRoot.querySelectorAll('thead th')].map((t) => t.textContent),
    title: el.shadowRoot.querySelector('.sub:nth-of-type(2)')?.textContent,
    heatTitle: [...el.shadowRoot.querySelectorAll('p.sub')].map((p) => p.textContent),
    fin: Object.fromEntries(el.race.entries.map((e) => [e.id, { train: e.lastTrain, test: e.lastTest, r2: e.accTest }])),
    loss: el.race.entries[0].net.config().loss,
    caption: el.shadowRoot.querySelector('figure[data-id=tanh] figcaption').textContent,
    // the fitted curve in the activation's colour on its canvas, and the grey target dashes
    colour: Object.fromEntries(['linear', 'tanh'].map((id) => [id, window.__count(el.shadowRoot.querySelector(`figure[data-id=${id}] canvas`),
      window.__rgb(getComputedStyle(el).getPropertyValue(`--w-c-${id}`)), 40)])),
  }));
  console.log(`# sin, 150 epochs: ${JSON.stringify(r.fin)}`);
  assert.equal(r.loss, 'mse');
  assert.deepEqual(r.head.slice(1, 5), ['Train MSE', 'Test MSE', 'Train R²', 'Test R²']);
  assert.ok(r.heatTitle.some((t) => /Fitted curves/.test(t)));
  assert.match(r.caption, /R² 0\.\d/);
  for (const id of ['tanh', 'relu', 'elu']) assert.ok(r.fin[id].test < r.fin.linear.test, `${id} test mse ${r.fin[id].test} < linear ${r.fin.linear.test}`);
  assert.ok(r.fin.linear.r2 < 0.75, `a line explains at most ~61 % of sin(πx) on [-1, 1]: R² ${r.fin.linear.r2}`);
  assert.ok(r.fin.tanh.r2 > 0.9, `tanh follows the curve: R² ${r.fin.tanh.r2}`);
  assert.ok(r.colour.linear > 50 && r.colour.tanh > 50, `fits drawn in their colours: ${JSON.stringify(r.colour)}`);
  for (const ds of ['abs', 'step']) { // the other 1-D targets race too
    await page.$eval('#under-test', (el, d) => { el.__events.done = null; el.setAttribute('dataset', d); el.setAttribute('epochs', '20'); el.play(); }, ds);
    await page.waitForFunction((d) => document.querySelector('#under-test').race?.cfg.dataset === d, ds);
    await page.$eval('#under-test', (el) => el.play());
    await waitDone(page);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('divergence: names the quantity that blew up, and its fix lowers that network\'s learning rate and re-runs the race', async () => {
  const page = await open();
  await addRace(page, { dataset: 'spiral', activations: 'linear,relu,maxout', lr: '10', optimizer: 'sgd', epochs: '20', autoplay: '', predict: 'off', lang: 'en' });
  await waitDone(page);
  const items = await page.$eval('#under-test', (el) => [...el.shadowRoot.querySelectorAll('.diverge li[data-id]')].map((li) => ({ id: li.dataset.id, what: li.dataset.what, text: li.textContent })));
  console.log(`# diverged: ${JSON.stringify(items)}`);
  assert.deepEqual(items.map((i) => i.id), ['linear', 'maxout']);
  await screenshot(page.locator('#under-test'), 'race-data-diverged-en');
  for (const it of items) {
    assert.ok(['loss', 'gradient', 'weights'].includes(it.what));
    const said = { loss: /the loss went from a finite value/, gradient: /the gradient blew up \(norm \S+ at the last finite weights\)/, weights: /one update turned the weights into infinity\/NaN|the weights blew up \(largest \|weight\| \S+\), so the loss overflowed/ }[it.what];
    assert.match(it.text, new RegExp(`${it.id} diverged at epoch \\d+: `));
    assert.match(it.text, said);
    assert.match(it.text, /Run again with learning rate 1 for this network/);
  }
  await page.$eval('#under-test', (el) => { el.__events.done = null; el.shadowRoot.querySelector('.diverge button[data-id=linear]').click(); });
  await page.waitForFunction(() => document.querySelector('#under-test').getAttribute('lr-for') === 'linear:1');
  await waitDone(page);
  const after = await page.$eval('#under-test', (el) => ({ lr: el.race.entries.map((e) => [e.id, e.net.config().learningRate]),
    lowered: el.shadowRoot.querySelector('.diverge li.lowered')?.textContent, epoch: el.__events.done.epoch }));
  assert.deepEqual(after.lr, [['linear', 1], ['relu', 10], ['maxout', 10]], 'only that network runs at the lower rate');
  assert.match(after.lowered, /learning rate of linear: 1/);
  assert.equal(after.epoch, 20, 'the race ran again to its end');
  // Korean wording, live
  await page.$eval('#under-test', (el) => el.setAttribute('lang', 'ko'));
  assert.match(await sr(page, '.diverge'), /에포크 \d+에서 발산했습니다/);
  await screenshot(page.locator('#under-test'), 'race-data-diverged-ko');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('presets: each sets every control and says what to look for (ko and en); a preset travels in a share link', async () => {
  const page = await open();
  await addRace(page, { lang: 'en', activations: 'relu' });
  const { PRESETS } = await page.evaluate(() => import('/js/widgets/race/presets.js').then((m) => ({ PRESETS: m.PRESETS })));
  for (const [id, p] of Object.entries(PRESETS)) {
    await page.$eval('#under-test', (el, v) => { const s = el.shadowRoot.querySelector('select[name=preset]'); s.value = v; s.dispatchEvent(new Event('change', { bubbles: true })); }, id);
    await page.waitForFunction((v) => document.querySelector('#under-test').shadowRoot.querySelector('select[name=preset]')?.value === v
      && document.querySelector('#under-test').race?.cfg.preset === v, id);
    const c = await page.$eval('#under-test', (el) => {
      const f = el.shadowRoot.querySelector('form').elements;
      return { dataset: f.dataset.value, noise: f.noise.value, nlayers: f.nlayers.value, units: f.units.value, lr: f.lr.value, optimizer: f.optimizer.value,
        init: f.init.value, batch: f.batch.value, seed: f.seed.value, acts: [...el.shadowRoot.querySelectorAll('input[name=act]:checked')].map((x) => x.value).join(','),
        note: el.shadowRoot.querySelector('.presetnote')?.textContent, epochs: el.race.target, layers: el.race.cfg.layers.join(',') };
    });
    const sorted = (l) => l.split(',').sort().join(',');
    assert.deepEqual([c.dataset, c.noise, c.lr, c.optimizer, c.init, c.batch, c.seed, sorted(c.acts), c.layers, String(c.epochs)],
      [p.dataset, p.noise, p.lr, p.optimizer, p.init, p.batch, p.seed, sorted(p.activations), p.layers, p.epochs], `${id} sets every control`);
    assert.equal(Number(c.nlayers), p.layers.split(',').length);
    assert.ok(c.note && c.note.length > 40, `${id} says what to look for: ${c.note}`);
  }
  await page.$eval('#under-test', (el) => el.setAttribute('lang', 'ko'));
  assert.match(await sr(page, '.presetnote'), /회귀: sin\(πx\) 맞추기: .*선형 망/);
  // a control changed after a preset: the preset's values become attributes, the preset is dropped
  await page.$eval('#under-test', (el) => { const s = el.shadowRoot.querySelector('select[name=batch]'); s.value = '25'; s.dispatchEvent(new Event('change', { bubbles: true })); });
  await page.waitForFunction(() => !document.querySelector('#under-test').hasAttribute('preset'));
  assert.deepEqual(await page.$eval('#under-test', (el) => [el.getAttribute('dataset'), el.getAttribute('batch'), el.getAttribute('activations')]), ['sin', '25', 'linear,sigmoid,tanh,relu,elu']);
  await page.close();
  // share link: the demo race on its page with a preset in the hash
  const p2 = await app.newPage();
  await p2.goto(`${app.baseUrl}${PAGE}`);
  await waitReady(p2, '#race');
  const hash = await p2.evaluate(async () => {
    const { startShare } = await import('/js/share.js');
    const share = startShare({ elements: ['activation-race'] });
    const el = document.querySelector('#race'), s = el.shadowRoot.querySelector('select[name=preset]');
    s.value = 'maxout-xor'; s.dispatchEvent(new Event('change', { bubbles: true }));
    return share.hash();
  });
  assert.match(hash, /race\.preset=maxout-xor/);
  const p3 = await app.newPage();
  await p3.goto(`${app.baseUrl}${PAGE}${hash}`);
  await waitReady(p3, '#race');
  await p3.evaluate(async () => { const { startShare } = await import('/js/share.js'); startShare({ elements: ['activation-race'] }); });
  await p3.waitForFunction(() => document.querySelector('#race').race?.cfg.dataset === 'xor');
  assert.equal(await p3.$eval('#race', (el) => el.shadowRoot.querySelector('select[name=preset]').value), 'maxout-xor');
  // and custom points travel too
  await p3.evaluate(() => document.querySelector('#race').setAttribute('points', '0,0,0;0.5,0.5,1;-0.5,0.5,1;0.5,-0.5,0'));
  await p3.evaluate(() => document.querySelector('#race').setAttribute('dataset', 'custom'));
  await p3.waitForFunction(() => /race\.points=/.test(location.hash));
  assert.match(await p3.evaluate(() => decodeURIComponent(location.hash)), /race\.points=0,0,0;0\.5,0\.5,1;-0\.5,0\.5,1;0\.5,-0\.5,0/);
  await p2.close();
  await p3.close();
});

test('prediction: asks first, conceals the race, then compares the answer with the measured loss ratio; the verdict follows the data', async () => {
  const page = await open();
  await addRace(page, { dataset: 'circle', activations: 'linear,tanh,relu', epochs: '40', lang: 'en' });
  const s0 = await page.$eval('#under-test', (el) => ({ q: el.shadowRoot.querySelector('.predict legend').textContent,
    radios: el.shadowRoot.querySelectorAll('.predict input[name=prediction]').length, concealed: el.shadowRoot.querySelectorAll('.concealed').length }));
  assert.match(s0.q, /At epoch 40, how does the linear network's test loss compare/);
  assert.equal(s0.radios, 3);
  assert.ok(s0.concealed >= 3);
  await screenshot(page.locator('#under-test'), 'race-data-predict-before-en');
  await page.$eval('#under-test', (el) => el.shadowRoot.querySelector('.predict input[value="2"]').click());
  await waitDone(page);
  await page.waitForFunction(() => /Measured/.test(document.querySelector('#under-test').shadowRoot.querySelector('.verdict').textContent));
  const v = await sr(page, '.verdict');
  console.log(`# race prediction on circle: ${v}`);
  assert.match(v, /Your prediction: far higher \(5× or more\)\. Right\. Measured: test loss at epoch 40: linear \d\.\d+, \w+ \d\.\d+ → \d+\.\d×/);
  assert.equal(await page.$eval('#under-test', (el) => el.shadowRoot.querySelectorAll('.concealed').length), 0);
  await screenshot(page.locator('#under-test'), 'race-data-predict-after-en');
  // Gaussian blobs are linearly separable: the same answer is now wrong
  await page.$eval('#under-test', (el) => { el.__events.done = null; el.setAttribute('dataset', 'gaussian'); });
  await page.waitForFunction(() => document.querySelector('#under-test').race?.cfg.dataset === 'gaussian');
  await page.$eval('#under-test', (el) => el.play());
  await waitDone(page);
  await page.waitForFunction(() => /Not quite/.test(document.querySelector('#under-test').shadowRoot.querySelector('.verdict').textContent));
  assert.match(await sr(page, '.verdict'), /answer: (about the same|higher)/);
  await page.$eval('#under-test', (el) => el.setAttribute('lang', 'ko'));
  await page.waitForFunction(() => /측정값/.test(document.querySelector('#under-test').shadowRoot.querySelector('.verdict').textContent));
  // predict="off": nothing asked, nothing concealed
  await page.$eval('#under-test', (el) => el.setAttribute('predict', 'off'));
  assert.equal(await page.$eval('#under-test', (el) => el.shadowRoot.querySelector('.predict').hidden), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('screenshots: a drawn data set mid-race, a regression race, a prediction before/after, 1280 and 375 px, ko and en', async () => {
  for (const width of [1280, 375]) {
    for (const lang of ['ko', 'en']) {
      const page = await open({ width });
      await addRace(page, { dataset: 'custom', points: discAndRing(120).join(';'), activations: 'linear,sigmoid,tanh,relu,elu', epochs: '400', autoplay: '', predict: 'off', lang });
      await page.waitForFunction(() => document.querySelector('#under-test').epoch >= 25, null, { timeout: 60000 });
      await page.$eval('#under-test', (el) => el.pause());
      await screenshot(page.locator('#under-test'), `race-data-drawn-${width}-${lang}`);
      await page.$eval('#under-test', (el) => el.remove());
      await addRace(page, { dataset: 'sin', activations: 'linear,sigmoid,tanh,relu,elu', layers: '16,16', epochs: '120', autoplay: '', predict: 'off', lang });
      await waitDone(page);
      await screenshot(page.locator('#under-test'), `race-data-sin-${width}-${lang}`);
      await page.$eval('#under-test', (el) => el.remove());
      await addRace(page, { dataset: 'xor', activations: 'linear,relu,tanh', epochs: '30', lang });
      await screenshot(page.locator('#under-test'), `race-data-predict-before-${width}-${lang}`);
      await page.$eval('#under-test', (el) => el.shadowRoot.querySelector('.predict input[value="1"]').click());
      await waitDone(page);
      await page.waitForFunction(() => document.querySelector('#under-test').shadowRoot.querySelector('.verdict b'));
      await screenshot(page.locator('#under-test'), `race-data-predict-after-${width}-${lang}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  }
  // dark scheme: the data canvas and a fitted curve take the palette's dark colours
  const page = await open({ width: 375, colorScheme: 'dark' });
  await addRace(page, { dataset: 'custom', points: discAndRing(80).join(';'), activations: 'linear,relu', epochs: '20', autoplay: '', predict: 'off', lang: 'ko' });
  await waitDone(page);
  const bg = await page.$eval('#under-test', (el) => { const c = el.shadowRoot.querySelector('canvas.paint'); const d = c.getContext('2d').getImageData(2, 2, 1, 1).data; return [...d.slice(0, 3)]; });
  assert.ok(bg[0] + bg[1] + bg[2] < 200, `dark data canvas background: ${bg}`);
  await screenshot(page.locator('#under-test'), 'race-data-drawn-375-ko-dark');
  await page.close();
});
