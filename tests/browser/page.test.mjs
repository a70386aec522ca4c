// The teaching page (dist/index.html) in Chromium: every formula rendered by KaTeX (the post's
// own TeX included), ten live plots drawn, the language switch (URL, storage, hostile values),
// the table of contents, 375 px without horizontal scroll, the dark scheme, the activation
// palette's contrast and colour-blind separation, and screenshots prefixed `page-`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, waitReady, STRICT_CSP } from './harness.mjs';
import { POST_TEX, POST_ELU } from './page-post-tex.mjs';
import { contrast, cvdMinDistance } from './page-colour.mjs';

// The section plots (figures in place of the post's images); other widgets may embed plots too.
const PLOTS = 'main section > figure.plot > activation-plot';
const IDS = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'rrelu', 'prelu', 'elu', 'selu', 'maxout'];
const AFTER_2020 = ['gelu', 'silu', 'mish', 'hardswish', 'softplus']; // section 11's plots, in page order
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// The widgets come either from js/widgets/all.js (ES modules, web/) or from the classic bundle
// activation-widgets.js that tools/bundle.sh puts into dist/index.html; stub both.
// dist/index.html loads <script src="activation-widgets.js" defer data-share> (tools/bundle-html.mjs);
// page.stubbed counts the widget scripts served empty, so a test can check the stub really applied.
const stubWidgets = (page) => {
  page.stubbed = 0;
  return page.route(/\/(js\/widgets\/all\.js|activation-widgets(\.lean)?\.js)(\?.*)?$/,
    (r) => { page.stubbed++; return r.fulfill({ status: 200, contentType: 'text/javascript', body: '// stubbed\n' }); });
};

// widgets: false serves an empty widget script, for tests about the page's own text (faster
// on a busy machine, and it shows the page stands on its own before any widget is defined).
async function open(query = '', { widgets = true, ...opts } = {}) {
  const page = await env.newPage(opts);
  if (!widgets) await stubWidgets(page);
  await page.goto(env.baseUrl + query);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-math'), null, { timeout: 15000 });
  return page;
}

// Visible text of the page, skipping KaTeX's hidden MathML copy (it holds the TeX on purpose).
const visibleText = () => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('.katex-mathml, script, style')) continue;
    if (!el.checkVisibility()) continue;
    out.push(n.data);
  }
  return out.join(' ');
};

const langState = () => ({
  lang: document.documentElement.lang,
  data: document.documentElement.dataset.lang,
  koVisible: document.querySelector('#why-nonlinear > p[lang="ko"]').checkVisibility(),
  enVisible: document.querySelector('#why-nonlinear > p[lang="en"]').checkVisibility(),
  h1: document.querySelector('h1').innerText.trim(),
  title: document.title,
});

test('every formula is rendered by KaTeX, in both languages, with no raw TeX left', async () => {
  for (const lang of ['ko', 'en']) {
    const page = await open(`?lang=${lang}`, { widgets: false });
    // the stub applied: the page asked for its widget script, got the empty one, and no widget is defined
    assert.equal(page.stubbed, 1, 'the widget script dist/index.html loads was stubbed');
    assert.deepEqual(await page.evaluate(() => [customElements.get('activation-plot'), window.activationWidgets]), [undefined, undefined]);
    const r = await page.evaluate(() => {
      const els = [...document.querySelectorAll('.math')];
      return {
        state: document.documentElement.dataset.math,
        count: els.length,
        unrendered: els.filter((e) => !e.querySelector('.katex')).map((e) => e.dataset.tex || e.textContent),
        errors: els.filter((e) => e.classList.contains('math-error') || e.querySelector('.katex-error')).map((e) => e.dataset.tex),
        display: els.filter((e) => e.classList.contains('display') && !e.querySelector('.katex-display')).length,
      };
    });
    assert.equal(r.state, 'ready');
    assert.ok(r.count >= 80, `expected the page's ~100 formulas, found ${r.count}`);
    assert.deepEqual(r.unrendered, []);
    assert.deepEqual(r.errors, []);
    assert.equal(r.display, 0, 'display formulas must use display mode');
    const text = await page.evaluate(visibleText);
    const raw = text.match(/\\[a-zA-Z]+|\$\$|\\\(|\\\[/g);
    assert.equal(raw, null, `raw TeX visible: ${raw && raw.slice(0, 5)}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('formulas arrive typeset at build time, exactly as the browser\'s KaTeX would set them; KaTeX\'s script only on demand', async () => {
  const page = await open('', { widgets: false });
  const r = await page.evaluate(async () => {
    const scripts = () => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /katex[^/]*\.js$/.test(n));
    const before = scripts();
    const els = [...document.querySelectorAll('.math')];
    const typesetInHtml = els.filter((e) => e.dataset.tex !== undefined && e.querySelector('.katex')).length;
    // the same TeX through the browser's own KaTeX, compared with what the build wrote
    const { renderMath, renderAllMath, loadKatex } = window.activationPage;
    await loadKatex();
    const differ = [];
    for (const el of els) {
      const twin = el.cloneNode(false);
      twin.dataset.tex = el.dataset.tex;
      renderMath(twin);
      // (styles set through the DOM serialise as "height: 1em;", parsed ones as "height:1em;";
      // the DOM builder writes an empty class="" that the string builder leaves out, and the
      // string builder spells out the xmlns of inline <svg>s that the DOM one implies)
      const norm = (html) => html.replace(/ class=""/g, '').replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '').replace(/style="([^"]*)"/g, (m, st) => `style="${st.replace(/\s*([:;])\s*/g, '$1')}"`);
      // The visible (HTML) part must match exactly; KaTeX's DOM and string builders differ in
      // MathML whitespace (<mtext>&nbsp;</mtext> vs a bare &nbsp;), so that part is compared by
      // the TeX it annotates and its text.
      const html = (e) => norm(e.querySelector('.katex-html')?.outerHTML ?? '');
      const ml = (e) => [e.querySelector('annotation')?.textContent, e.querySelector('.katex-mathml')?.textContent.replace(/\s+/g, '')];
      if (html(twin) !== html(el) || JSON.stringify(ml(twin)) !== JSON.stringify(ml(el))) differ.push(el.dataset.tex);
    }
    // a formula added later (raw TeX) is typeset by renderAllMath; one already typeset is left alone
    const fresh = document.createElement('span');
    fresh.className = 'math'; fresh.textContent = '\\sigma(x)';
    document.querySelector('main p').append(fresh);
    const first = els[0].firstChild;
    const failed = await renderAllMath();
    return { before, count: els.length, typesetInHtml, differ, failed, fresh: !!fresh.querySelector('.katex'), firstKept: els[0].firstChild === first, after: scripts() };
  });
  assert.deepEqual(r.before, [], 'the built page must not fetch KaTeX\'s script by itself');
  assert.ok(r.count >= 200, `expected ~220 formulas, found ${r.count}`);
  assert.equal(r.typesetInHtml, r.count, 'every formula typeset in the HTML');
  assert.deepEqual(r.differ, [], 'build-time output differs from the browser\'s KaTeX');
  assert.equal(r.failed, 0);
  assert.ok(r.fresh && r.firstKept);
  assert.equal(r.after.length, 1, 'loadKatex fetched katex.min.js once');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the post's own TeX renders, including the ELU matrix form with Korean inside", async () => {
  const page = await open();
  const elu = await page.evaluate(() => {
    const el = document.querySelector('[data-tex-source="post"]');
    return { tex: el.dataset.tex, katex: !!el.querySelector('.katex-display'), text: el.querySelector('.katex-html').textContent };
  });
  assert.equal(elu.tex, POST_ELU.trim(), 'the page must show the post\'s ELU TeX verbatim');
  assert.ok(elu.katex);
  assert.match(elu.text, /일\s*때/, 'the Korean condition text must be drawn');
  // Every $$…$$ of the post through the page's own renderer: only unicodeTextInMathMode is
  // tolerated (for post TeX); anything else must still throw.
  const results = await page.evaluate(async (list) => {
    const { renderMath, loadKatex } = window.activationPage;
    await loadKatex(); // the built page ships typeset formulas; KaTeX's script comes on demand
    return list.map((tex) => {
      const el = document.createElement('div');
      el.className = 'math display'; el.dataset.texSource = 'post'; el.textContent = tex;
      document.body.append(el);
      const ok = renderMath(el);
      const res = { tex, ok, katex: !!el.querySelector('.katex') };
      el.remove();
      return res;
    });
  }, POST_TEX);
  assert.equal(results.length, POST_TEX.length);
  for (const r of results) assert.ok(r.ok && r.katex, `post TeX failed: ${r.tex}`);
  assert.deepEqual(page.errors, []);
  // The same ELU TeX is rejected when it is not marked as the post's: our own TeX stays strict.
  const strictFails = await page.evaluate(async (tex) => {
    const { renderMath, loadKatex } = window.activationPage;
    await loadKatex(); // the built page ships typeset formulas; KaTeX's script comes on demand
    const el = document.createElement('div'); el.className = 'math'; el.textContent = tex;
    document.body.append(el);
    const ok = renderMath(el); el.remove();
    return ok;
  }, POST_ELU);
  assert.equal(strictFails, false);
  assert.equal(page.errors.length, 1, 'a failed formula must be reported with console.error');
  assert.match(page.errors[0], /KaTeX could not render/);
  await page.close();
});

test('fifteen activation plots, one per activation, all ready and drawn in their colour', async () => {
  const page = await open();
  await waitReady(page, PLOTS, 20000);
  const r = await page.evaluate((sel) => {
    const rgb = (el, name) => {
      const c = document.createElement('canvas'); c.width = c.height = 1;
      const g = c.getContext('2d'); g.fillStyle = getComputedStyle(el).getPropertyValue(name).trim(); g.fillRect(0, 0, 1, 1);
      return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    return [...document.querySelectorAll(sel)].map((el) => {
      const cv = el.shadowRoot && el.shadowRoot.querySelector('canvas');
      if (!cv || !cv.width) return { fn: el.getAttribute('fn'), drawn: 0 };
      const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
      const bg = rgb(el, '--plot-bg'), f = rgb(el, '--plot-series-1');
      const near = (i, c, tol) => Math.abs(d[i] - c[0]) + Math.abs(d[i + 1] - c[1]) + Math.abs(d[i + 2] - c[2]) <= tol;
      let nonBg = 0, fPix = 0;
      for (let i = 0; i < d.length; i += 4) { if (!near(i, bg, 12)) nonBg++; if (near(i, f, 30)) fPix++; }
      const fn = el.getAttribute('fn');
      const expected = rgb(document.documentElement, `--c-${fn}`);
      return { fn, ready: el.hasAttribute('ready'), error: el.hasAttribute('error'), drawn: nonBg / (d.length / 4), fPix, f, expected };
    });
  }, PLOTS);
  assert.deepEqual(r.map((p) => p.fn), [...IDS, ...AFTER_2020], 'one plot per activation, in the post\'s order, then section 11\'s');
  for (const p of r) {
    assert.ok(p.ready && !p.error, `${p.fn}: ready without error`);
    assert.ok(p.drawn > 0.01, `${p.fn}: canvas looks blank (${(p.drawn * 100).toFixed(2)} % non-background)`);
    assert.deepEqual(p.f, p.expected, `${p.fn}: f must be drawn in --c-${p.fn}`);
    assert.ok(p.fPix > 150, `${p.fn}: only ${p.fPix} pixels in the activation's colour`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('language: Korean by default, English after the switch, remembered, ?lang and #lang, hostile values ignored', async () => {
  let page = await open('', { widgets: false });
  let s = await page.evaluate(langState);
  assert.deepEqual([s.lang, s.data, s.koVisible, s.enVisible], ['ko', 'ko', true, false]);
  assert.match(s.h1, /활성화 함수/);
  await page.click('button[data-set-lang="en"]');
  s = await page.evaluate(langState);
  assert.deepEqual([s.lang, s.data, s.koVisible, s.enVisible], ['en', 'en', false, true]);
  assert.match(s.h1, /^Activation functions/);
  assert.match(s.title, /^Activation functions/);
  assert.equal(await page.getAttribute('button[data-set-lang="en"]', 'aria-pressed'), 'true');
  const koText = await page.evaluate(visibleText);
  assert.ok(!/[가-힣]{2,}/.test(koText.replace(/한국어|활성화 함수|일\s*때/g, '')), 'no Korean prose visible in English mode');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-math'));
  assert.equal((await page.evaluate(langState)).data, 'en', 'the choice is remembered');
  await page.click('button[data-set-lang="ko"]');
  assert.equal((await page.evaluate(langState)).data, 'ko');
  assert.deepEqual(page.errors, []);
  await page.close();

  for (const q of ['?lang=en', '?x=1#lang=en']) {
    page = await open(q, { widgets: false });
    s = await page.evaluate(langState);
    assert.deepEqual([s.data, s.koVisible, s.enVisible], ['en', false, true], q);
    await page.click('button[data-set-lang="ko"]');   // a lang in the URL follows the switch
    assert.match(await page.evaluate(() => location.href), /lang=ko/);
    assert.match(await page.evaluate(() => location.href), /x=1|^[^x]*$/, 'other URL parts are kept');
    await page.evaluate((k) => localStorage.removeItem(k), 'activation-page.lang');
    await page.close();
  }

  // Hostile values by real navigation: nothing injected, no dialog, Korean stays.
  for (const bad of ['?lang=%3Cscript%3Ealert(1)%3C/script%3E', '#lang=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E']) {
    page = await open(bad, { widgets: false });
    let dialog = false;
    page.on('dialog', (d) => { dialog = true; d.dismiss(); });
    s = await page.evaluate(langState);
    assert.deepEqual([s.lang, s.data, s.koVisible], ['ko', 'ko', true], bad);
    const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], body script').length);
    assert.equal(injected, 0);
    assert.equal(dialog, false);
    assert.deepEqual(page.errors, []);
    // …and the parser itself, on near misses and the precedence query > hash > storage.
    const parsed = await page.evaluate(() => {
      const f = (search, hash) => window.activationPageLang.fromUrl({ search, hash });
      return {
        nearMisses: ['?lang=EN', '?lang=en%20', '?lang=%20en', '?lang=fr', '?lang=', '?lang=ko;en', '?lang[]=en', '?LANG=en']
          .map((q) => f(q, '')),
        queryFirst: f('?lang=en', '#lang=ko'), hashOnly: f('', '#sigmoid&lang=en'), hashBad: f('?lang=xx', '#lang=en'),
      };
    });
    assert.deepEqual(parsed.nearMisses, [null, null, null, null, null, null, null, null]);
    assert.deepEqual([parsed.queryFirst, parsed.hashOnly, parsed.hashBad], ['en', 'en', 'en']);
    await page.close();
  }
});

test('a link to a section lands on it although the widgets above grow as they draw; a reader who scrolls is not moved', async () => {
  const allReady = () => [...document.querySelectorAll('main *')].filter((e) => e.localName.includes('-') && e.shadowRoot).every((e) => e.hasAttribute('ready'));
  // (default motion: the page scrolls smoothly, which is when the landing went wrong)
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}#sigmoid`);
  await page.waitForFunction(allReady, null, { timeout: 30000 });
  await page.waitForTimeout(1500);
  const top = await page.evaluate(() => document.getElementById('sigmoid').getBoundingClientRect().top);
  assert.ok(Math.abs(top - 56) <= 3, `#sigmoid should sit under the 56 px scroll margin, is at ${top.toFixed(0)} px`);
  // the reader scrolls before the widgets are done: the page must not pull the reader back
  await page.goto(`${env.baseUrl}#relu`);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 10000 });
  await page.keyboard.press('End');
  await page.waitForFunction(allReady, null, { timeout: 30000 });
  await page.waitForTimeout(600);
  const after = await page.evaluate(() => document.getElementById('relu').getBoundingClientRect().top);
  assert.ok(after < -1000, `after the reader scrolled on, #relu stays above the viewport (top ${after.toFixed(0)} px)`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('table of contents lists the thirteen sections and follows the reader', async () => {
  const page = await open('', { width: 1280, height: 900, widgets: false });
  const toc = await page.evaluate(() => [...document.querySelectorAll('#toc-list a')].map((a) => ({
    href: a.getAttribute('href'), target: !!document.querySelector(a.getAttribute('href')),
  })));
  assert.equal(toc.length, 13);
  assert.ok(toc.every((t) => t.target), 'every entry points at a section');
  assert.equal(toc[0].href, '#why-nonlinear');
  assert.equal(toc[10].href, '#choosing');
  await page.evaluate(() => document.getElementById('elu').scrollIntoView({ behavior: 'instant' }));
  await page.waitForFunction(() => document.querySelector('#toc-list a[aria-current="true"]')?.getAttribute('href') === '#elu');
  // the comparison table: one row per activation with a link to its section
  const rows = await page.$$eval('table.compare tbody tr', (trs) => trs.map((tr) => tr.dataset.fn));
  assert.deepEqual(rows, IDS);
  await page.close();
});

test('375 px wide: no horizontal scroll; dark scheme is dark; screenshots', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const wide = await open('', { width: 1280, height: 900, colorScheme });
    await waitReady(wide, PLOTS, 20000);
    const bg = await wide.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    const lum = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    if (colorScheme === 'dark') assert.ok(lum < 0.15, `dark background expected, got ${bg}`);
    else assert.ok(lum > 0.9, `light background expected, got ${bg}`);
    await screenshot(wide, `page-1280-${colorScheme}`, { fullPage: true });
    assert.deepEqual(wide.errors, []);
    await wide.close();

    const narrow = await open('', { width: 375, height: 812, colorScheme });
    await waitReady(narrow, PLOTS, 20000);
    const w = await narrow.evaluate(() => ({ sw: document.scrollingElement.scrollWidth, cw: document.documentElement.clientWidth }));
    assert.ok(w.sw <= 375, `page scrolls sideways at 375 px: scrollWidth ${w.sw}`);
    const wideKids = await narrow.evaluate(() => [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > 375.5 && !e.closest('.table-wrap, .math.display, .katex-mathml, .katex svg'))
      .map((e) => e.tagName + '.' + e.className).slice(0, 5));
    // (KaTeX's hidden MathML copy and its clipped stretchy SVG paths are not layout overflow)
    assert.deepEqual(wideKids, [], 'only the table and display math may overflow (inside their own scroller)');
    // the title keeps (nearly) the full width: words are not broken into letters beside the tools
    const h1 = await narrow.evaluate(() => document.querySelector('h1').getBoundingClientRect().width);
    assert.ok(h1 > 300, `h1 squeezed to ${h1} px at 375`);
    // display math may scroll inside its box, but none of ours should need to at 375 px
    const scrolling = await narrow.evaluate(() => [...document.querySelectorAll('.math.display')]
      .filter((e) => e.checkVisibility() && e.scrollWidth > e.clientWidth + 1).map((e) => e.dataset.tex.slice(0, 40)));
    assert.deepEqual(scrolling, [], 'display formulas wider than the 375 px column');
    await screenshot(narrow, `page-375-${colorScheme}`);
    await screenshot(narrow, `page-375-${colorScheme}-full`, { fullPage: true });
    assert.deepEqual(narrow.errors, []);
    await narrow.close();
  }
});

test('activation palette: >= 3:1 against the background and apart under colour-blindness simulation', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open('', { colorScheme, widgets: false });
    const pal = await page.evaluate((ids) => {
      const st = getComputedStyle(document.documentElement);
      const get = (n) => st.getPropertyValue(n).trim();
      return { bg: get('--bg'), colours: Object.fromEntries(ids.map((id) => [id, get(`--c-${id}`)])) };
    }, IDS);
    for (const [id, c] of Object.entries(pal.colours)) {
      assert.match(c, /^#[0-9a-f]{6}$/i, `--c-${id} must be defined`);
      assert.ok(contrast(c, pal.bg) >= 3, `${colorScheme}: --c-${id} ${c} has contrast ${contrast(c, pal.bg).toFixed(2)} < 3`);
    }
    for (const [vision, { d, pair }] of Object.entries(cvdMinDistance(pal.colours))) {
      assert.ok(d >= 10, `${colorScheme}/${vision}: ${pair} too close (dE ${d.toFixed(1)})`);
    }
    await page.close();
  }
});

test("the page's own parts run under the strict CSP (its one inline script by hash, no eval, nothing external)", async () => {
  const csp = STRICT_CSP;
  assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval';/, 'one inline script, named by its hash');
  const strict = await launch({ headers: { 'Content-Security-Policy': csp } });
  try {
    const page = await strict.newPage();
    const external = [];
    page.on('request', (r) => { if (!r.url().startsWith(strict.baseUrl)) external.push(r.url()); });
    await stubWidgets(page);
    await page.goto(`${strict.baseUrl}?lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.math === 'ready', null, { timeout: 15000 });
    await page.click('button[data-set-lang="ko"]');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.lang), 'ko');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#toc-list a').length), 13);
    // KaTeX's fonts load from vendor/ (a CSP or path mistake would leave them unloaded)
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded').length);
    assert.ok(fonts >= 3, `KaTeX fonts loaded: ${fonts}`);
    assert.deepEqual(external, []);
    assert.deepEqual(page.errors, []);
  } finally {
    await strict.close();
  }
});
