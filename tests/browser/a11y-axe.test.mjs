// axe-core (npm, pinned) over the teaching page in Chromium, shadow roots included, in every state a
// reader meets: ko/en × light/dark × 1280 px / 375 px with touch — after every widget is `ready`
// and after the race has run to `done`. WCAG 2.2's target size is switched on. Zero violations in
// all eight (the counts are printed per state).
// The language is switched with the page's own buttons and the scheme by emulation, so each
// viewport loads the page once; axe over its ~13,000 nodes (11,500 of them KaTeX's) takes 3-20 s
// depending on the machine's load, so the whole page is checked five times per viewport: at
// ready (ko, light) and after the race in each of the four language × scheme states.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';
import { openPage, runRace, axe } from './a11y-page.mjs';

const envs = [];
after(async () => { for (const e of envs) await e.close(); });

const STATES = [['ko', 'light'], ['ko', 'dark'], ['en', 'dark'], ['en', 'light']];
const count = (v) => v.reduce((s, x) => s + x.nodes.length, 0);
const show = (v) => v.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(' ')}`).join('\n');

// Puts the page into `lang` and `scheme` and waits until every widget has drawn in them.
async function setState(page, lang, colorScheme) {
  await page.emulateMedia({ colorScheme });
  await page.click(`.lang-switch button[data-set-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  // two frames for the widgets' redraw, then the text alternatives' throttle (400 ms)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
}

for (const [width, height, touch] of [[1280, 900, false], [375, 740, true]]) {
  test(`axe: zero violations at ${width} px${touch ? ' (touch)' : ''}, ko/en × light/dark, ready and after the race`, async () => {
    const t0 = Date.now();
    const env = await launch(touch ? { context: { hasTouch: true, isMobile: true } } : {});
    envs.push(env);
    const page = await openPage(env, { lang: 'ko', colorScheme: 'light', width, height });
    const found = {}, sideways = {};
    // ready: the whole page as it first stands (Korean, light)
    found[`ko-light-${width} ready`] = await axe(page);
    // the race run to done, then every state (the rest of the page has finished its work by now)
    await runRace(page, 3);
    for (const [lang, scheme] of STATES) {
      await setState(page, lang, scheme);
      found[`${lang}-${scheme}-${width} done`] = await axe(page);
      // every widget built and drawn in this state: nothing makes the page scroll sideways
      sideways[`${lang}-${scheme}-${width}`] = await page.evaluate(() => document.scrollingElement.scrollWidth);
      if (lang === 'ko' || width === 1280) await screenshot(page, `a11y-${lang}-${scheme}-${width}`, { fullPage: false });
    }
    console.log(`axe at ${width} px: ${Object.entries(found).map(([k, v]) => `${k}: ${count(v)}`).join(', ')} (${Date.now() - t0} ms)`);
    for (const [state, v] of Object.entries(found)) assert.equal(count(v), 0, `${state}:\n${show(v)}`);
    for (const [state, sw] of Object.entries(sideways)) assert.ok(sw <= width, `${state}: the page scrolls sideways (scrollWidth ${sw})`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
