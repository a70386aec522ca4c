// A widget is built when it comes near the screen (within a window's height), not at load: on a
// long page a phone pays at load only for the widgets near what the reader sees. Checked here on
// the teaching page as a reader loads it (no eager switch): the widgets far below are not built
// (`deferred`, no `ready`, their skeleton unbuilt, nothing drawn), the lazy prose layout does not
// wait for them, scrolling to one builds and draws it (a smooth jump builds none of the widgets it
// passes; a steady scroll finds each built as it comes on screen), and printing builds them all.
// `loading="eager"` on an element and `window.activationWidgetsLoading = 'eager'` build at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let env;
before(async () => { env = await launch({ loading: 'near' }); });
after(async () => { await env?.close(); });

const WIDGETS = `(() => [...document.querySelectorAll('main *')].filter((e) => e.localName.includes('-') && e.shadowRoot))()`;
const state = (page) => page.evaluate(`${WIDGETS}.map((e) => ({ tag: e.localName, top: Math.round(e.getBoundingClientRect().top + scrollY),
  deferred: e.deferred === true, ready: e.hasAttribute('ready'), error: e.hasAttribute('error'),
  built: !e.shadowRoot.querySelector('.main')?.classList.contains('unbuilt'), // the skeleton is unseen until the first build
  content: e.shadowRoot.querySelector('.main')?.textContent.trim().length ?? 0,
  canvases: [...e.shadowRoot.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.height > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)).length }))`);

test('index.html: widgets near the screen are built, those far below wait; scrolling to one builds and draws it', async () => {
  const page = await env.newPage({ width: 1280, height: 900 });
  await page.goto(env.baseUrl);
  // every widget within a window's height of the screen is ready
  await page.waitForFunction(`${WIDGETS}.filter((e) => e.getBoundingClientRect().top < 2 * innerHeight).every((e) => e.hasAttribute('ready'))`, null, { timeout: 30000 });
  await page.waitForTimeout(1500);
  const ws = await state(page);
  const near = ws.filter((w) => w.top < 2 * 900), far = ws.filter((w) => w.top > 3 * 900);
  console.log(`index.html at load: ${ws.length} widgets, ${ws.filter((w) => w.ready).length} built and ready, ${ws.filter((w) => w.deferred).length} waiting to come near`);
  assert.ok(near.length >= 1 && near.every((w) => w.ready && !w.deferred && w.built && w.content > 0), `near widgets ready: ${JSON.stringify(near)}`);
  assert.ok(far.length >= 15, `the teaching page has widgets far below its first screen (${far.length})`);
  for (const w of far) {
    assert.ok(w.deferred && !w.ready && !w.error, `${w.tag} at ${w.top}px is waiting, not built: ${JSON.stringify(w)}`);
    assert.equal(w.built, false, `${w.tag} at ${w.top}px: not built yet`);
    assert.equal(w.canvases, 0, `${w.tag} at ${w.top}px: nothing drawn yet`);
  }
  // the lazy prose layout does not wait for the far widgets (it would give up after 6 s)
  await page.waitForFunction(() => !document.documentElement.classList.contains('lazy-layout'), null, { timeout: 5000 });

  // the reader scrolls to the last widget of the page: it is built, drawn and described
  const last = far.at(-1);
  // (scrolled again until it stays there: the first scroll ends the lazy prose layout, which moves it)
  await page.waitForFunction(`(() => { const e = ${WIDGETS}.at(-1); e.scrollIntoView({ block: 'center', behavior: 'smooth' }); return e.hasAttribute('ready'); })()`, null, { timeout: 30000, polling: 300 });
  const after = (await state(page)).at(-1);
  assert.equal(after.tag, last.tag);
  assert.ok(!after.deferred && after.built && after.content > 0 && after.canvases >= 1, `${after.tag} built and drawn once near: ${JSON.stringify(after)}`);
  // a widget in between that never came near is still waiting
  // (a smooth scroll passes every widget on its way, and builds only those where it ends)
  const between = (await state(page)).filter((w) => w.top > 3 * 900 && w.top < last.top - 3 * 900);
  console.log(`after a smooth jump to the last widget: ${between.filter((w) => !w.deferred).length} of the ${between.length} widgets passed on the way built`);
  assert.ok(between.length >= 10, `widgets between (${between.length})`);
  for (const w of between) assert.ok(w.deferred && !w.ready, `${w.tag} at ${w.top}px, skipped past, is not built: ${JSON.stringify(w)}`);
  // printing builds the rest (at once, not as they come near)
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(`${WIDGETS}.every((e) => e.hasAttribute('ready') && !e.deferred)`, null, { timeout: 60000 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The other side of not building what a jump passes: a reader who reads as they scroll (the page
// never stops moving for long) finds each widget built, or being built, when it comes on screen.
test('a reader scrolling steadily (800 px/s) finds every widget built when it comes on screen', async () => {
  const page = await env.newPage({ width: 1280, height: 900, reducedMotion: 'reduce' }); // (wheel steps land at once)
  await page.goto(env.baseUrl);
  await page.waitForFunction(() => !document.documentElement.classList.contains('lazy-layout'), null, { timeout: 15000 });
  const from = await page.evaluate(`${WIDGETS}[3].getBoundingClientRect().top + scrollY - 2 * innerHeight`);
  await page.evaluate((y) => scrollTo(0, y), from);
  await page.waitForTimeout(500);
  await page.evaluate(`window.__seen = new Map(); (function look() { for (const e of ${WIDGETS}) { const r = e.getBoundingClientRect();
    if (r.top < innerHeight && r.bottom > 0 && !__seen.has(e)) __seen.set(e, { tag: e.localName, top: Math.round(r.top + scrollY), deferred: e.deferred }); }
    requestAnimationFrame(look); })()`);
  for (let i = 0; i < 160; i++) { await page.mouse.wheel(0, 40); await page.waitForTimeout(50); } // ≥ 8 s, 6400 px
  const seen = await page.evaluate((from) => [...__seen.values()].filter((w) => w.top > from + innerHeight), from); // (not those on screen before)
  console.log(`scrolling steadily: ${seen.length} widgets came on screen, ${seen.filter((w) => !w.deferred).length} of them built`);
  assert.ok(seen.length >= 4, `widgets passed (${seen.length})`);
  for (const w of seen) assert.equal(w.deferred, false, `${w.tag} at ${w.top}px was not built when it came on screen`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

const PAGE = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>near</title>
<script type="module" src="/js/widgets/all.js"></script></head><body>
<activation-plot id="top" fn="relu"></activation-plot><div style="height: 6000px"></div>
<activation-plot id="eager" fn="elu" ${attrs}></activation-plot><activation-plot id="lazy" fn="tanh"></activation-plot></body></html>`;

test('loading="eager" on an element, and activationWidgetsLoading = "eager" for the page, build far widgets at once', async () => {
  for (const [name, attrs, init, eagerAll] of [['element attribute', 'loading="eager"', null, false],
    ['page-wide switch', '', () => { window.activationWidgetsLoading = 'eager'; }, true]]) {
    const page = await env.newPage({ width: 800, height: 600 });
    if (init) await page.addInitScript(init);
    const url = `${env.baseUrl}__near.html`;
    await page.route(url, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE(attrs) }));
    await page.goto(url);
    await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id).hasAttribute('ready')),
      eagerAll ? ['top', 'eager', 'lazy'] : ['top', 'eager'], { timeout: 30000 });
    await page.waitForTimeout(800);
    const lazy = await page.evaluate(() => { const e = document.getElementById('lazy'); return { ready: e.hasAttribute('ready'), deferred: e.deferred === true }; });
    assert.deepEqual(lazy, eagerAll ? { ready: true, deferred: false } : { ready: false, deferred: true }, `${name}: the widget without the attribute`);
    assert.deepEqual(page.errors, [], name);
    await page.close();
  }
});

// A contents link on a phone, as a reader loads the page (widgets built near the screen): the
// section lands under the header although the widgets near it are built (and grow) as it lands.
// A smooth scroll ended where the section had been before they were built: 833 px off.
test('a contents link lands on its section on a phone while the widgets near it are built', async () => {
  for (const id of ['relu', 'selu']) {
    const page = await env.newPage({ width: 375, height: 812 });
    await page.goto(env.baseUrl);
    await page.waitForTimeout(1500);
    await page.evaluate((id) => { const a = document.querySelector(`#toc-list a[href="#${id}"]`); a.closest('details')?.setAttribute('open', ''); a.click(); }, id);
    await page.waitForFunction(() => [...document.querySelectorAll('main *')].filter((e) => e.localName.includes('-') && e.shadowRoot)
      .filter((e) => { const r = e.getBoundingClientRect(); return r.bottom > -innerHeight && r.top < 2 * innerHeight; }).every((e) => e.hasAttribute('ready')), null, { timeout: 30000 });
    await page.waitForTimeout(1000);
    const { top, margin } = await page.evaluate((id) => { const t = document.getElementById(id); return { top: t.getBoundingClientRect().top, margin: parseFloat(getComputedStyle(t).scrollMarginTop) || 0 }; }, id);
    console.log(`#${id} after a contents link: top ${top.toFixed(0)} px (scroll margin ${margin})`);
    assert.ok(Math.abs(top - margin) <= 3, `#${id} lands under the header: top ${top.toFixed(0)} px, margin ${margin}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});
