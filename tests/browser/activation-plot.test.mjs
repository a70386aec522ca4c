// <activation-plot> in Chromium, on dist/embed/gallery.html: every activation drawn (pixels read
// back from the canvas, at the rows where independently computed values must land), sliders,
// the log-|f'| toggle, the hover readout, strict attribute parsing (including injection
// payloads), 375 px without horizontal scroll, the dark scheme, screenshots prefixed `plot-`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, waitReady } from './harness.mjs';

const GALLERY = 'embed/gallery.html';
const DRAWN = '#basic activation-plot, #params activation-plot';

// Reference values written out here from the textbook formulas (not from the engine) with
// PyTorch's default parameters: the curves must be drawn where these say.
const SELU_A = 1.6732632423543772, SELU_L = 1.0507009873554805;
const sig = (x) => 1 / (1 + Math.exp(-x));
const REF = {
  linear: (x) => x, sigmoid: sig, tanh: Math.tanh, relu: (x) => Math.max(0, x),
  leaky_relu: (x) => (x < 0 ? 0.01 * x : x), rrelu: (x) => (x < 0 ? ((1 / 8 + 1 / 3) / 2) * x : x),
  prelu: (x) => (x < 0 ? 0.25 * x : x), elu: (x) => (x > 0 ? x : Math.expm1(x)),
  selu: (x) => SELU_L * (x > 0 ? x : SELU_A * Math.expm1(x)), maxout: (x) => Math.max(x, 0),
  softplus: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), silu: (x) => x * sig(x),
  gelu: (x) => x * 0.5 * (1 + erf(x / Math.SQRT2)),
  gelu_tanh: (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))),
  mish: (x) => x * Math.tanh(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)))),
  hardswish: (x) => (x * Math.min(Math.max(x + 3, 0), 6)) / 6,
};
// erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7: far below a pixel)
function erf(x) {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x < 0 ? -y : y;
}
const dsig = (x) => Math.exp(-Math.abs(x)) / (1 + Math.exp(-Math.abs(x))) ** 2;

// Installed in the page: pixel probes on a widget's canvas.
const PROBES = `
window.__probe = (() => {
  const rgb = (el, name) => {
    const c = document.createElement('canvas'); c.width = c.height = 1;
    const g = c.getContext('2d'); g.fillStyle = getComputedStyle(el).getPropertyValue(name).trim(); g.fillRect(0, 0, 1, 1);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
  const pixels = (el) => { const cv = el.shadowRoot.querySelector('canvas'); return { cv, d: cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data }; };
  const near = (d, i, c, tol) => Math.abs(d[i] - c[0]) + Math.abs(d[i + 1] - c[1]) + Math.abs(d[i + 2] - c[2]) <= tol;
  return {
    // pixels close to each named colour, and pixels differing from the background
    counts(el, names) {
      const { cv, d } = pixels(el), bg = rgb(el, '--plot-bg'), cols = names.map((n) => rgb(el, n));
      const out = { total: cv.width * cv.height, nonBg: 0, bg, cols };
      names.forEach((n) => { out[n] = 0; });
      for (let i = 0; i < d.length; i += 4) {
        if (!near(d, i, bg, 24)) out.nonBg++;
        cols.forEach((c, k) => { if (near(d, i, c, 60)) out[names[k]]++; });
      }
      return out;
    },
    // [x, y] pairs (data x of the column centre, CSS-px y of the row centre) where colour 'name'
    // is found, in the device-pixel columns within halfWidth CSS px of data x
    rows(el, name, x, halfWidth = 0) {
      const { cv, d } = pixels(el), c = rgb(el, name), L = el.plotLayout;
      const px = (L.left + ((x - L.xMin) / (L.xMax - L.xMin)) * (L.right - L.left)) * L.dpr;
      const out = [];
      for (let col = Math.round(px - halfWidth * L.dpr); col <= Math.round(px + halfWidth * L.dpr); col++) {
        const xd = L.xMin + (((col + 0.5) / L.dpr - L.left) / (L.right - L.left)) * (L.xMax - L.xMin);
        for (let row = 0; row < cv.height; row++) if (near(d, (row * cv.width + col) * 4, c, 60)) out.push([xd, (row + 0.5) / L.dpr]);
      }
      return out;
    },
    hash(el) { const { d } = pixels(el); let h = 0; for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) | 0; return h; },
  };
})();`;

// Where value v lands in panel P of a layout (CSS px), derived here from the domains.
function rowOf(P, v) {
  const t = P.log ? (Math.log10(Math.abs(v)) - P.lo) / (P.hi - P.lo) : (v - P.min) / (P.max - P.min);
  return P.bottom - t * (P.bottom - P.top);
}
// Smallest distance (px) between a found pixel and where g(its column's x) must be drawn.
const misfit = (pairs, P, g) => Math.min(...pairs.map(([x, y]) => Math.abs(y - rowOf(P, g(x)))));
const show = (pairs) => JSON.stringify(pairs.slice(0, 4).map(([x, y]) => [+x.toFixed(3), +y.toFixed(1)]));

let app;
before(async () => { app = await launch(); });
after(async () => { await app?.close(); });

async function open(opts = {}) {
  const page = await app.newPage(opts);
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.goto(app.baseUrl + GALLERY);
  await waitReady(page, DRAWN);
  await page.addScriptTag({ content: PROBES });
  return page;
}
const byFn = (page, fn) => page.locator(`#basic activation-plot[fn="${fn}"]`);
const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('gallery: the ten activations are ready and drawn where f really is, one shared engine, no console errors', async () => {
  const page = await open();
  // time to ready: from navigation start until every widget of the gallery has drawn (upper bound)
  const ms = await page.evaluate(() => Math.round(performance.now()));
  console.log(`gallery: ${await page.locator(DRAWN).count()} widgets ready within ${ms} ms of navigation`);
  const fns = await page.$$eval('#basic activation-plot', (els) => els.map((e) => e.getAttribute('fn')));
  const ids = await page.evaluate(async () => (await import('../js/engine.js')).activationIds());
  assert.deepEqual(fns, ids);
  assert.deepEqual(ids, Object.keys(REF));
  for (const fn of ids) {
    const el = byFn(page, fn);
    const c = await el.evaluate((e) => window.__probe.counts(e, ['--plot-series-1', '--plot-series-2']));
    assert.ok(c['--plot-series-1'] > 300, `${fn}: f colour pixels ${c['--plot-series-1']}`);
    assert.ok(c['--plot-series-2'] > 150, `${fn}: f' colour pixels ${c['--plot-series-2']}`);
    const L = await el.evaluate((e) => e.plotLayout);
    assert.equal(L.panels.length, 1);
    for (const x of [-4.5, -1.7, 2.3]) { // ±6 px: where f′'s dashes cover f (relu: both 0), a gap shows it
      const pairs = await el.evaluate((e, x) => window.__probe.rows(e, '--plot-series-1', x, 6), x);
      assert.ok(misfit(pairs, L.panels[0], REF[fn]) <= 2, `${fn}(${x}): f pixels ${show(pairs)} off the curve`);
    }
    if (fn === 'relu' || fn === 'maxout') { // f′ jumps 0 -> 1 at x = 0: no vertical stroke drawn through the jump
      const mid = (await el.evaluate((e) => window.__probe.rows(e, '--plot-series-2', 0, 1)))
        .filter(([, y]) => y < rowOf(L.panels[0], 0.15) && y > rowOf(L.panels[0], 0.85));
      assert.deepEqual(mid, [], `${fn}: f′ drawn across its jump at 0`);
    }
    const a11y = await el.evaluate((e) => ({ role: e.shadowRoot.querySelector('canvas').getAttribute('role'),
      label: e.shadowRoot.querySelector('canvas').getAttribute('aria-label'), summary: e.shadowRoot.querySelector('.sr-only').textContent }));
    assert.equal(a11y.role, 'img');
    assert.match(a11y.label, /f′\(x\)/);
    assert.ok(a11y.summary.length > 40, a11y.summary);
  }
  assert.equal(await page.locator('script[data-activations-engine]').count(), 1, 'one wasm loader for all widgets');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('engine.js in the page: plain-JS results (own buffers), wasm errors as Error with the message, keeps working', async () => {
  const page = await open();
  const r = await page.evaluate(async () => {
    const eng = await import('../js/engine.js');
    const out = {};
    const c = eng.sampleCurve('sigmoid', [-40, 0, 40]);
    out.types = [c.x, c.f, c.df].map((a) => a.constructor.name);
    out.ownBuffers = [c.x, c.f, c.df].every((a) => a.buffer.byteLength === a.byteLength);
    out.df = Array.from(c.df);
    for (const [k, f] of [['id', () => eng.activate('nope', 1)], ['alpha', () => eng.derivative('elu', 1, { alpha: 1e9 })],
      ['info', () => eng.activationInfo('<b>')], ['xs', () => eng.sampleCurve('relu', 'abc')]]) {
      try { f(); out[k] = 'no throw'; } catch (e) { out[k] = { isError: e instanceof Error, ctor: e.constructor.name, message: e.message }; }
    }
    out.after = eng.activate('elu', -1, { alpha: 0.5 });
    return out;
  });
  assert.deepEqual(r.types, ['Float64Array', 'Float64Array', 'Float64Array']);
  assert.ok(r.ownBuffers, 'copies, not views into wasm memory');
  assert.ok(Math.abs(r.df[0] - dsig(-40)) <= 1e-12 * dsig(-40) && r.df[0] > 4e-18, `sigmoid′(−40) = ${r.df[0]}`);
  assert.equal(r.df[1], 0.25);
  for (const k of ['id', 'alpha', 'info', 'xs']) { assert.equal(r[k].isError, true, k); assert.equal(r[k].ctor, 'Error', k); }
  assert.match(r.id.message, /nope.*linear.*maxout/);
  assert.match(r.alpha.message, /alpha.*1e\+?0?9|alpha.*1000000000/);
  assert.match(r.xs.message, /xs/);
  assert.ok(Math.abs(r.after - 0.5 * Math.expm1(-1)) <= 1e-15, `elu after the errors: ${r.after}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('sigmoid marks: f′ max 1/4 at x = 0 (a dot) and the range lines at 0 and 1', async () => {
  const page = await open();
  const el = byFn(page, 'sigmoid');
  const L = await el.evaluate((e) => e.plotLayout);
  const P = L.panels[0];
  const pairs = await el.evaluate((e) => window.__probe.rows(e, '--plot-series-2', 0, 2));
  // the dot (radius 4.5 px) covers about 9 rows around y(1/4); a 2 px line alone covers ~3
  const around = pairs.filter(([, y]) => Math.abs(y - rowOf(P, 0.25)) <= 5).length;
  // control: the same 5 columns at x = −1.5 hold only the 2 px (dashed) f′ line
  const line = (await el.evaluate((e) => window.__probe.rows(e, '--plot-series-2', -1.5, 2)))
    .filter(([x, y]) => Math.abs(y - rowOf(P, dsig(x))) <= 5).length;
  assert.ok(around >= 20 && around >= line + 8, `dot at (0, 1/4): ${around} f′-coloured px vs ${line} for the line alone`);
  for (const level of [0, 1]) { // dashed range lines, checked far from the curve's own rows
    const marks = await el.evaluate((e) => window.__probe.rows(e, '--plot-mark', 3.5, 6));
    assert.ok(marks.some(([, y]) => Math.abs(y - rowOf(P, level)) <= 1.5), `range line at ${level}: ${show(marks)}`);
  }
  const text = await el.evaluate((e) => e.shadowRoot.querySelector('.sr-only').textContent);
  assert.match(text, /0\.25/);
  await page.close();
});

test('moving the elu α slider redraws the curve at −α(1−e^x), reflects the attribute and fires change', async () => {
  const page = await open();
  const el = byFn(page, 'elu');
  await el.evaluate((e) => { window.__changes = []; e.addEventListener('change', (ev) => window.__changes.push(ev.detail)); });
  const before = await el.evaluate((e) => window.__probe.hash(e));
  const info = await page.evaluate(async () => (await import('../js/engine.js')).activationInfo('elu'));
  const slider = el.locator('input[type=range][name=alpha]');
  await slider.focus();
  await page.keyboard.press('End'); // a real keyboard move to the slider's maximum
  await page.waitForFunction(() => document.querySelector('#basic activation-plot[fn="elu"]').getAttribute('alpha') !== null);
  await nextFrame(page);
  const alpha = info.params[0].sliderMax;
  assert.equal(Number(await el.getAttribute('alpha')), alpha);
  const changes = await page.evaluate(() => window.__changes);
  assert.ok(changes.length >= 1);
  assert.deepEqual(changes.at(-1), { fn: 'elu', params: { alpha }, logDf: false });
  assert.notEqual(await el.evaluate((e) => window.__probe.hash(e)), before, 'pixels changed');
  const L = await el.evaluate((e) => e.plotLayout);
  for (const x of [-5, -2, -0.5]) {
    const pairs = await el.evaluate((e, x) => window.__probe.rows(e, '--plot-series-1', x), x);
    assert.ok(misfit(pairs, L.panels[0], (x) => alpha * Math.expm1(x)) <= 2, `elu α=${alpha} at ${x}: ${show(pairs)}`);
  }
  assert.equal(await el.locator('output').first().textContent(), String(alpha));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('log-|f′| toggle: the sigmoid tail is drawn at its true height instead of on the zero line', async () => {
  const page = await open();
  const el = byFn(page, 'sigmoid');
  const x = -5.8;
  let L = await el.evaluate((e) => e.plotLayout);
  let pairs = await el.evaluate((e, x) => window.__probe.rows(e, '--plot-series-2', x, 3), x);
  assert.ok(misfit(pairs, L.panels[0], () => 0) <= 2, `linear axis: the tail hugs y = 0: ${show(pairs)}`);
  await el.locator('input[name=log-df]').click();
  await page.waitForFunction(() => document.querySelector('#basic activation-plot[fn="sigmoid"]').plotLayout.panels.length === 2);
  await nextFrame(page);
  assert.equal(await el.getAttribute('log-df'), '');
  L = await el.evaluate((e) => e.plotLayout);
  const P = L.panels[1];
  assert.ok(P.log);
  pairs = await el.evaluate((e, x) => window.__probe.rows(e, '--plot-series-2', x), x);
  assert.ok(misfit(pairs, P, dsig) <= 2, `log axis: ${show(pairs)} vs ${rowOf(P, dsig(x)).toFixed(1)}`);
  assert.ok(P.bottom - rowOf(P, dsig(x)) > 20, 'the tail is well above the bottom of the log panel');
  assert.match(await el.locator('.kd').textContent(), /\|f′\(x\)\|/);

  // sigmoid′(−39.5) ≈ 7e−18 on the −40..40 plot: drawn, not a hole and not clamped
  const tail = page.locator('#sig-tail');
  const T = (await tail.evaluate((e) => e.plotLayout)).panels[1];
  assert.ok(T.lo <= -18, `log axis reaches 1e${T.lo}`);
  const tys = await tail.evaluate((e) => window.__probe.rows(e, '--plot-series-2', -39.5));
  assert.ok(misfit(tys, T, dsig) <= 2, `sigmoid′(−39.5): ${show(tys)} vs ${rowOf(T, dsig(-39.5)).toFixed(1)}`);

  // relu′ = 0 exactly for x < 0: clamped to the bottom edge of the log panel, not missing
  const relu = page.locator('#relu-log');
  const R = (await relu.evaluate((e) => e.plotLayout)).panels[1];
  const rys = await relu.evaluate((e) => window.__probe.rows(e, '--plot-series-2', -3, 3));
  assert.ok(rys.some(([, y]) => Math.abs(y - R.bottom) <= 4), `relu′(−3) = 0 marked at the bottom (${R.bottom}): ${show(rys)}`);
  assert.ok(rys.every(([, y]) => y > R.top + 0.5 * (R.bottom - R.top)), 'and nothing drawn higher up there');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('hover readout shows x, f(x), f′(x) equal to the engine at the hovered x', async () => {
  const page = await open();
  const parse = (s) => Number(s.replace(/\u2212/g, '-'));
  for (const [fn, x0, fRef, dRef] of [
    ['tanh', -1.3, Math.tanh, (x) => 1 / Math.cosh(x) ** 2],
    ['elu', -2.2, REF.elu, (x) => Math.exp(x)],
    ['sigmoid', 0.7, sig, dsig],
  ]) {
    const el = byFn(page, fn);
    await el.scrollIntoViewIfNeeded();
    const L = await el.evaluate((e) => e.plotLayout);
    const box = await el.locator('canvas').boundingBox();
    const px = L.left + ((x0 - L.xMin) / (L.xMax - L.xMin)) * (L.right - L.left);
    await page.mouse.move(box.x + px, box.y + box.height / 2);
    await page.waitForFunction((fn) => document.querySelector(`#basic activation-plot[fn="${fn}"]`).shadowRoot.querySelector('.readout').dataset.x, fn);
    const r = await el.evaluate(async (e) => {
      const eng = await import('../js/engine.js'), ro = e.shadowRoot.querySelector('.readout'), x = Number(ro.dataset.x);
      return { x, text: ro.textContent, bold: [...ro.querySelectorAll('b')].map((b) => b.textContent),
        f: eng.activate(e.getAttribute('fn'), x, e.params), df: eng.derivative(e.getAttribute('fn'), x, e.params) };
    });
    const dxPerPx = (L.xMax - L.xMin) / (L.right - L.left);
    assert.ok(Math.abs(r.x - x0) <= dxPerPx, `${fn}: hovered x ${r.x} vs ${x0}`);
    assert.match(r.text, /x = .*f\(x\) = .*f′\(x\) = /);
    const [sx, sf, sd] = r.bold.map(parse);
    assert.ok(Math.abs(sx - r.x) <= 5e-6 * Math.max(1, Math.abs(r.x)), `${fn}: shown x ${sx}`);
    for (const [shown, engineV, ref, what] of [[sf, r.f, fRef(r.x), 'f'], [sd, r.df, dRef(r.x), "f'"]]) {
      assert.ok(Math.abs(shown - engineV) <= 1e-5 * Math.abs(engineV), `${fn}: shown ${what} ${shown} vs engine ${engineV}`);
      assert.ok(Math.abs(engineV - ref) <= 1e-12 * Math.abs(ref), `${fn}: engine ${what} ${engineV} vs formula ${ref}`);
    }
  }
  await page.mouse.move(1, 1);
  await nextFrame(page);
  assert.equal(await byFn(page, 'sigmoid').evaluate((e) => e.shadowRoot.querySelector('.readout').dataset.x), undefined);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('invalid attributes show a readable inline message; injection payloads stay text', async () => {
  const page = await open();
  await page.waitForFunction(() => [...document.querySelectorAll('#invalid activation-plot')].every((e) => e.hasAttribute('error')));
  const info = await page.evaluate(async () => (await import('../js/engine.js')).activationInfo('elu'));
  const msgs = await page.$$eval('#invalid activation-plot', (els) => els.map((e) => ({
    text: e.shadowRoot.querySelector('.error').textContent, ready: e.hasAttribute('ready'),
    height: e.shadowRoot.querySelector('.error').getBoundingClientRect().height, imgs: e.shadowRoot.querySelectorAll('img').length })));
  assert.equal(msgs.length, 4);
  for (const m of msgs) { assert.ok(m.height > 20, 'visible, not a blank box'); assert.equal(m.ready, false); assert.equal(m.imgs, 0); }
  assert.match(msgs[0].text, /fn="nope".*sigmoid.*maxout/);
  assert.match(msgs[1].text, /alpha="abc"/);
  assert.match(msgs[2].text, new RegExp(`alpha.*\\b${info.params[0].max}\\b.*"1e9"`));
  assert.match(msgs[3].text, /<img src=x onerror=alert\(1\)>/);

  // set from script, including payloads that would run if they ever reached innerHTML
  const results = await page.evaluate(async () => {
    const out = [];
    const cases = [['fn', '<img src=x onerror="window.__pwned=1">'], ['alpha', '<svg onload="window.__pwned=2">'],
      ['alpha', '-0.5'], ['alpha', '0x10'], ['alpha', ''], ['xmin', '7'], ['show', 'f,<b>'], ['lower', '0.9'], ['controls', 'maybe']];
    for (const [name, value] of cases) {
      const el = document.createElement('activation-plot');
      el.setAttribute('fn', name === 'fn' ? value : name === 'lower' ? 'rrelu' : 'elu');
      el.setAttribute(name, value);
      if (name === 'lower') el.setAttribute('upper', '0.2');
      document.body.append(el);
      await new Promise((r) => { const t = setInterval(() => { if (el.hasAttribute('error') || el.hasAttribute('ready')) { clearInterval(t); r(); } }, 10); });
      out.push({ name, error: el.hasAttribute('error'), text: el.shadowRoot.querySelector('.error').textContent,
        elements: el.shadowRoot.querySelectorAll('img, svg, b, script').length });
      el.remove();
    }
    return { out, pwned: window.__pwned };
  });
  for (const r of results.out) {
    assert.ok(r.error, `${r.name}: error shown`);
    assert.ok(r.text.includes(r.name === 'lower' ? 'lower' : r.name), `${r.name}: message names the field: ${r.text}`);
    assert.equal(r.elements, 0);
  }
  assert.equal(results.pwned, undefined);
  assert.deepEqual(page.dialogs, []);

  // a broken widget recovers when the attribute is fixed
  const el = page.locator('#invalid activation-plot').nth(1);
  await el.evaluate((e) => e.setAttribute('alpha', '0.7'));
  await page.waitForFunction(() => document.querySelectorAll('#invalid activation-plot')[1].hasAttribute('ready'));
  assert.equal(await el.evaluate((e) => e.hasAttribute('error')), false);
  assert.ok((await el.evaluate((e) => window.__probe.counts(e, ['--plot-series-1'])))['--plot-series-1'] > 300);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('text follows <html lang> (unless the widget has its own lang); controls="none" hides the controls', async () => {
  const page = await open();
  const hint = (sel) => page.locator(sel).evaluate((e) => e.shadowRoot.querySelector('.readout').textContent);
  const ko = await hint('#basic activation-plot[fn="relu"]');
  assert.match(ko, /[\uac00-\ud7a3]/, 'Korean by default on a lang="ko" page');
  // titles too: Korean names on a Korean page (the English ones come from the engine's table)
  const title = (sel) => page.locator(sel).evaluate((e) => e.shadowRoot.querySelector('.title').textContent);
  assert.match(await title('#basic activation-plot[fn="sigmoid"]'), /^시그모이드/);
  assert.match(await title('#basic activation-plot[fn="tanh"]'), /^쌍곡 탄젠트/);
  assert.match(await page.locator('#basic activation-plot[fn="sigmoid"] canvas').getAttribute('aria-label'), /시그모이드/);
  assert.equal(await title('#params activation-plot[lang="en"][fn="leaky_relu"]'), 'Leaky ReLU');
  // the log toggle's text and the download label are apart (not one run-on phrase), at any width
  for (const width of [375, 520, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await nextFrame(page);
    const gap = await page.locator('#basic activation-plot[fn="sigmoid"]').evaluate((e) => {
      const a = e.shadowRoot.querySelector('.log span').getBoundingClientRect(), b = e.shadowRoot.querySelector('.export span').getBoundingClientRect();
      return b.top >= a.bottom - 2 ? Infinity : b.left - a.right; // on the next line: apart
    });
    assert.ok(gap >= 24, `"|f′| 로그 축" and "그림 내려받기" only ${gap}px apart at ${width}px`);
  }
  await screenshot(page.locator('#basic activation-plot[fn="sigmoid"]'), 'plot-sigmoid-ko-1280');
  assert.match(await hint('#params activation-plot[lang="en"][fn="leaky_relu"]'), /^Hover/);
  await page.evaluate(() => { document.documentElement.lang = 'en'; });
  await page.waitForFunction(() => document.querySelector('#basic activation-plot[fn="relu"]').shadowRoot.querySelector('.readout').textContent.startsWith('Hover'));
  await page.waitForFunction(() => document.querySelector('#basic activation-plot[fn="sigmoid"]').shadowRoot.querySelector('.title').textContent === 'Sigmoid (logistic)');
  const selu = page.locator('#params activation-plot[controls="none"]');
  assert.equal(await selu.locator('input').first().isVisible(), false);
  assert.equal(await byFn(page, 'selu').locator('input[name=log-df]').isVisible(), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('375 px: no horizontal scroll, canvases fit; resizing redraws; screenshots at 1280 and 375', async () => {
  const page = await open({ width: 1280, height: 900 });
  const shots = [await screenshot(page, 'plot-gallery-1280', { fullPage: true })];
  shots.push(await screenshot(byFn(page, 'rrelu'), 'plot-rrelu-1280'));
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForFunction(() => [...document.querySelectorAll('#basic activation-plot')]
    .every((e) => e.plotLayout && e.plotLayout.width <= 375 - 40));
  await nextFrame(page);
  const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth,
    widest: Math.max(...[...document.querySelectorAll('activation-plot')].map((e) => e.getBoundingClientRect().right)) }));
  assert.ok(m.sw <= m.cw, `scrollWidth ${m.sw} > clientWidth ${m.cw}`);
  assert.ok(m.widest <= m.cw, `a widget ends at ${m.widest}`);
  // a long readout (tiny numbers in exponent form) wraps inside the widget instead of overflowing
  const tail = page.locator('#sig-tail');
  await tail.scrollIntoViewIfNeeded();
  const tb = await tail.locator('canvas').boundingBox();
  await page.mouse.move(tb.x + tb.width * 0.25, tb.y + 30);
  await page.waitForFunction(() => document.querySelector('#sig-tail').shadowRoot.querySelector('.readout').dataset.x);
  const over = await page.$$eval('activation-plot', (els) => els.map((e) => {
    const m = e.shadowRoot.querySelector('.main'), r = e.shadowRoot.querySelector('.readout');
    return Math.max(m.scrollWidth - m.clientWidth, r.scrollWidth - r.clientWidth);
  }));
  assert.ok(over.every((o) => o <= 0), `content wider than the widget by ${over}`);
  const c = await byFn(page, 'sigmoid').evaluate((e) => window.__probe.counts(e, ['--plot-series-1']));
  assert.ok(c['--plot-series-1'] > 200, 'still drawn after the resize');
  shots.push(await screenshot(page, 'plot-gallery-375', { fullPage: true }));
  shots.push(await screenshot(byFn(page, 'maxout'), 'plot-maxout-375'));
  assert.deepEqual(page.errors, []);
  console.log(shots.join('\n'));
  await page.close();
});

test('dark colour scheme: dark background, light curves, readable', async () => {
  const page = await open({ width: 1280, colorScheme: 'dark' });
  for (const fn of ['sigmoid', 'rrelu', 'selu']) {
    const c = await byFn(page, fn).evaluate((e) => window.__probe.counts(e, ['--plot-series-1', '--plot-series-2', '--plot-fg']));
    const lum = (v) => 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    assert.ok(lum(c.bg) < 60, `${fn}: background ${c.bg} is dark`);
    assert.ok(lum(c.cols[0]) > 110 && lum(c.cols[1]) > 110, `${fn}: series colours ${c.cols} are light`);
    assert.ok(c['--plot-series-1'] > 300 && c['--plot-series-2'] > 150, `${fn}: drawn`);
  }
  await screenshot(page, 'plot-gallery-dark', { fullPage: true });
  await screenshot(page.locator('#sig-tail'), 'plot-sigmoid-log-dark');
  assert.deepEqual(page.errors, []);
  await page.close();
});
