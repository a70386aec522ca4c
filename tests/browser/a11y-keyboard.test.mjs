// Keyboard only, on the teaching page in Chromium: Tab goes through every control of the page —
// inside every widget's shadow root — in document order, each with a visible focus ring (its
// computed outline or box-shadow), and leaves the last widget (no trap); a slider moves with the
// arrow keys; play/pause answers Space and Enter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';
import { openPage } from './a11y-page.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// In the page: every keyboard stop in composed tree order (shadow roots in place of their hosts),
// numbered; window.__stop(el) gives an element's number. A radio group is one stop.
const listStops = () => {
  const SEL = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const ids = new Map(), out = [], groups = new Set();
  const inert = (el) => { for (let e = el; e; e = e.parentElement || e.getRootNode().host) if (e.inert) return true; return false; };
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(SEL) && !el.disabled && el.tabIndex >= 0 && !inert(el) && el.checkVisibility({ visibilityProperty: true })
        && el.getBoundingClientRect().width > 0) {
        const key = el.type === 'radio' ? `${out.length && ids.size}:${el.name}` : null;
        if (el.type === 'radio') {
          const g = [el.getRootNode(), el.name];
          if ([...groups].some(([r, n]) => r === g[0] && n === g[1])) { ids.set(el, -1); continue; }
          groups.add(g);
        }
        ids.set(el, out.length);
        const host = el.getRootNode().host;
        out.push(`${host ? `${host.localName}${host.id ? `#${host.id}` : ''} ` : ''}${el.localName}${el.name ? `[name=${el.name}]` : ''}${el.type === 'range' ? '(range)' : ''}`);
        void key;
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  window.__stops = ids;
  return out;
};

// The element that has focus, through shadow roots, with its ring and its stop number.
const focused = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  if (!a || a === document.body) return { body: true };
  const cs = getComputedStyle(a), r = a.getBoundingClientRect();
  let n = window.__stops.get(a);
  if (n === -1) { // another radio of a group already counted: the group's number
    for (const [el, i] of window.__stops) if (i >= 0 && el.type === 'radio' && el.name === a.name && el.getRootNode() === a.getRootNode()) { n = i; break; }
  }
  return {
    n: n ?? null, what: `${a.getRootNode().host?.localName ?? ''} ${a.localName}${a.name ? `[name=${a.name}]` : ''}`,
    ring: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) || (cs.boxShadow && cs.boxShadow !== 'none'),
    outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, shadow: cs.boxShadow,
    onScreen: r.bottom > 0 && r.top < innerHeight && r.width > 0,
  };
};

test('Tab reaches every control in document order with a visible focus ring, and leaves the page', async () => {
  const t0 = Date.now();
  const page = await openPage(env, { lang: 'en', width: 1280, height: 900 });
  // the page's lazy layout over (js/page.js): prose links in skipped content have no box until then
  await page.waitForFunction(() => !document.documentElement.classList.contains('lazy-layout'), null, { timeout: 30000 });
  const stops = await page.evaluate(listStops);
  assert.ok(stops.length > 100, `the page's controls: ${stops.length}`);
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const seen = [], noRing = [], offScreen = [], unknown = [];
  let left = false;
  for (let i = 0; i < stops.length + 40; i++) {
    await page.keyboard.press('Tab');
    let f = await page.evaluate(focused);
    // the page scrolls smoothly to a newly focused control: give the scroll a moment
    for (let k = 0; k < 30 && !f.body && !f.onScreen; k++) { await page.waitForTimeout(100); f = await page.evaluate(focused); }
    if (f.body || (seen.length && f.n === 0)) { left = true; break; } // past the last control: out of the page
    if (f.n === null) { unknown.push(f.what); continue; }
    seen.push(f.n);
    if (!f.ring) noRing.push(`${stops[f.n]}: outline ${f.outline}, shadow ${f.shadow}`);
    if (!f.onScreen) offScreen.push(stops[f.n]);
    if (seen.length === 60) await screenshot(page, 'a11y-keyboard-focus-1280');
  }
  console.log(`${stops.length} stops, ${seen.length} focused by Tab (${Date.now() - t0} ms); first ${stops.slice(0, 4).join(' | ')}; last ${stops.at(-1)}`);
  assert.ok(left, `focus left the page after the last control (${seen.length} Tabs, last ${stops[seen.at(-1)]})`);
  assert.deepEqual(unknown, [], 'focus went only to listed controls');
  const missing = stops.filter((_, i) => i >= 0 && !seen.includes(i));
  assert.deepEqual(missing, [], 'every control is reached by Tab');
  const backwards = seen.filter((n, i) => i && n < seen[i - 1]).map((n) => stops[n]);
  assert.deepEqual(backwards, [], 'Tab follows document order');
  assert.deepEqual(noRing, [], 'every focused control shows a ring');
  assert.deepEqual(offScreen, [], 'the focused control is scrolled into view');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a slider moves with the arrow keys; play/pause answers Space and Enter; the race runs from the keyboard', async () => {
  const page = await openPage(env, { lang: 'ko', width: 1280, height: 900 });
  // the ELU plot's α slider
  const plot = page.locator('activation-plot[fn="elu"]');
  const slider = plot.locator('input[type=range]').first();
  await slider.focus();
  const v0 = Number(await slider.inputValue());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const v1 = Number(await slider.inputValue());
  assert.ok(v1 > v0, `ArrowRight moves the slider: ${v0} -> ${v1}`);
  assert.equal(Number(await plot.getAttribute('alpha')), v1, 'the plot follows the slider');
  await page.keyboard.press('ArrowLeft');
  assert.ok(Number(await slider.inputValue()) < v1, 'ArrowLeft moves it back');

  // leaky-compare's play/pause: Space, then Enter (waiting at first, and too long a run to end by itself meanwhile)
  const lc = page.locator('leaky-compare#leaky-alpha');
  await lc.evaluate((e) => { e.setAttribute('autoplay', 'false'); e.setAttribute('epochs', '1000'); e.scrollIntoView({ block: 'center' }); });
  const play = lc.locator('button[name=play]');
  await page.waitForFunction(() => document.querySelector('#leaky-alpha').shadowRoot.querySelector('button[name=play]').textContent.startsWith('▶'));
  const label = () => play.textContent();
  await play.focus();
  const l0 = await label();
  await page.keyboard.press('Space');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('button[name=play]').textContent !== el.__l0, await lc.evaluateHandle((el, l) => { el.__l0 = l; return el; }, l0));
  const l1 = await label();
  assert.ok(l0.startsWith('▶') && l1.startsWith('❚❚'), `Space plays: ${l0} -> ${l1}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('button[name=play]').textContent === el.__l0, await lc.elementHandle());
  assert.equal(await label(), l0, 'Enter toggles it back');

  // the race: Space on ▶ trains (the `running` attribute), Enter pauses
  const race = page.locator('activation-race');
  await race.scrollIntoViewIfNeeded();
  await race.locator('button[name=play]').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('activation-race').hasAttribute('running'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('activation-race').hasAttribute('running'));
  // the results table scrolls inside its own box: focusable, so arrow keys scroll it
  const wrap = race.locator('.tablewrap');
  assert.equal(await wrap.getAttribute('tabindex'), '0');
  assert.ok((await wrap.getAttribute('aria-label')).length > 3, 'the scrolling region has a name');
  assert.deepEqual(page.errors, []);
  await page.close();
});
