// A first visit of the teaching page (a fresh browser context: nothing cached) at a CPU slowdown
// of `rate`×, as a reader loads it (`loading: 'near'`: widgets are built when they come near the
// screen) or with every widget built at once ('eager': window.activationWidgetsLoading): the time
// from navigation to the moment the last widget near the first screen (near) or of the page
// (eager) sets `ready`, and to the end of the lazy prose layout (`settled`); the long tasks until
// then; what came over the wire (transfer sizes, compressed) and the DOM's size.
import { freshPage, DESKTOP } from './common.mjs';

const RECORDER = () => {
  window.__perf = { long: [], ready: [] };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__perf.long.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((ms) => {
    for (const m of ms) if (m.target.hasAttribute('ready')) window.__perf.ready.push({ at: performance.now(), tag: m.target.tagName.toLowerCase() });
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['ready'] });
};
const WIDGETS = () => [...document.querySelectorAll('*')].filter((e) => e.tagName.includes('-') && e.tagName !== 'ACTIVATION-SHARE-CONTROL');

export async function firstVisit(browser, base, { rate = 1, device = DESKTOP, path = '', loading = 'near' } = {}) {
  const { page, close } = await freshPage(browser, { device, rate });
  try {
    if (loading === 'eager') await page.addInitScript(() => { window.activationWidgetsLoading = 'eager'; });
    await page.addInitScript(RECORDER);
    await page.goto(base + path);
    await page.waitForFunction((src) => {
      const all = (0, eval)(src)().filter((e) => !e.deferred);
      return all.length > 0 && all.every((e) => e.hasAttribute('ready'));
    }, `(${WIDGETS})`, { timeout: 180000, polling: 100 });
    await page.waitForFunction(() => !document.documentElement.classList.contains('lazy-layout'), null, { timeout: 60000, polling: 100 });
    const settled = await page.evaluate(() => performance.now());
    const r = await page.evaluate((src) => {
      const widgets = (0, eval)(src)();
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const font = /\.(woff2?|ttf|otf)$/i;
      let shadow = 0; // elements inside the widgets' shadow roots
      const walk = (root) => { for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { shadow += el.shadowRoot.querySelectorAll('*').length; walk(el.shadowRoot); } };
      walk(document);
      return {
        widgets: widgets.length,
        built: widgets.filter((e) => e.hasAttribute('ready')).length,
        last: Math.max(...window.__perf.ready.filter((x) => x.tag !== 'activation-share-control').map((x) => x.at)),
        long: window.__perf.long,
        transfer: nav.transferSize + res.filter((e) => !font.test(e.name)).reduce((s, e) => s + e.transferSize, 0),
        fontTransfer: res.filter((e) => font.test(e.name)).reduce((s, e) => s + e.transferSize, 0),
        requests: res.length + 1,
        domLight: document.querySelectorAll('*').length,
        domShadow: shadow,
      };
    }, `(${WIDGETS})`);
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
    return { rate, loading, ...r, settled, longTasks: r.long.length, longestMs: Math.round(Math.max(0, ...r.long.map((x) => x.ms))) };
  } finally { await close(); }
}
