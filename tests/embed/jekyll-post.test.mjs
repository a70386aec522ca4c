// The real thing: the user's post, its images replaced by widgets (tools/convert-post.mjs), built by
// Debian's `jekyll` with the include and layout of jekyll/, served on 127.0.0.1 under the strict CSP
// of issue 5 and opened in Chromium: every widget ready and drawn, every formula of the post rendered
// by KaTeX (the ELU case form with Korean inside included), no error, no CSP violation.
// Prints the time from navigation to "everything ready".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, screenshot, ARTIFACTS } from '../browser/harness.mjs';
import { buildJekyllSite, findPost, countPostFormulas } from './site.mjs';
import { strictCsp } from '../../tools/bundle-html.mjs';

const CSP = strictCsp(); // the README's policy (the post has no inline script)
let built, env;
before(async () => {
  built = buildJekyllSite();
  env = await launch({ root: built.out, headers: { 'Content-Security-Policy': CSP } });
});
after(async () => {
  await env?.close();
  if (built) fs.rmSync(built.site, { recursive: true, force: true });
});

test('jekyll turned every mapped image into a widget and kept the math for KaTeX', () => {
  const html = fs.readFileSync(built.postHtml, 'utf8');
  assert.equal(built.converted.replaced.length, 8, 'the post has eight plot images');
  assert.doesNotMatch(html, /<img\b[^>]*\/img\/(activate1|sigmoid|dsigmoid|tanh|dtanh|relu|leaky_relu|elu)\.png/);
  assert.equal((html.match(/data-replaces=/g) || []).length, 8);
  assert.match(html, /<script src="\/assets\/activation-widgets\/activation-widgets\.js" defer data-katex><\/script>/);
  assert.match(html, /\\\[ELU_\{\\alpha\}\(x\)=\\left\\\{\\begin\{matrix\}/, 'kramdown keeps the ELU case form as \\[…\\]');
});

test('the built post in Chromium: widgets ready and drawn, every formula rendered, console clean', async (t) => {
  const page = await env.newPage({ width: 1000, height: 900 });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.addInitScript(() => {
    window.__wasmInstances = 0;
    const inst = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...a) { window.__wasmInstances++; return inst.apply(this, a); };
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const outside = [];
  page.on('request', (r) => { if (!r.url().startsWith(env.baseUrl)) outside.push(r.url()); });
  await page.goto(`${env.baseUrl}2020/07/09/activation-functions.html`);
  // "ready": every widget drawn and the page's math typeset; time measured in the page itself
  const readyMs = await page.evaluate(() => new Promise((resolve) => {
    const done = () => {
      const ws = [...document.querySelectorAll('[data-replaces]')];
      return ws.length > 0 && ws.every((w) => w.hasAttribute('ready')) && document.documentElement.hasAttribute('data-activation-math');
    };
    const poll = () => (done() ? resolve(performance.now()) : setTimeout(poll, 20));
    poll();
  }));
  t.diagnostic(`time to ready (navigation -> all widgets ready + math typeset): ${readyMs.toFixed(0)} ms`);
  console.log(`# jekyll post: time to ready ${readyMs.toFixed(0)} ms (jekyll build ${built.ms} ms)`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(`${ARTIFACTS}/embed-jekyll-timing.json`, `${JSON.stringify({ readyMs: Math.round(readyMs), jekyllBuildMs: built.ms }, null, 2)}\n`);

  const widgets = await page.evaluate(() => [...document.querySelectorAll('[data-replaces]')].map((w) => {
    // drawn: some canvas of the widget has pixels that differ from its corner (background) pixel
    const inked = [...w.shadowRoot.querySelectorAll('canvas')].map((c) => {
      const { width, height } = c;
      if (!width || !height) return 0;
      const d = c.getContext('2d').getImageData(0, 0, width, height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 60) n++;
      return n / (width * height);
    });
    return { tag: w.localName, src: w.dataset.replaces, ready: w.hasAttribute('ready'), error: w.hasAttribute('error'), inked: Math.max(0, ...inked) };
  }));
  assert.equal(widgets.length, 8);
  for (const w of widgets) {
    assert.ok(w.ready && !w.error, `${w.src} -> <${w.tag}> ready without error`);
    assert.ok(w.inked > 0.003, `${w.src} -> <${w.tag}> drew something (${(w.inked * 100).toFixed(2)} % inked pixels)`);
  }

  const md = fs.readFileSync(findPost(), 'utf8');
  const math = await page.evaluate(() => ({
    state: document.documentElement.getAttribute('data-activation-math'),
    rendered: [...document.querySelectorAll('article .katex')].filter((k) => !k.parentElement.closest('.katex')).length,
    display: document.querySelectorAll('article .katex-display').length,
    errors: document.querySelectorAll('.katex-error').length,
    leftover: /\\\(|\\\[|\$\$/.test(document.querySelector('article').innerText),
    elu: [...document.querySelectorAll('annotation[encoding="application/x-tex"]')].map((a) => a.textContent).filter((s) => s.includes('begin{matrix}') && s.includes('일 때')),
    eluTable: [...document.querySelectorAll('.katex-display')].some((d) => d.textContent.includes('일 때') && d.querySelector('.mtable')),
  }));
  assert.equal(math.state, 'ready');
  assert.equal(math.errors, 0);
  assert.equal(math.rendered, countPostFormulas(md), 'one KaTeX rendering per $$…$$ of the post');
  assert.ok(math.display >= 8, `display formulas: ${math.display}`);
  assert.equal(math.leftover, false, 'no raw TeX delimiters left in the text');
  assert.equal(math.elu.length, 1, 'the ELU case form with Korean text was rendered');
  assert.ok(math.eluTable, 'the ELU case form is a KaTeX array (two rows), not raw text');

  await page.evaluate(() => document.fonts.ready);
  const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded').length);
  assert.ok(fonts >= 2, `KaTeX fonts from the vendored folder: ${fonts}`);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.equal(await page.evaluate(() => window.__wasmInstances), 1, 'eight widgets, one wasm instance');
  assert.deepEqual(outside, [], 'nothing fetched from outside 127.0.0.1');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(warnings.filter((w) => /katex|latex|activation/i.test(w)), []);
  await screenshot(page, 'embed-jekyll-post', { fullPage: true });
  await page.close();
});
