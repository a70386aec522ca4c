// Shared by the accessibility tests (a11y-*.test.mjs): the teaching page opened in one of the
// states a reader meets, with every widget ready; the race run to `done`; axe-core injected.
import path from 'node:path';
import { createRequire } from 'node:module';
import { waitReady } from './harness.mjs';

const require = createRequire(import.meta.url);
export const AXE_PATH = path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js');

// Every widget element of the page (custom elements: a tag name with a hyphen).
export const WIDGETS = 'activation-plot, activation-race, zigzag-descent, activation-speed, leaky-compare, activation-guide, universal-approximation, gradient-flow, dead-neurons, self-normalization';

// Opens dist/index.html in `lang` and waits until every widget is `ready`.
export async function openPage(env, { lang = 'ko', colorScheme = 'light', width = 1280, height = 900, reducedMotion, media } = {}) {
  const page = await env.newPage({ width, height, colorScheme, reducedMotion });
  if (media) await page.emulateMedia({ media });
  await page.goto(`${env.baseUrl}?lang=${lang}`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-math'), null, { timeout: 30000 });
  await waitReady(page, WIDGETS, 60000);
  return page;
}

// Runs the page's race for a few epochs to `done` (scrolled on screen: it trains only there).
export async function runRace(page, epochs = 15) {
  await page.evaluate((n) => {
    const el = document.querySelector('activation-race');
    el.setAttribute('epochs', String(n));
    el.scrollIntoView({ block: 'center' });
  }, epochs);
  await page.waitForFunction(() => document.querySelector('activation-race').hasAttribute('ready'), null, { timeout: 30000 });
  await page.evaluate(() => document.querySelector('activation-race').shadowRoot.querySelector('button[name=play]').click());
  // kept on screen while it trains (a section above may still change height as the page lays out)
  await page.waitForFunction(() => {
    const el = document.querySelector('activation-race'), r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight) el.scrollIntoView({ block: 'center' });
    return el.hasAttribute('done');
  }, null, { timeout: 120000, polling: 500 });
}

// axe-core over the whole document (it walks open shadow roots), WCAG 2.2 target size included.
// Returns [{ id, impact, nodes: [{ target, summary }] }].
// `within` (a selector) limits the check to those elements.
export async function axe(page, within = null) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (sel) => {
    const context = sel ? { include: [...document.querySelectorAll(sel)].map((e) => [e.localName]) } : document;
    const r = await window.axe.run(context, { rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) }));
  }, within);
}
