// dist/activation-widgets.js, the one classic script: dist/index.html opened from disk (file://)
// and over http with its lean variant (the wasm as activations.wasm, with fallbacks),
// the script from an unrelated path of another static site (with KaTeX for the host's TeX, and
// host CommonJS/AMD globals that must not capture the loader), included twice, and under the
// strict CSP of issue 5 (no eval, no violation). Many widgets, one wasm instance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, screenshot, DIST, STRICT_CSP } from './harness.mjs';

const CSP = STRICT_CSP;
const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'activation-widgets.json'), 'utf8'));
const ALL = manifest.elements.join(',');

// Counts wasm instantiations and CSP violations from the first script on.
export async function instrument(page) {
  await page.addInitScript(() => {
    window.__wasmInstances = 0;
    window.__csp = [];
    const wrap = (name) => {
      const orig = WebAssembly[name];
      if (orig) WebAssembly[name] = function (...a) { window.__wasmInstances++; return orig.apply(this, a); };
    };
    wrap('instantiate');
    wrap('instantiateStreaming');
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

export async function widgetsReady(page, selector = ALL, timeout = 60000) {
  await page.waitForFunction((sel) => {
    const els = [...document.querySelectorAll(sel)];
    return els.length > 0 && els.every((e) => e.hasAttribute('ready') || e.hasAttribute('error'));
  }, selector, { timeout });
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => ({
    tag: e.localName, ready: e.hasAttribute('ready'), error: e.hasAttribute('error') ? (e.shadowRoot?.textContent || '').slice(0, 200) : null,
  })), selector);
}

let env, tmp;
before(async () => {
  // Another static site: the script under /lib/v1/, pages elsewhere.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-host-'));
  fs.mkdirSync(path.join(tmp, 'lib/v1'), { recursive: true });
  fs.copyFileSync(path.join(DIST, 'activation-widgets.js'), path.join(tmp, 'lib/v1/activation-widgets.js'));
  fs.cpSync(path.join(DIST, 'vendor'), path.join(tmp, 'lib/v1/vendor'), { recursive: true });
  fs.mkdirSync(path.join(tmp, 'blog/2020'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'index.html'), '<!doctype html><title>host</title>');
  fs.writeFileSync(path.join(tmp, 'favicon.ico'), '');
  fs.writeFileSync(path.join(tmp, 'blog/2020/host-globals.js'),
    'window.module = { exports: {} }; window.exports = window.module.exports;\n'
    + 'window.define = function () { throw new Error("the bundle must not call the host AMD define"); }; window.define.amd = {};\n');
  const body = `<p>Inline \\(\\sigma'(x)=\\sigma(x)(1-\\sigma(x))\\) and display:</p>
<p>\\[ELU_{\\alpha}(x)=\\left\\{\\begin{matrix} \\alpha(e^x-1)&x<0일 때 \\\\ x&x \\geq 0일 때 \\end{matrix}\\right.\\]</p>
<p>$$\\frac{1}{4}$$</p><pre>\\(not math in pre\\)</pre>
<activation-plot fn="sigmoid"></activation-plot><activation-plot fn="elu" alpha="0.5"></activation-plot><activation-plot fn="relu" show="df"></activation-plot>`;
  fs.writeFileSync(path.join(tmp, 'blog/2020/post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title>
<script src="host-globals.js"></script></head><body>${body}
<script src="../../lib/v1/activation-widgets.js" defer data-katex></script></body></html>`);
  fs.writeFileSync(path.join(tmp, 'blog/2020/twice.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>twice</title>
<script src="/lib/v1/activation-widgets.js"></script><script src="/lib/v1/activation-widgets.js"></script></head><body>
<activation-plot fn="tanh"></activation-plot><activation-plot fn="selu"></activation-plot></body></html>`);
  env = await launch({ root: tmp });
});
after(async () => {
  await env?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('dist/index.html from disk (file://): every widget ready, page math ready, one wasm instance, console clean', async () => {
  const page = await env.newPage();
  await instrument(page);
  const t0 = Date.now();
  await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href);
  const widgets = await widgetsReady(page);
  const ms = Date.now() - t0;
  assert.ok(widgets.length >= 10, `widgets on the page: ${widgets.length}`);
  for (const w of widgets) assert.ok(w.ready && !w.error, `${w.tag}: ${w.error || 'not ready'}`);
  await page.waitForFunction(() => document.documentElement.dataset.math, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.math), 'ready');
  assert.equal(await page.evaluate(() => location.protocol), 'file:');
  await page.evaluate(() => document.fonts.ready);
  const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded').length);
  assert.ok(fonts >= 3, `KaTeX fonts loaded from disk: ${fonts}`);
  assert.equal(await page.evaluate(() => window.__wasmInstances), 1, 'one wasm instance shared by every widget');
  assert.deepEqual(await page.evaluate(() => document.querySelectorAll('script[type="module"]').length), 0);
  assert.deepEqual(page.errors, []);
  console.log(`# file:// dist/index.html: ${widgets.length} widgets ready in ${ms} ms`);
  await screenshot(page, 'embed-file-index');
  await page.close();
});

test('dist/index.html over http loads the lean bundle and activations.wasm; a .wasm sent as text or refused still gives a working page, a broken one an error', async () => {
  const cases = [
    { name: 'as served', route: null, fullLoader: false },
    { name: 'text/plain', route: (r) => r.fetch().then((res) => res.body()).then((body) => r.fulfill({ status: 200, contentType: 'text/plain', body })), fullLoader: false },
    { name: 'refused', route: (r) => r.abort('blockedbyclient'), fullLoader: true },
  ];
  const site = await launch(); // dist/ itself
  for (const c of cases) {
    const page = await site.newPage();
    await instrument(page);
    if (c.route) await page.route(/\/activations\.wasm$/, c.route);
    await page.goto(site.baseUrl);
    const widgets = await widgetsReady(page);
    for (const w of widgets) assert.ok(w.ready && !w.error, `${c.name}: ${w.tag}: ${w.error || 'not ready'}`);
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)));
    assert.ok(files.includes('activation-widgets.lean.js') && !files.includes('activation-widgets.js'), `${c.name}: ${files.join(' ')}`);
    assert.equal(files.includes('activations.js'), c.fullLoader, `${c.name}: the self-contained activations.js is the fallback only: ${files.join(' ')}`);
    assert.equal(await page.evaluate(() => window.__wasmInstances), 1, `${c.name}: one wasm instance`);
    // a refused request is logged by the browser itself; nothing else may be
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), [], c.name);
    await page.close();
  }
  // A .wasm that compiles but cannot be instantiated (an import the loader does not provide):
  // every widget shows an error instead of waiting for ever.
  const badModule = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, 8, 1, 1, 0x61, 2, 0x7a, 0x7a, 0, 0]);
  const page = await site.newPage();
  await page.route(/\/activations\.wasm$/, (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: badModule }));
  await page.goto(site.baseUrl);
  const widgets = await widgetsReady(page);
  assert.ok(widgets.length >= 10);
  for (const w of widgets) assert.ok(!w.ready && w.error, `${w.tag} must show the engine error: ${JSON.stringify(w)}`);
  await page.close();
  await site.close();
});

test('the script from another path of another site: widgets, host TeX via data-katex, host CommonJS/AMD globals untouched', async () => {
  const page = await env.newPage();
  await instrument(page);
  await page.goto(`${env.baseUrl}blog/2020/post.html`);
  const widgets = await widgetsReady(page, 'activation-plot');
  assert.equal(widgets.length, 3);
  for (const w of widgets) assert.ok(w.ready && !w.error, `${w.tag}: ${w.error}`);
  await page.waitForFunction(() => document.documentElement.dataset.activationMath, null, { timeout: 20000 });
  const r = await page.evaluate(() => ({
    math: document.documentElement.dataset.activationMath,
    katex: [...document.querySelectorAll('.katex')].filter((k) => !k.parentElement.closest('.katex')).length,
    display: document.querySelectorAll('.katex-display').length,
    pre: document.querySelector('pre').textContent,
    korean: [...document.querySelectorAll('.katex-display')].some((d) => d.querySelector('.mtable') && d.textContent.includes('일 때')),
    katexFrom: [...document.scripts].map((s) => s.src).filter((s) => s.includes('katex')),
    hostModule: typeof window.module.exports.default === 'undefined' && Object.keys(window.module.exports).length === 0,
    api: window.activationWidgets.baseUrl,
    instances: window.__wasmInstances,
  }));
  assert.equal(r.math, 'ready');
  assert.equal(r.katex, 3);
  assert.equal(r.display, 2);
  assert.equal(r.pre, '\\(not math in pre\\)');
  assert.ok(r.korean, 'Korean text inside the case form rendered (strict mode tolerates it)');
  assert.ok(r.katexFrom.length >= 2 && r.katexFrom.every((s) => s.startsWith(`${env.baseUrl}lib/v1/vendor/katex/`)), r.katexFrom.join(' '));
  assert.ok(r.hostModule, "the loader did not write itself into the host's module.exports");
  assert.equal(r.api, `${env.baseUrl}lib/v1/`);
  assert.equal(r.instances, 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('included twice: one definition, one wasm instance, no error', async () => {
  const page = await env.newPage();
  await instrument(page);
  await page.goto(`${env.baseUrl}blog/2020/twice.html`);
  const widgets = await widgetsReady(page, 'activation-plot');
  assert.deepEqual(widgets.map((w) => w.ready), [true, true]);
  assert.equal(await page.evaluate(() => window.__wasmInstances), 1);
  // what the bundle registered at run time = the build's static list (converter, manifest)
  const lists = await page.evaluate(() => [window.activationWidgets.elements, window.activationWidgets.staticElements]);
  assert.deepEqual([...lists[0]].sort(), [...lists[1]].sort());
  assert.deepEqual([...lists[0]].sort(), [...manifest.elements].sort());
  assert.ok(lists[0].includes('activation-plot') && lists[0].includes('activation-race'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('strict CSP (header): dist/index.html with every widget and embed.html, no violation, no eval', async () => {
  const strict = await launch({ headers: { 'Content-Security-Policy': CSP } });
  try {
    for (const url of ['', 'embed.html?w=activation-plot&fn=elu&alpha=0.5', 'embed/embed.html?w=activation-race']) {
      const page = await strict.newPage();
      await instrument(page);
      await page.goto(strict.baseUrl + url);
      const widgets = await widgetsReady(page);
      for (const w of widgets) assert.ok(w.ready && !w.error, `${url || 'index'} ${w.tag}: ${w.error}`);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], `${url || 'index'}: CSP violations`);
      assert.deepEqual(page.errors, [], `${url || 'index'}: console`);
      // and eval really is blocked here (so everything above ran without it)
      // (a string timer is eval; DevTools' own evaluate is exempt from CSP, so probe from the page)
      const probe = await page.evaluate(() => new Promise((resolve) => {
        setTimeout('window.__evalRan = true', 0); // eslint-disable-line no-implied-eval
        setTimeout(() => resolve({ ran: window.__evalRan === true, csp: window.__csp.slice() }), 200);
      }));
      assert.equal(probe.ran, false, 'eval is blocked: the CSP is in force');
      assert.ok(probe.csp.some((v) => v.startsWith('script-src') && v.includes('eval')), probe.csp.join(', '));
      page.errors.length = 0;
      await page.close();
    }
  } finally {
    await strict.close();
  }
});
