// The default ten-network race on a page holding only <activation-race> (the lean bundle and the
// page's stylesheet, nothing else), on a phone-sized screen (412×915, DPR 2.6, touch) at a CPU
// slowdown of `rate`× (CDP Emulation.setCPUThrottlingRate). Returns the epochs per second of all
// ten networks (the race's epoch: every network has run it) and the main-thread tasks over 50 ms
// (longtask PerformanceObserver) while it trains for `seconds`, after a second of warm-up.
// Over http the race trains in a Worker, which CDP's throttling does not reach ("only supported for
// pages"): the worker is slowed by the same factor itself (globalThis.activationRaceWorkerSlowdown:
// after each task it idles (rate - 1)× that task's time, as a phone's own slower core would take).
// `worker: false` measures the main-thread path (worker="off") instead.
import { freshPage, PHONE, alonePage } from './common.mjs';

const RACE_PAGE = alonePage('<activation-race></activation-race>', 'race only');

export async function raceRun(browser, base, { rate = 1, seconds = 8, device = PHONE, worker = true } = {}) {
  const { page, close } = await freshPage(browser, { device, rate });
  try {
    const url = `${base}__perf-race.html`;
    await page.addInitScript((k) => { globalThis.activationRaceWorkerSlowdown = k; }, rate);
    const body = worker ? RACE_PAGE : RACE_PAGE.replace('<activation-race>', '<activation-race worker="off">');
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('activation-race')?.hasAttribute('ready'), null, { timeout: 120000 });
    await page.evaluate(() => document.querySelector('activation-race').play());
    await page.waitForTimeout(1000);
    const start = await page.evaluate(() => { window.__long = []; return { epoch: document.querySelector('activation-race').epoch, t: performance.now() }; });
    await page.waitForTimeout(seconds * 1000);
    const end = await page.evaluate(() => {
      const r = document.querySelector('activation-race');
      return { epoch: r.epoch, t: performance.now(), long: window.__long, running: r.hasAttribute('running'), nets: Object.keys(r.histories).length, trainedIn: r.trainedIn };
    });
    if (!end.running) throw new Error('the race stopped training during the measurement');
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
    const secs = (end.t - start.t) / 1000;
    return {
      rate, nets: end.nets, trainedIn: end.trainedIn, seconds: secs, epochsPerSec: (end.epoch - start.epoch) / secs,
      longTasks: end.long.length, longestMs: Math.round(Math.max(0, ...end.long.map((x) => x.ms))),
    };
  } finally { await close(); }
}
