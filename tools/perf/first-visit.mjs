// A first visit of the teaching page (a fresh browser context: nothing cached) at a CPU slowdown
// of `rate`×: the time from navigation to the moment the last widget sets `ready`, the long tasks
// on the way, what came over the wire (transfer sizes, compressed) and the DOM's size.
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

export async function firstVisit(browser, base, { rate = 1, device = DESKTOP, path = '' } = {}) {
  const { page, close } = await freshPage(browser, { device, rate });
  try {
    await page.addInitScript(RECORDER);
    await page.goto(base + path);
    await page.waitForFunction((src) => {
      const all = (0, eval)(src)();
      return all.length > 0 && all.every((e) => e.hasAttribute('ready'));
    }, `(${WIDGETS})`, { timeout: 180000, polling: 100 });
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
    return { rate, ...r, longTasks: r.long.length, longestMs: Math.round(Math.max(0, ...r.long.map((x) => x.ms))) };
  } finally { await close(); }
}
