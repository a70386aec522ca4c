// Each experiment widget alone on a phone-sized page (412×915, DPR 2.6, touch; the lean bundle and
// the page's stylesheet, nothing else) at a CPU slowdown of `rate`× (CDP
// Emulation.setCPUThrottlingRate), with its default attributes: the main-thread tasks over 50 ms
// (longtask PerformanceObserver) while it runs, from its `ready` (first picture drawn) to its
// `done` (every result in), and how long that took. Its build before `ready` is load, measured
// with the page (Lighthouse, first visit).
import { freshPage, PHONE, alonePage } from './common.mjs';

// the experiments that compute after their first picture (element and attributes)
export const EXPERIMENTS = [
  ['universal-approximation', ''], ['gradient-flow', ''], ['dead-neurons', ''], ['self-normalization', ''],
  ['zigzag-descent', ''], ['activation-speed', ''], ['leaky-compare', 'view="alpha"'], ['leaky-compare', 'view="prelu"'],
  ['output-layer', ''],
];

const PAGE = (tag, attrs) => alonePage(`<${tag} ${attrs}></${tag}>`, `${tag} only`);

export async function experimentRun(browser, base, { tag, attrs = '', rate = 1, device = PHONE, timeout = 180000 } = {}) {
  const { page, close } = await freshPage(browser, { device, rate });
  try {
    const url = `${base}__perf-${tag}.html`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE(tag, attrs) }));
    await page.addInitScript(() => {
      // the moment `ready` appears (an attribute; the event may come before a listener could be added)
      new MutationObserver((ms) => { for (const m of ms) if (m.attributeName === 'ready' && m.target.hasAttribute('ready') && window.__readyAt === undefined) window.__readyAt = performance.now(); })
        .observe(document, { attributes: true, subtree: true, attributeFilter: ['ready'] });
    });
    await page.goto(url);
    await page.waitForFunction((t) => { const e = document.querySelector(t); return e?.hasAttribute('error') || e?.hasAttribute('done'); }, tag, { timeout, polling: 100 });
    const r = await page.evaluate((t) => { const e = document.querySelector(t); return { error: e.hasAttribute('error'), readyAt: window.__readyAt, doneAt: performance.now(), long: window.__long }; }, tag);
    if (r.error) throw new Error(`${tag}: error attribute`);
    if (page.errors.length) throw new Error(`${tag}: page errors: ${page.errors.join('; ')}`);
    const running = r.long.filter((x) => x.at >= r.readyAt);
    return {
      tag: attrs ? `${tag} ${attrs}` : tag, rate, runSeconds: Math.max(0, (r.doneAt - r.readyAt) / 1000),
      longTasks: running.length, longestMs: Math.round(Math.max(0, ...running.map((x) => x.ms))),
      loadLongTasks: r.long.length - running.length,
    };
  } finally { await close(); }
}
