// Experiments (B) widgets in Chromium on dist/embed/experiments-b.html: each becomes ready, draws
// (canvas pixels in its activation's colour), reacts to its main control, pauses off screen, shows
// inline messages for bad attributes, fits 375 px in the dark scheme. Screenshots: tests/artifacts/exp-*.png.
// Run: DIST_DIR=build/expb-dist node --test tests/browser/experiments-b.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { launch, screenshot, waitReady } from './harness.mjs';
import { contrast } from './page-colour.mjs';

const PAGE = 'embed/experiments-b.html';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Long tasks (> 50 ms) observed from page start; widgets read pixels of their own canvases.
const INIT = `
window.__long = [];
// the widgets' events (they bubble and are composed, so the document hears them): [type, host id]
window.__events = [];
for (const t of ['progress', 'done']) document.addEventListener(t, (e) => window.__events.push([t, e.target.id]));
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration }); })
  .observe({ type: 'longtask', buffered: true });
const FALLBACK = { '--c-sigmoid': '#ad811c', '--c-tanh': '#ff3f19', '--c-leaky_relu': '#0e895c', '--c-prelu': '#bf5f9b', '--c-rrelu': '#3d91c2' };
window.__colorCount = (el, name, index = 0, tol = 60) => {
  const cv = el.shadowRoot.querySelectorAll('canvas')[index];
  const c = document.createElement('canvas'); c.width = c.height = 1;
  const g = c.getContext('2d'); g.fillStyle = getComputedStyle(el).getPropertyValue(name).trim() || FALLBACK[name]; g.fillRect(0, 0, 1, 1);
  const [r, gr, b] = g.getImageData(0, 0, 1, 1).data;
  const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - gr) + Math.abs(d[i + 2] - b) <= tol) n++;
  return n;
};`;

async function open({ width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const page = await env.newPage({ width, height, colorScheme });
  await page.addInitScript(INIT);
  await page.goto(env.baseUrl + PAGE);
  return page;
}
const shadowText = (page, sel, inner) => page.$eval(sel, (el, q) => el.shadowRoot.querySelector(q)?.textContent ?? '', inner);
const heard = (page, type, id) => page.evaluate(([t, i]) => window.__events.some(([a, b]) => a === t && b === i), [type, id]);
// Contrast of the guide's recommendation chip: its text against its own background.
const hex = (rgb) => `#${rgb.match(/\d+/g).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
const chipContrast = (page, sel) => page.$eval(sel, (el) => { const cs = getComputedStyle(el.shadowRoot.querySelector('.chip')); return [cs.color, cs.backgroundColor]; })
  .then(([fg, bg]) => contrast(hex(fg), hex(bg)));

test('zigzag-descent: sigmoid path only same-sign updates, slower than tanh; the learning-rate slider recomputes', async () => {
  const page = await open();
  await waitReady(page, '#zz');
  await page.waitForSelector('#zz[done]', { timeout: 20000 });
  const stats = await page.$eval('#zz', (el) => [...el.shadowRoot.querySelectorAll('.stat')].map((s) => s.textContent));
  const parse = (s) => ({ conv: Number(/(\d+)/.exec(s)[1]), same: s.match(/(\d+)\/(\d+)/).slice(1).map(Number) });
  const [sig, tnh] = stats.map(parse);
  assert.equal(sig.same[0], sig.same[1], `sigmoid: every update same-sign (${stats[0]})`);
  assert.ok(tnh.same[0] < tnh.same[1], `tanh has mixed-sign updates (${stats[1]})`);
  assert.ok(sig.conv > 3 * tnh.conv, `sigmoid ${sig.conv} steps vs tanh ${tnh.conv}`);
  console.log(`# zigzag default: sigmoid ${sig.conv} steps (${sig.same.join('/')} same-sign), tanh ${tnh.conv} steps (${tnh.same.join('/')})`);
  assert.ok(await page.evaluate(() => window.__colorCount(document.querySelector('#zz'), '--c-sigmoid', 0)) > 50, 'sigmoid path drawn');
  assert.ok(await page.evaluate(() => window.__colorCount(document.querySelector('#zz'), '--c-tanh', 1)) > 20, 'tanh path drawn');
  await screenshot(page.locator('#zz'), 'exp-zigzag-1280');
  // main control
  await page.$eval('#zz', (el) => { const r = el.shadowRoot.querySelector('input[name=lr]'); r.value = '1'; r.dispatchEvent(new Event('input')); });
  const after = await page.$eval('#zz', (el) => el.shadowRoot.querySelector('.stat').textContent);
  assert.notEqual(after, stats[0]);
  assert.match(await page.$eval('#zz', (el) => el.shadowRoot.querySelector('table').textContent), /\d+\/\d+/);
  // while the paths animate, each drawing of the frame loop redraws one panel (one canvas to copy
  // to the compositor); the last drawing, and any drawing outside the loop, redraws both
  await page.waitForSelector('#zz[done]', { timeout: 20000 });
  const drawings = await page.$eval('#zz', async (el) => {
    const log = [];
    const drawPanel = el.drawPanel;
    let current = null;
    el.drawPanel = function (...a) { if (current) current.panels++; return drawPanel.apply(this, a); };
    const render = el.render;
    el.render = function () { current = { loop: !!this.inLoop, finished: !!this.finished, panels: 0 }; render.call(this); log.push(current); current = null; };
    el.shadowRoot.querySelector('button[name=replay]').click();
    await new Promise((r) => { const t = setInterval(() => { if (el.hasAttribute('done')) { clearInterval(t); r(); } }, 50); });
    return log;
  });
  const moving = drawings.filter((d) => d.loop && !d.finished), rest = drawings.filter((d) => !d.loop || d.finished);
  assert.ok(moving.length >= 3, JSON.stringify(drawings));
  assert.ok(moving.every((d) => d.panels === 1), JSON.stringify(moving));
  assert.ok(rest.length >= 2 && rest.every((d) => d.panels === 2), JSON.stringify(rest));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('activation-speed: measures every row in slices, draws bars, re-measures on the button', async () => {
  const page = await open();
  await page.locator('#sp').scrollIntoViewIfNeeded();
  await waitReady(page, '#sp');
  await page.waitForSelector('#sp[done]', { timeout: 60000 });
  const rows = await page.$eval('#sp', (el) => [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, 12);
  // linear's f is a copy: it may be below the browser clock's resolution even at 1.5 M elements
  for (const r of rows) assert.ok(Number(r[1]) >= 0 && Number(r[2]) >= 0 && (/^linear/i.test(r[0]) || Number(r[1]) > 0), r.join(' | '));
  console.log(`# speed (ns/element f, f', ×ReLU): ${rows.map((r) => `${r[0]}: ${r[1]}, ${r[2]}, ${r[3]}`).join('; ')}`);
  assert.ok(await page.evaluate(() => window.__colorCount(document.querySelector('#sp'), '--c-sigmoid', 0, 30)) > 100, 'bars drawn');
  assert.match(await shadowText(page, '#sp', '.summary'), /\d/);
  assert.ok(await heard(page, 'done', 'sp') && await heard(page, 'progress', 'sp'), 'progress and done events reach the document');
  await screenshot(page.locator('#sp'), 'exp-speed-1280');
  const long = await page.evaluate(() => window.__long.filter((t) => t.ms > 50 && t.start > 2000));
  const [work, frames] = await page.$eval('#sp', (el) => [el.loop.maxFrameWorkMs, el.loop.workFrames]);
  console.log(`# speed: longest frame of work ${work.toFixed(1)} ms over ${frames} frames; long tasks after 2 s: ${long.length} (load ${os.loadavg()[0].toFixed(1)}; printed, not asserted)`);
  // the structure, not the clock: 12 rows x rounds of wasm calls spread over many frames, not one task
  assert.ok(frames >= 12, `measured in slices over many frames: ${frames}`);
  await page.$eval('#sp', (el) => el.shadowRoot.querySelector('button[name=measure]').click());
  assert.equal(await page.$eval('#sp', (el) => el.hasAttribute('done')), false);
  await page.waitForSelector('#sp[done]', { timeout: 60000 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('leaky-compare: α view trains to the end, the dataset select restarts it; PReLU α moves; RReLU curves', async () => {
  const page = await open();
  for (const id of ['#lk-alpha', '#lk-prelu', '#lk-rrelu']) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await waitReady(page, id);
    await page.waitForSelector(`${id}[done]`, { timeout: 60000 });
  }
  const table = await page.$eval('#lk-alpha', (el) => [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.ok(await heard(page, 'progress', 'lk-alpha') && await heard(page, 'done', 'lk-alpha'), 'progress and done events reach the document');
  assert.equal(table.length, 3);
  console.log(`# leaky alpha default (train loss, test loss, test acc): ${table.map((r) => r.join(' ')).join('; ')}`);
  assert.ok(await page.evaluate(() => window.__colorCount(document.querySelector('#lk-alpha'), '--c-leaky_relu')) > 100, 'leaky curves drawn');
  await page.locator('#lk-alpha').scrollIntoViewIfNeeded();
  await screenshot(page.locator('#lk-alpha'), 'exp-leaky-alpha');
  const line = await shadowText(page, '#lk-prelu', '.line');
  const [mn, , mx] = line.match(/-?\d+\.\d+/g).map(Number);
  console.log(`# prelu: ${line}`);
  assert.ok(mn < 0.24 || mx > 0.26, `alpha moved from 0.25: ${line}`);
  assert.ok(await page.evaluate(() => window.__colorCount(document.querySelector('#lk-prelu'), '--c-prelu')) > 100);
  await page.locator('#lk-prelu').scrollIntoViewIfNeeded();
  await screenshot(page.locator('#lk-prelu'), 'exp-prelu');
  const rr = await page.$eval('#lk-rrelu', (el) => [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rr.length, 2);
  console.log(`# rrelu (train-mode, train eval, test, gap): ${rr.map((r) => r.join(' ')).join('; ')}`);
  await page.locator('#lk-rrelu').scrollIntoViewIfNeeded();
  await screenshot(page.locator('#lk-rrelu'), 'exp-rrelu');
  // main control: the dataset select restarts training on another data set
  await page.locator('#lk-alpha').scrollIntoViewIfNeeded();
  await page.$eval('#lk-alpha', (el) => { const s = el.shadowRoot.querySelector('select'); s.value = 'spiral'; s.dispatchEvent(new Event('change')); });
  assert.equal(await page.$eval('#lk-alpha', (el) => el.hasAttribute('done')), false);
  await page.waitForSelector('#lk-alpha[done]', { timeout: 60000 });
  const table2 = await page.$eval('#lk-alpha', (el) => [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => tr.textContent));
  assert.notDeepEqual(table2, table.map((r) => r.join('')));
  const long = await page.evaluate(() => window.__long.filter((t) => t.ms > 50 && t.start > 2000));
  const work = await page.$$eval('leaky-compare:not([error])', (els) => els.map((el) => [el.loop.maxFrameWorkMs, el.loop.workFrames]));
  console.log(`# leaky: longest frame of work per widget ${work.map(([w, f]) => `${w.toFixed(1)} ms over ${f} frames`).join(', ')}; long tasks after 2 s: ${long.length} (load ${os.loadavg()[0].toFixed(1)}; printed, not asserted)`);
  for (const [, f] of work) assert.ok(f >= 2, `trained in slices, not in one task: ${f} frames`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('leaky-compare pauses off screen', async () => {
  const page = await open({ width: 375, height: 700 });
  await waitReady(page, '#lk-rrelu');
  await page.waitForTimeout(1500);
  assert.match(await shadowText(page, '#lk-rrelu', '.status'), /\b0\/200/);
  await page.locator('#lk-rrelu').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !/\b0\/200/.test(document.querySelector('#lk-rrelu').shadowRoot.querySelector('.status').textContent));
  await page.close();
});

test('activation-guide: the post\'s picks follow the answers', async () => {
  const page = await open();
  await waitReady(page, '#gd');
  const chip = () => page.$eval('#gd', (el) => el.shadowRoot.querySelector('.chip').dataset.id);
  const toggle = (name) => page.$eval('#gd', (el, n) => el.shadowRoot.querySelector(`input[name="${n}"]`).click(), name);
  assert.equal(await chip(), 'selu');
  assert.ok(await chipContrast(page, '#gd') >= 4.5, 'SELU chip readable (light)');
  await toggle('self-normalizing');
  assert.equal(await chip(), 'elu');
  await toggle('overfitting');
  assert.equal(await chip(), 'rrelu');
  await toggle('speed');
  assert.equal(await chip(), 'relu');
  assert.ok(await chipContrast(page, '#gd') >= 3, 'ReLU chip readable (large bold text)');
  assert.match(await page.$eval('#gd', (el) => el.shadowRoot.querySelector('.out').textContent), /LeakyReLU|Leaky ReLU/);
  await toggle('cross-validate');
  assert.ok(await page.$eval('#gd', (el) => !!el.shadowRoot.querySelector('.cv')));
  const hrefs = await page.$eval('#gd', (el) => [...el.shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 3 && hrefs.every((h) => /^#[a-z-]+$/.test(h)), hrefs.join(' '));
  await page.locator('#gd').scrollIntoViewIfNeeded();
  await screenshot(page.locator('#gd'), 'exp-guide');
  await page.close();
});

test('invalid attributes show inline messages; 375 px dark without horizontal scroll', async () => {
  const page = await open({ width: 375, height: 800, colorScheme: 'dark' });
  for (const [sel, word] of [['#bad-zz', 'lr'], ['#bad-sp', 'swish'], ['#bad-lk', 'dataset'], ['#bad-gd', 'link-base']]) {
    await page.waitForSelector(`${sel}[error]`, { timeout: 15000 });
    assert.match(await shadowText(page, sel, '.error'), new RegExp(word));
  }
  assert.equal(await page.$eval('#bad-gd', (el) => el.shadowRoot.querySelectorAll('a').length), 0, 'no javascript: link');
  await waitReady(page, '#zz, #sp, #gd');
  await page.waitForSelector('#zz[done]', { timeout: 20000 });
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 375), 'no horizontal scroll');
  await screenshot(page.locator('#zz'), 'exp-zigzag-375-dark');
  for (const [id, name] of [['#sp', 'speed'], ['#lk-alpha', 'leaky-alpha'], ['#lk-rrelu', 'rrelu'], ['#gd', 'guide']]) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${id}[ready]`);
    if (id === '#gd') assert.ok(await chipContrast(page, id) >= 4.5, 'SELU chip readable (dark)');
    if (id !== '#gd') await page.waitForSelector(`${id}[done]`, { timeout: 60000 });
    await screenshot(page.locator(id), `exp-${name}-375-dark`);
  }
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 375), 'no horizontal scroll after drawing');
  await page.locator('#bad-zz').scrollIntoViewIfNeeded();
  await screenshot(page.locator('#bad-zz'), 'exp-error-375-dark');
  await page.close();
});

// A download triggered by a button inside a widget (Playwright locators reach into open shadow roots).
async function downloadFrom(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const fsMod = await import('node:fs');
  return { file: dl.suggestedFilename(), text: fsMod.readFileSync(await dl.path(), 'latin1') };
}
// The table's cells as the reader sees them (header row first).
const tableCells = (page, sel, tableQuery) => page.$eval(sel, (el, q) =>
  [...el.shadowRoot.querySelector(q).rows].map((tr) => [...tr.cells].map((c) => c.textContent.trim())), tableQuery);
// CSV without quoted cells (these tables have no commas or quotes), UTF-8 decoded.
const parseCSV = (text) => Buffer.from(text, 'latin1').toString('utf8').trimEnd().split('\r\n').map((l) => l.split(','));

test('exports: zigzag CSV and leaky-compare CSV match their tables; the leaky plot downloads as SVG and PNG', async () => {
  const page = await open();
  await waitReady(page, '#zz, #lk-alpha');
  await page.waitForSelector('#zz[done]', { timeout: 20000 });
  const zz = await downloadFrom(page, '#zz button[name=export-csv]');
  assert.equal(zz.file, 'zigzag-descent.csv');
  const zzRows = parseCSV(zz.text);
  assert.equal(zzRows.length, 3, 'header + sigmoid + tanh');
  assert.deepEqual(zzRows, await tableCells(page, '#zz', 'table'));

  await page.$eval('#lk-alpha', (el) => el.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('#lk-alpha').shadowRoot.querySelector('.stats table'), null, { timeout: 20000 });
  const lk = await downloadFrom(page, '#lk-alpha button[name=export-csv]');
  assert.equal(lk.file, 'leaky-compare-alpha.csv');
  const lkRows = parseCSV(lk.text), shown = await tableCells(page, '#lk-alpha', '.stats table');
  assert.equal(lkRows.length, 4, 'header + relu + two leaky runs');
  assert.deepEqual(lkRows[0], shown[0]);
  assert.deepEqual(lkRows.map((r) => r[0]), shown.map((r) => r[0]), 'same runs (the numbers move while it trains)');
  const svg = await downloadFrom(page, '#lk-alpha button[name=export-svg]');
  assert.equal(svg.file, 'leaky-compare-alpha.svg');
  assert.match(svg.text, /^<\?xml[^]*<svg[^]*<path /);
  const png = await downloadFrom(page, '#lk-alpha button[name=export-png]');
  assert.ok(png.text.startsWith('\x89PNG') && png.text.length > 2000, `PNG of ${png.text.length} bytes`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
