// Shared harness for every Chromium test: serves dist/ on 127.0.0.1, launches Debian's
// /usr/bin/chromium through playwright-core (never a downloaded browser), records console
// errors and page errors, and keeps screenshots under tests/artifacts/ for a person to look at.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { strictCsp } from '../../tools/bundle-html.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
// The README's strict CSP, naming dist/index.html's one inline script (the language before the
// body is parsed) by its hash, as a site without 'unsafe-inline' must for the page to run.
export const STRICT_CSP = strictCsp(fs.existsSync(path.join(DIST, 'index.html')) ? fs.readFileSync(path.join(DIST, 'index.html'), 'utf8') : '');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

// Starts a server on `root` (default dist/) and a headless Chromium with a fresh profile.
// Returns { browser, baseUrl, newPage(opts), close() }. newPage collects `errors` (console
// errors + uncaught exceptions) on page.errors.
// `context` adds options to the browser context (e.g. { hasTouch: true, isMobile: true } for a phone).
// Pages build every widget at once (window.activationWidgetsLoading = 'eager', as a reader who has
// scrolled through has them all), so a test can wait for all of them; `loading: 'near'` keeps the
// default, where a widget is built when it comes near the screen (tests/browser/build-near.test.mjs).
export async function launch({ root = DIST, headers = {}, context: contextOptions = {}, loading = 'eager' } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`${root}/index.html missing: run ./build.sh first`);
  const server = await serve(root, 0, headers);
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-test-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    ...contextOptions,
  });
  if (loading === 'eager') await context.addInitScript(() => { window.activationWidgetsLoading = 'eager'; });
  async function newPage({ width = 1280, height = 900, colorScheme = 'light', reducedMotion } = {}) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme, ...(reducedMotion ? { reducedMotion } : {}) });
    page.errors = [];
    page.on('console', (m) => { if (m.type() === 'error') page.errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
    return page;
  }
  async function close() {
    await context.close().catch(() => {});
    await new Promise((r) => server.close(r));
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  return { context, baseUrl, newPage, close };
}

// Saves a screenshot as tests/artifacts/<name>.png and returns its path.
export async function screenshot(pageOrLocator, name, opts = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await pageOrLocator.screenshot({ path: file, ...opts });
  return file;
}

// Waits until every element matching `selector` has the `ready` attribute.
export async function waitReady(page, selector, timeout = 15000) {
  await page.waitForFunction((sel) => {
    const els = [...document.querySelectorAll(sel)];
    return els.length > 0 && els.every((e) => e.hasAttribute('ready'));
  }, selector, { timeout });
}
