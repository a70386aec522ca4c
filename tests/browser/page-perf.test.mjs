// The whole teaching page (dist/index.html: 22 widgets, ~220 formulas) as a reader loads it,
// measured in Chromium and printed: what it downloads (gzip sizes, fonts apart), how long until
// every widget is ready, the main-thread long tasks while it loads, and while the ten-network race
// runs inside it. Issue 6's page targets: payload < 300 KB gzip excluding fonts (a byte count,
// asserted), every widget ready < 1 s, no task over 50 ms while the race runs (timings: printed,
// not asserted; this machine is shared and noisy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, DIST } from './harness.mjs';

const PAYLOAD_BUDGET = 300 * 1024;
const FONT = /\.(woff2?|ttf|otf)$/i;
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Long tasks and the moment each widget sets `ready`, recorded from the first byte on.
const RECORDER = () => {
  window.__perf = { long: [], ready: [] };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__perf.long.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((ms) => {
    for (const m of ms) {
      if (m.target.hasAttribute('ready')) window.__perf.ready.push({ at: performance.now(), tag: m.target.tagName.toLowerCase() });
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['ready'] });
};
const WIDGETS = () => [...document.querySelectorAll('*')].filter((e) => e.tagName.includes('-') && e.tagName !== 'ACTIVATION-SHARE-CONTROL');

// Loads the page in a new tab and waits for every widget: {widgets, last (ms), long, urls}.
async function loadOnce() {
  const page = await env.newPage();
  await page.addInitScript(RECORDER);
  await page.goto(env.baseUrl);
  await page.waitForFunction((src) => {
    const all = (0, eval)(src)();
    return all.length >= 20 && all.every((e) => e.hasAttribute('ready'));
  }, `(${WIDGETS})`, { timeout: 60000 });
  const r = await page.evaluate((src) => ({
    widgets: (0, eval)(src)().length,
    perf: window.__perf,
    urls: [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)],
  }), `(${WIDGETS})`);
  const ready = r.perf.ready.filter((x) => x.tag !== 'activation-share-control');
  r.readyCount = new Set(ready.map((x) => x.tag)).size;
  r.last = Math.max(...ready.map((x) => x.at));
  r.errors = page.errors;
  await page.close();
  return r;
}

test('full page: payload (gzip, fonts apart), time until every widget is ready, long tasks while loading', async () => {
  // The first load is a new reader's: the browser has shown another page already (its process and
  // system fonts warm, as a reader's browser is), none of our files cached. The next loads are a
  // returning reader's (HTTP and V8 code caches warm).
  const other = await env.newPage();
  await other.goto('data:text/html;charset=utf-8,<p lang="ko" style="font-family:sans-serif">다른 페이지 · another page</p>');
  await other.close();
  const r = await loadOnce();
  const warm = [];
  for (let i = 0; i < 3; i++) warm.push((await loadOnce()).last);
  warm.sort((a, b) => a - b);

  // Every same-origin file the page fetched, gzipped as a server would (level 9), fonts apart.
  const rows = [];
  for (const u of new Set(r.urls)) {
    const url = new URL(u);
    assert.equal(url.origin, new URL(env.baseUrl).origin, `nothing external: ${u}`);
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(DIST, rel.endsWith('/') ? `${rel}index.html` : rel);
    const bytes = fs.readFileSync(file);
    rows.push({ rel, raw: bytes.length, gz: zlib.gzipSync(bytes, { level: 9 }).length, font: FONT.test(rel) });
  }
  const code = rows.filter((x) => !x.font), fonts = rows.filter((x) => x.font);
  const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('page payload (gzip -9 of every file fetched):');
  for (const x of code.sort((a, b) => b.gz - a.gz)) console.log(`  ${x.rel.padEnd(28)} ${kb(x.raw).padStart(10)} raw ${kb(x.gz).padStart(10)} gzip`);
  console.log(`  total excluding fonts: ${kb(sum(code, 'gz'))} gzip (budget ${kb(PAYLOAD_BUDGET)}); fonts: ${fonts.length} files, ${kb(sum(fonts, 'gz'))}`);

  const longest = Math.max(0, ...r.perf.long.map((x) => x.ms));
  console.log(`every widget ready (${r.widgets}): first load ${(r.last / 1000).toFixed(2)} s after navigation, ` +
    `reloads ${warm.map((x) => (x / 1000).toFixed(2)).join(' / ')} s (target < 1 s; printed, not asserted)`);
  console.log(`long tasks during the first load: ${r.perf.long.length}, longest ${longest} ms: ${r.perf.long.map((x) => `${x.ms}@${x.at}`).join(' ')}`);

  // What the page must (not) ship: KaTeX's output is in the HTML, so its script stays home.
  // the lean bundle with the wasm beside it (not the self-contained one, which inlines it as base64)
  const files = code.map((x) => x.rel);
  for (const f of ['index.html', 'activation-widgets.lean.js', 'activations.wasm']) assert.ok(files.includes(f), `${f} fetched: ${files.join(' ')}`);
  assert.ok(!files.includes('activation-widgets.js') && !files.includes('activations.js'), files.join(' '));
  assert.ok(!code.some((x) => /katex(\.min)?\.js$/.test(x.rel)), 'katex.min.js must not be fetched by the built page');
  assert.ok(sum(code, 'gz') < PAYLOAD_BUDGET, `payload ${kb(sum(code, 'gz'))} gzip is over the ${kb(PAYLOAD_BUDGET)} budget`);
  assert.ok(r.readyCount >= 9, `every kind of widget reported ready: ${r.readyCount}`);
  assert.deepEqual(r.errors, []);
});

test('full page: long tasks while the ten-network race runs (printed)', async () => {
  const page = await env.newPage();
  await page.addInitScript(RECORDER);
  await page.goto(env.baseUrl);
  await page.waitForFunction((src) => (0, eval)(src)().every((e) => e.hasAttribute('ready')), `(${WIDGETS})`, { timeout: 60000 });
  await page.evaluate(() => document.querySelector('activation-race').scrollIntoView());
  await page.waitForTimeout(500);
  const start = await page.evaluate(() => {
    const race = document.querySelector('activation-race');
    window.__perf.long = [];
    race.shadowRoot.querySelector('button[name=play]').click();
    return race.epoch;
  });
  await page.waitForTimeout(6000);
  const r = await page.evaluate(() => ({ long: window.__perf.long, epoch: document.querySelector('activation-race').epoch, running: document.querySelector('activation-race').hasAttribute('running') }));
  const longest = Math.max(0, ...r.long.map((x) => x.ms));
  console.log(`race inside the full page, 6 s: ${((r.epoch - start) / 6).toFixed(1)} epochs/s of ten networks; ` +
    `long tasks ${r.long.length}, longest ${longest} ms (target: none over 50 ms; printed, not asserted)`);
  assert.ok(r.running && r.epoch > start, `the race trained: epoch ${start} -> ${r.epoch}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The engine's wasm (or, for the module demo, its self-contained loader) is requested from a shallow stack, not from deep inside the page's script
// evaluation: a browser with DevTools attached (Lighthouse, a profiler) records each request's
// initiator stack and re-parses every function on it for source positions (the whole one-file
// bundle, three times: 65-80 ms at 1x inside customElements.define). Checked on the teaching page
// (bundle and modules alike) and on the blog-post embed (the one classic script).
test('the wasm request starts outside the elements\' definition and upgrade (a shallow initiator stack)', async () => {
  for (const url of ['', 'embed/race-post.html', 'embed/race.html']) {
    const page = await env.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const stacks = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      if (/activations\.(wasm|js)(\?|$)/.test(e.request.url)) stacks.push((e.initiator.stack?.callFrames || []).map((f) => f.functionName || '(anonymous)'));
    });
    await page.goto(env.baseUrl + url);
    await page.waitForFunction(() => [...document.querySelectorAll('*')].some((e) => e.localName.includes('-') && e.hasAttribute('ready')), null, { timeout: 30000 });
    console.log(`${url || 'index.html'}: wasm requested from ${stacks.map((s) => s.join(' < ')).join(' | ') || '(no request seen)'}`);
    assert.ok(stacks.length >= 1, `${url || 'index.html'}: the page requested its wasm`);
    for (const s of stacks) {
      assert.ok(!s.some((f) => /^(connectedCallback|customElements\.define)$/.test(f)), `${url || 'index.html'}: requested inside an element's upgrade: ${s.join(' < ')}`);
      assert.ok(s.length <= 5, `${url || 'index.html'}: a shallow stack (${s.length} frames): ${s.join(' < ')}`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

// Every canvas of the page holds at most MAX_DPR (2) device px per CSS px, and on a 1.5× screen its
// screen's own 1.5: on a phone at 3×, each changed canvas copied to the compositor every frame it
// is drawn made the animated widgets' long frames (plot/draw.js canvasDpr).
test('on a 3× phone every canvas is backed by 2 device px per CSS px; on a 1.5× screen by 1.5', async () => {
  for (const [scale, want] of [[3, 2], [1.5, 1.5]]) {
    const phone = await launch({ context: { deviceScaleFactor: scale, isMobile: true, hasTouch: true, viewport: { width: 412, height: 915 } } });
    try {
      const page = await phone.newPage({ width: 412, height: 915 });
      await page.goto(phone.baseUrl);
      await page.waitForFunction((src) => { const all = (0, eval)(src)(); return all.length >= 20 && all.every((e) => e.hasAttribute('ready')); }, `(${WIDGETS})`, { timeout: 90000 });
      const ratios = await page.evaluate(() => {
        const out = [];
        const visit = (root) => {
          for (const c of root.querySelectorAll('canvas')) {
            const b = c.getBoundingClientRect();
            if (b.width >= 40 && b.height >= 20) out.push({ where: c.getRootNode().host?.localName ?? 'page', x: c.width / b.width, y: c.height / b.height });
          }
          for (const e of root.querySelectorAll('*')) if (e.shadowRoot) visit(e.shadowRoot);
        };
        visit(document);
        return out;
      });
      assert.ok(ratios.length >= 25, `${ratios.length} canvases`);
      const off = ratios.filter((r) => Math.abs(r.x - want) > 0.05 || Math.abs(r.y - want) > 0.05);
      assert.deepEqual(off, [], `at ${scale}×, backing stores not at ${want}×`);
      assert.deepEqual(page.errors, []);
    } finally { await phone.close(); }
  }
});
