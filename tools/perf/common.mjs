// Shared pieces of the page-performance scripts (tools/perf/run.mjs): the compressing static
// server on dist/, Debian's Chromium through playwright-core with a fresh profile, CPU slowdown
// through CDP, and the statistics quoted (median and range of several runs).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../serve.mjs';

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
// A phone like Lighthouse's mobile one, at the size: 412×915 CSS px, DPR 2.6, touch.
// A page holding only `element` (HTML), the lean bundle and the page's stylesheet, with every
// main-thread task over 50 ms recorded in window.__long ({ at, ms }) from the first script on.
export const alonePage = (element, title = 'alone') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="stylesheet" href="css/page.css">
<script>window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ at: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });</script>
<script src="activation-widgets.lean.js" defer></script></head>
<body style="margin:0;padding:8px">${element}</body></html>`;
export const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6, hasTouch: true, isMobile: true };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

export async function startServer(dist) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: run ./build.sh build first`);
  const server = await serve(dist, 0);
  return { server, base: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function startBrowser() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-chromium-'));
  const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: CHROMIUM_ARGS });
  return { browser, close: async () => { await browser.close().catch(() => {}); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// A new context (empty cache, cookies, storage: a first visit) with one page, CPU slowed `rate`×.
export async function freshPage(browser, { device = DESKTOP, rate = 1 } = {}) {
  const context = await browser.newContext({ ...device });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, cdp, close: () => context.close().catch(() => {}) };
}

export const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// "median (min–max)" of xs, formatted by f.
export const spread = (xs, f = (x) => String(x)) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x));
  if (!s.length) return 'n/a';
  return s.length === 1 ? f(s[0]) : `${f(median(s))} (${f(Math.min(...s))}–${f(Math.max(...s))})`;
};

// The load the measurements ran under: 1-minute load average and CPUs.
export const machineLoad = () => `load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`;
