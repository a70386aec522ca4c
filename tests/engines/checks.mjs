// The cross-engine checks, each written once against the driver interface of drivers.mjs and run
// in Chromium, Firefox and WebKit alike. ctx = { engine, page, site, cspSite, log(line) }.
// Functions passed to page.evaluate / page.waitFor run inside the page: self-contained, JSON in and out.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, diskCopy } from './site.mjs';
import { strictCsp as readmeCsp } from '../../tools/bundle-html.mjs';

// The README's strict policy (as tests/browser), naming index.html's one inline script by its hash.
export const CSP = readmeCsp(fs.existsSync(path.join(DIST, 'index.html')) ? fs.readFileSync(path.join(DIST, 'index.html'), 'utf8') : '');

const manifest = () => JSON.parse(fs.readFileSync(path.join(DIST, 'activation-widgets.json'), 'utf8'));
const WIDGETS = () => manifest().elements.join(',');
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

// The demo pages: every dist/embed/*.html (the iframe page with a widget to show).
export function demoPages() {
  const query = { 'embed.html': '?w=activation-plot&fn=elu&alpha=0.5' };
  return fs.readdirSync(path.join(DIST, 'embed')).filter((f) => f.endsWith('.html')).sort()
    .map((f) => `embed/${f}${query[f] || ''}`);
}

// In the page: every widget of `sel` once each has settled (ready or error), else null. Widgets a
// demo page shows on purpose with bad attributes (inside #invalid, or id="bad-…") are `bad`. A
// widget is built when it comes near the screen, so the page is scrolled to the first one still
// waiting, as a reader scrolling through would.
function settled(sel) {
  const els = [...document.querySelectorAll(sel)];
  const waiting = els.find((e) => e.deferred);
  if (waiting) waiting.scrollIntoView({ block: 'center' });
  if (!els.length || !els.every((e) => e.hasAttribute('ready') || e.hasAttribute('error'))) return null;
  return els.map((e) => ({
    tag: e.localName, id: e.id || '', bad: !!e.closest('#invalid') || /^bad-/.test(e.id || ''),
    ready: e.hasAttribute('ready'), error: e.hasAttribute('error'),
    message: e.hasAttribute('error') ? [...(e.shadowRoot || e).querySelectorAll('*')].filter((n) => n.localName !== 'style')
      .flatMap((n) => [...n.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent.trim())).filter(Boolean).join(' ').slice(0, 200) : '',
  }));
}
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));

async function widgetsSettle(page, sel, what, timeout = 120000) {
  return page.waitFor(settled, sel, { timeout, what: `${what}: every widget ready or error` });
}

// No error in the page (the probe's record); ResizeObserver-loop notices are logged, not failed.
async function assertClean(page, where, log) {
  const { errors, notices } = await page.probe();
  if (notices.length) log(`${where}: ${notices.length} ResizeObserver-loop notice(s) (benign, not counted as errors)`);
  assert.deepEqual(errors, [], `${where}: errors in the page`);
}

function assertWidgets(widgets, where) {
  assert.ok(widgets.length > 0, `${where}: no widget on the page`);
  for (const w of widgets) {
    const name = `${where}: <${w.tag}${w.id ? ` id=${w.id}` : ''}>`;
    if (w.bad) assert.ok(w.error && !w.ready, `${name} has bad attributes on purpose and must show a message`);
    else assert.ok(w.ready && !w.error, `${name} ${w.error ? `shows an error: ${w.message}` : 'is not ready'}`);
  }
}

// ---------------------------------------------------------------------------------- (1)
async function pagesReady({ engine, page, site, log }) {
  for (const url of ['index.html', ...demoPages()]) {
    const t0 = Date.now();
    await page.goto(site.baseUrl + url);
    const widgets = await widgetsSettle(page, WIDGETS(), url);
    assertWidgets(widgets, url);
    await page.evaluate(frames);
    await assertClean(page, url, log);
    log(`${url}: ${widgets.filter((w) => !w.bad).length} widgets ready${widgets.some((w) => w.bad) ? `, ${widgets.filter((w) => w.bad).length} bad ones with a message` : ''} in ${Date.now() - t0} ms`);
    if (url === 'index.html') {
      await page.evaluate(() => document.fonts.ready.then(() => { window.scrollTo(0, 0); return true; }));
      await page.screenshot(`engines-${engine}-index-ko`);
    }
  }
}

// ---------------------------------------------------------------------------------- (2)
async function sliderMovesPlot({ engine, page, site, log }) {
  await page.goto(`${site.baseUrl}embed/gallery.html`);
  await widgetsSettle(page, 'activation-plot', 'gallery');
  // the first plot with a parameter slider, and in-page helpers to read its canvas
  const target = await page.evaluate(() => {
    const el = [...document.querySelectorAll('activation-plot')].find((e) => e.hasAttribute('ready') && e.shadowRoot && e.shadowRoot.querySelector('input[type=range]'));
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const canvas = () => el.shadowRoot.querySelector('canvas'); // re-read: a redraw may replace it
    window.__enginesPlot = {
      el,
      frames: () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      pixels: () => { const cv = canvas(); return cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data; },
      diff: (a, b) => { // device pixels whose colour differs; -1 when the canvas size changed
        if (a.length !== b.length) return -1;
        let n = 0;
        for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
        return n;
      },
    };
    const s = el.shadowRoot.querySelector('input[type=range]'), cv = canvas();
    return { fn: el.getAttribute('fn'), slider: s.name || s.id || s.getAttribute('aria-label'), value: s.value, canvas: [cv.width, cv.height] };
  });
  assert.ok(target, 'the gallery has an <activation-plot> with a parameter slider');
  // the baseline: a canvas that stays the same over two frames, so a change below is the slider's
  await page.waitFor(() => {
    const P = window.__enginesPlot, a = P.pixels().slice();
    return P.frames().then(() => { if (P.diff(a, P.pixels()) !== 0) return null; P.before = a; return true; });
  }, null, { timeout: 10000, what: 'the plot to stay still before the slider moves' });
  const moved = await page.evaluate(() => {
    const s = window.__enginesPlot.el.shadowRoot.querySelector('input[type=range]');
    s.value = Number(s.value) === Number(s.max) ? s.min : s.max;
    s.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return { to: s.value };
  });
  const after = await page.waitFor(() => {
    const P = window.__enginesPlot;
    return P.frames().then(() => {
      const b = P.pixels(), n = P.diff(P.before, b);
      return n > 200 || n === -1 ? { changed: n, total: b.length / 4 } : null;
    });
  }, null, { timeout: 10000, what: 'canvas pixels changed by the slider' });
  log(`<activation-plot fn=${target.fn}> slider ${target.slider} ${target.value} -> ${moved.to}: ${after.changed} of ${after.total} device pixels changed (canvas ${target.canvas.join('x')})`);
  assert.ok(after.changed > 200, `pixels changed: ${after.changed}`);
  await page.screenshot(`engines-${engine}-gallery-slider`);
  await assertClean(page, 'gallery.html', log);
}

// ---------------------------------------------------------------------------------- (3)
// A 20-epoch race added at the top of the page; resolves with its state once done.
async function raceToDone(page, id, attrs) {
  await page.evaluate(({ id, attrs }) => {
    const el = document.createElement('activation-race');
    el.id = id;
    el.__enginesDone = false;
    el.addEventListener('done', () => { el.__enginesDone = true; });
    for (const [k, v] of attrs) el.setAttribute(k, v);
    (document.querySelector('main') || document.body).prepend(el);
    window.scrollTo(0, 0);
    return true;
  }, { id, attrs: Object.entries(attrs) });
  return page.waitFor((id) => {
    const el = document.getElementById(id);
    return el && (el.__enginesDone || el.hasAttribute('done'))
      ? { epoch: el.epoch, event: el.__enginesDone, trainedIn: el.trainedIn, histories: JSON.stringify(el.histories) } : null;
  }, id, { timeout: 120000, interval: 500, what: `the 20-epoch race #${id} done` });
}

async function raceRunsToDone({ engine, page, site, log }) {
  await page.goto(`${site.baseUrl}embed/race.html`);
  await widgetsSettle(page, 'activation-race', 'race.html');
  const t0 = Date.now();
  const RACE = { epochs: '20', autoplay: '', lang: 'en' };
  const state = await raceToDone(page, 'engines-race', RACE);
  const rows = await page.evaluate(() => [...document.querySelector('#engines-race').shadowRoot.querySelectorAll('tbody tr')]
    .map((tr) => ({ id: tr.dataset.id || tr.cells[0].textContent.trim(), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()) })));
  log(`20-epoch race done in ${Date.now() - t0} ms (epoch ${state.epoch}, done event ${state.event}); ${rows.length} rows, e.g. ${JSON.stringify(rows[0])}`);
  assert.equal(state.epoch, 20);
  assert.ok(rows.length >= 2, `results table rows: ${rows.length}`);
  for (const r of rows) {
    assert.ok(r.cells.length >= 2 && r.cells.every((c) => c.length > 0), `${r.id}: every cell filled: ${JSON.stringify(r.cells)}`);
    assert.ok(Number.isFinite(Number(r.cells[0])), `${r.id}: the train loss is a number: ${r.cells[0]}`);
  }
  await page.evaluate(frames);
  await page.screenshot(`engines-${engine}-race-done`);
  // Trained where it could (a worker over http), and the same numbers as on the main thread.
  const onPage = await raceToDone(page, 'engines-race-page', { ...RACE, worker: 'off' });
  log(`the race trained in the ${state.trainedIn}; with worker="off" in the ${onPage.trainedIn}`);
  assert.equal(onPage.trainedIn, 'page');
  assert.equal(onPage.histories, state.histories, 'every loss of every epoch the same on both paths');
  await assertClean(page, 'race.html', log);
}

// ---------------------------------------------------------------------------------- (4)
// Text a reader meets in the first widget of each tag (shadow root, no style/script), per tag;
// with english: null until none of them holds Hangul.
function shadowTexts({ tags, english = false }) {
  const out = {};
  for (const tag of tags) {
    const el = document.querySelector(tag);
    if (!el || !el.shadowRoot) { out[tag] = null; continue; }
    const parts = [];
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.nodeType === 3) { if (n.textContent.trim()) parts.push(n.textContent.trim()); } else if (n.nodeType === 1 && n.localName !== 'style' && n.localName !== 'script') walk(n);
      }
    };
    walk(el.shadowRoot);
    out[tag] = parts.join(' | ');
  }
  const hangul = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
  return english && Object.values(out).some((t) => !t || hangul.test(t)) ? null : out;
}

async function languageSwitch({ engine, page, site, log }) {
  const tags = ['activation-plot', 'dead-neurons'];
  await page.goto(`${site.baseUrl}index.html`);
  await widgetsSettle(page, tags.join(','), 'index.html');
  const ko = await page.evaluate(shadowTexts, { tags });
  for (const tag of tags) {
    assert.ok(ko[tag], `${tag} on the page with a shadow root`);
    assert.match(ko[tag], HANGUL, `${tag} starts in Korean`);
  }
  await page.evaluate(() => { document.documentElement.lang = 'en'; return true; });
  const en = await page.waitFor(shadowTexts, { tags, english: true }, { timeout: 10000, what: 'widget text without Hangul after lang=en' }).catch(async (e) => {
    const now = await page.evaluate(shadowTexts, { tags });
    throw new Error(`${e.message}; Hangul left: ${JSON.stringify(Object.fromEntries(Object.entries(now).map(([k, v]) => [k, (v || '').split(' | ').filter((x) => HANGUL.test(x)).slice(0, 3)])))}`);
  });
  for (const tag of tags) {
    assert.notEqual(en[tag], ko[tag], `${tag}: text changed`);
    assert.doesNotMatch(en[tag], HANGUL, `${tag}: no Hangul left in English`);
    log(`${tag}: "${ko[tag].slice(0, 40)}…" -> "${en[tag].slice(0, 40)}…"`);
  }
  // the English screenshot with the page's own text in English too (its language button)
  await page.evaluate(() => {
    const b = document.querySelector('button[data-set-lang="en"]');
    if (b) b.click();
    window.scrollTo(0, 0);
    return document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  });
  await page.screenshot(`engines-${engine}-index-en`);
  await assertClean(page, 'index.html', log);
  await page.evaluate(() => { try { localStorage.clear(); } catch (e) { /* storage off */ } return true; }); // the choice is remembered
}

// ---------------------------------------------------------------------------------- (5)
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function exportDownloads({ page, site, log }) {
  await page.goto(`${site.baseUrl}embed.html?w=activation-plot&fn=elu&alpha=0.5&lang=en`);
  await widgetsSettle(page, 'activation-plot', 'embed.html');
  for (const kind of ['png', 'svg']) {
    const d = await page.download(() => page.click('activation-plot', `button[name="export-${kind}"]`));
    log(`${kind}: ${d.how} download ${d.name}, ${d.type}, ${d.size} bytes${d.saved ? `; saved ${d.saved.name}, ${d.saved.size} bytes` : ''}`);
    assert.ok(d.name.endsWith(`.${kind}`), `file name ${d.name}`);
    assert.ok(d.size > (kind === 'png' ? 2000 : 1000), `${kind} size ${d.size}`);
    if (kind === 'png') {
      assert.equal(d.type, 'image/png');
      assert.deepEqual(d.head.slice(0, 8), PNG_SIGNATURE, 'a PNG file');
    } else {
      assert.equal(d.type, 'image/svg+xml');
      assert.match(Buffer.from(d.head).toString('latin1'), /^\s*(<\?xml|<svg)/, 'an SVG document');
    }
    if (d.saved) { // a real file on disk: the same bytes the page offered
      assert.equal(d.saved.name, d.name);
      assert.equal(d.saved.size, d.size);
      assert.deepEqual(d.saved.head, d.head);
    }
  }
  await assertClean(page, 'embed.html', log);
}

// ---------------------------------------------------------------------------------- (6)
async function fileUrl({ page, log }) {
  const copy = diskCopy();
  try {
    const t0 = Date.now();
    await page.goto(copy.url);
    assert.equal(await page.evaluate(() => location.protocol), 'file:');
    const widgets = await widgetsSettle(page, WIDGETS(), 'file:// index.html');
    assertWidgets(widgets, 'file:// index.html');
    await assertClean(page, 'file:// index.html', log);
    log(`file:// index.html: ${widgets.length} widgets ready in ${Date.now() - t0} ms`);
  } finally {
    copy.close();
  }
}

// ---------------------------------------------------------------------------------- (7)
async function strictCsp({ page, cspSite, log }) {
  for (const url of ['', 'embed.html?w=activation-plot&fn=elu&alpha=0.5', 'embed/embed.html?w=activation-race']) {
    const where = url || 'index.html';
    await page.goto(cspSite.baseUrl + url);
    const widgets = await widgetsSettle(page, WIDGETS(), `${where} under CSP`);
    assertWidgets(widgets, `${where} under CSP`);
    assert.deepEqual(await page.csp(), [], `${where}: CSP violations`);
    await assertClean(page, where, log);
    // and the policy really is in force: a string timer (eval) is refused and reported
    const probe = await page.evaluate(() => new Promise((resolve) => {
      setTimeout('window.__enginesEvalRan = true', 0); // eslint-disable-line no-implied-eval
      setTimeout(() => resolve({ ran: window.__enginesEvalRan === true, csp: window.__engines.csp.slice() }), 300);
    }));
    assert.equal(probe.ran, false, `${where}: eval is blocked, so the CSP is in force`);
    assert.ok(probe.csp.some((v) => /^script-src/.test(v) && /eval/.test(v)), `${where}: the refused eval is reported: ${probe.csp.join(', ')}`);
    log(`${where} under the strict CSP: ${widgets.length} widgets ready, no violation; eval refused (${probe.csp.join(', ')})`);
  }
}

export const CHECKS = [
  { id: 'ready', title: '(1) index.html and every demo page: each widget ready, no page error', run: pagesReady, timeout: 600000 },
  { id: 'slider', title: '(2) a parameter slider redraws the <activation-plot> canvas', run: sliderMovesPlot, timeout: 180000 },
  { id: 'race', title: '(3) a 20-epoch <activation-race> runs to done and fills its results table', run: raceRunsToDone, timeout: 360000 },
  { id: 'lang', title: '(4) <html lang="en"> switches activation-plot and dead-neurons out of Korean', run: languageSwitch, timeout: 180000 },
  { id: 'export', title: '(5) PNG and SVG export buttons offer the file (a real download where the engine allows)', run: exportDownloads, timeout: 180000 },
  { id: 'file', title: '(6) dist/index.html from file:// reaches ready', run: fileUrl, timeout: 300000 },
  { id: 'csp', title: '(7) strict CSP: index.html and the iframe pages ready, no violation, eval refused', run: strictCsp, timeout: 400000 },
];
