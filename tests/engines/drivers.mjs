// One small driver interface over three automation stacks, so every cross-engine check is written
// once (checks.mjs) and runs unchanged in
//   chromium  Debian /usr/bin/chromium through playwright-core (CDP),
//   firefox   Debian /usr/bin/firefox-esr through puppeteer-core over WebDriver BiDi,
//   webkit    Debian WebKitWebDriver + MiniBrowser through selenium-webdriver (WebDriver classic;
//             needs an X display: the stage runs under `xvfb-run -a`).
// No browser is ever downloaded: puppeteer-core and playwright-core never fetch one when given an
// executable, and selenium-webdriver talks to our own WebKitWebDriver (`usingServer`, so Selenium
// Manager is not involved).
//
// launchEngine(name) resolves to { name, version, page, close() }; `page` has
//   goto(url)                  navigate and wait for `load`
//   evaluate(fn, arg)          run fn(arg) in the page (async allowed), JSON-able result; a throw in
//                              the page rejects with its message
//   waitFor(fn, arg, {timeout, what})   poll evaluate until fn(arg) is truthy; returns that value
//   click(host, inner)         el.click() on `inner` inside host's shadow root (or on host)
//   errors(), csp(), notices() what the injected probe (site.mjs) recorded in this document
//   download(action)           run action(); the file the page offered: { how: 'real'|'intercepted',
//                              name, type, size, head (first 16 bytes), saved: {name, size, head}|null }
//   screenshot(name)           tests/artifacts/<name>.png of the viewport (1280 px wide)
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ARTIFACTS } from './site.mjs';
import { CHROMIUM_ARGS } from '../browser/harness.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const VIEWPORT = { width: 1280, height: 900 };
process.env.PUPPETEER_SKIP_DOWNLOAD = '1'; // belt and braces: puppeteer-core never downloads anyway

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// MiniBrowser ships in libwebkit2gtk-4.1-0 (a dependency of webkit2gtk-driver) under
// /usr/lib/<triplet>/webkit2gtk-4.x/; found, not hard-coded. $MINIBROWSER overrides.
export function findMiniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  const libs = ['/usr/lib', '/usr/libexec', ...fs.readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu')).map((d) => `/usr/lib/${d}`)];
  const found = [];
  for (const lib of libs) {
    let dirs = [];
    try { dirs = fs.readdirSync(lib).filter((d) => /^webkit2?gtk-\d/.test(d)); } catch { continue; }
    for (const d of dirs) { const f = path.join(lib, d, 'MiniBrowser'); if (fs.existsSync(f)) found.push(f); }
  }
  found.sort().reverse(); // webkit2gtk-4.1 before 4.0
  if (!found.length) throw new Error('MiniBrowser not found under /usr/lib/*/webkit2gtk-4.*/ (Debian package libwebkit2gtk-4.1-0, pulled in by webkit2gtk-driver)');
  return found[0];
}

function need(file, pkg) {
  if (!fs.existsSync(file)) throw new Error(`${file} missing: Debian package ${pkg} (./build.sh setup installs it)`);
  return file;
}

class Page {
  constructor(engine) { this.engine = engine; }

  async waitFor(fn, arg, { timeout = 60000, interval = 150, what } = {}) {
    const t0 = Date.now();
    let last;
    for (;;) {
      try { last = await this.evaluate(fn, arg); } catch (e) { last = e; }
      if (last && !(last instanceof Error)) return last;
      if (Date.now() - t0 > timeout) {
        throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${what || 'a condition'}${last instanceof Error ? ` (last: ${last.message})` : ''}`);
      }
      await sleep(interval);
    }
  }

  click(host, inner = null) {
    return this.evaluate(({ host, inner }) => {
      const h = document.querySelector(host);
      const el = inner ? h && h.shadowRoot && h.shadowRoot.querySelector(inner) : h;
      if (!el) throw new Error(`nothing to click at ${host}${inner ? ` >>> ${inner}` : ''}`);
      el.click();
      return true;
    }, { host, inner });
  }

  async probe() {
    const p = await this.evaluate(() => {
      const E = window.__engines;
      return E ? { errors: E.errors.slice(), notices: E.notices.slice(), csp: E.csp.slice() } : null;
    });
    if (!p) throw new Error(`${this.engine}: the probe script is not in this page (site.mjs injects it into every HTML page)`);
    return p;
  }
  async errors() { return (await this.probe()).errors; }
  async csp() { return (await this.probe()).csp; }
  async notices() { return (await this.probe()).notices; }

  // The probe's record of the last <a download> click, once its first bytes are read.
  lastOffered() {
    return this.waitFor(() => {
      const d = window.__engines.downloads;
      const r = d[d.length - 1];
      return r && (!r.blob || r.head) ? r : null;
    }, null, { timeout: 15000, what: 'download offered by the page' });
  }

  async download(action) {
    await this.evaluate(() => { window.__engines.downloads.length = 0; });
    const saved = await this.captureDownload(action);
    const offered = await this.lastOffered();
    return { how: saved ? 'real' : 'intercepted', ...offered, saved };
  }

  async screenshot(name) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.screenshotTo(file);
    return file;
  }
}

function savedFile(file, name = path.basename(file)) {
  const data = fs.readFileSync(file);
  return { name, size: data.length, head: [...data.subarray(0, 16)] };
}

// ---------------------------------------------------------------------------------- chromium
class ChromiumPage extends Page {
  constructor(page) { super('chromium'); this.p = page; }
  async goto(url) { await this.p.goto(url, { waitUntil: 'load', timeout: 90000 }); }
  async evaluate(fn, arg) { return this.p.evaluate(fn, arg); }
  async screenshotTo(file) { await this.p.screenshot({ path: file }); }
  async captureDownload(action) {
    const [dl] = await Promise.all([this.p.waitForEvent('download', { timeout: 15000 }), action()]);
    return savedFile(await dl.path(), dl.suggestedFilename());
  }
}

async function chromiumEngine() {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: need(process.env.CHROMIUM || '/usr/bin/chromium', 'chromium'),
    headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT, acceptDownloads: true, timeout: 120000,
  });
  const page = new ChromiumPage(await context.newPage());
  return {
    name: 'chromium', version: `chromium ${context.browser()?.version() ?? '?'}`, page,
    async close() { await context.close().catch(() => {}); fs.rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

// ---------------------------------------------------------------------------------- firefox
class FirefoxPage extends Page {
  constructor(page, downloads) { super('firefox'); this.p = page; this.downloads = downloads; }
  async goto(url) { await this.p.goto(url, { waitUntil: 'load', timeout: 90000 }); }
  async evaluate(fn, arg) { return this.p.evaluate(fn, arg); }
  async screenshotTo(file) { await this.p.screenshot({ path: file }); }
  // Firefox saves the file itself (BiDi browser.setDownloadBehavior into a temporary folder).
  async captureDownload(action) {
    if (!this.downloads) return action().then(() => null);
    const before = new Set(fs.readdirSync(this.downloads));
    await action();
    const t0 = Date.now();
    let last = '', stable = 0;
    while (Date.now() - t0 < 15000) {
      const names = fs.readdirSync(this.downloads).filter((f) => !before.has(f));
      const done = names.filter((f) => !f.endsWith('.part'));
      if (done.length && !names.some((f) => f.endsWith('.part'))) {
        // Firefox may write under a temporary name and rename it: a name seen here can be gone at
        // stat time (ENOENT); look again at the next poll.
        // Saved once the new files and their sizes stay the same for three polls (400 ms).
        try {
          const file = path.join(this.downloads, done[done.length - 1]);
          const now = `${names.join('|')}:${fs.statSync(file).size}`;
          stable = now === last && !now.endsWith(':0') ? stable + 1 : 0;
          if (stable >= 2) return savedFile(file);
          last = now;
        } catch (e) {
          if (e.code !== 'ENOENT') throw e;
          last = '';
        }
      }
      await sleep(200);
    }
    throw new Error('firefox: no download saved within 15 s');
  }
}

async function firefoxEngine() {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: need(process.env.FIREFOX || '/usr/bin/firefox-esr', 'firefox-esr'), headless: true,
    protocolTimeout: 120000, timeout: 120000, // a first start took 20 s on this shared machine (default: 30)
  });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-firefox-dl-'));
  const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
  const p = await context.newPage();
  await p.setViewport(VIEWPORT);
  return {
    name: 'firefox', version: await browser.version(), page: new FirefoxPage(p, downloads),
    async close() { await browser.close().catch(() => {}); fs.rmSync(downloads, { recursive: true, force: true }); },
  };
}

// ---------------------------------------------------------------------------------- webkit
class WebKitPage extends Page {
  constructor(driver, restart) { super('webkit'); this.d = driver; this.restart = restart; }
  async goto(url) { await this.d.get(url); }
  // WebDriver classic: the function's source goes into the script body itself (no eval in the
  // page, so it runs under a strict CSP too); the result travels back as JSON.
  async evaluate(fn, arg) {
    const r = await this.d.executeAsyncScript(`var __done = arguments[arguments.length - 1], __arg = arguments[0];
Promise.resolve().then(function () { return (${fn.toString()})(__arg); })
  .then(function (v) { __done({ ok: v === undefined ? null : v }); },
        function (e) { __done({ err: String(e && e.message ? e.message : e) }); });`, arg === undefined ? null : arg);
    if (r && 'err' in r) throw new Error(`webkit: in the page: ${r.err}`);
    return r ? r.ok : r;
  }
  // A screenshot is an artifact, not a check. WebKitWebDriver's screenshot waited forever once in
  // CI (the session then answered nothing else): after 30 s the session is replaced by a new one
  // (the check goes on from its next page) and the artifact is missing.
  async screenshotTo(file) {
    const shot = this.d.takeScreenshot().catch(() => null);
    const data = await Promise.race([shot, sleep(30000).then(() => null)]);
    if (data) { fs.writeFileSync(file, Buffer.from(data, 'base64')); return; }
    console.log(`# webkit: no screenshot within 30 s (${path.basename(file)}); a new WebDriver session replaces the stuck one`);
    this.d = await this.restart();
  }
  // MiniBrowser under automation has no download handling reachable from WebDriver: the probe
  // swallows the <a download> click and reports the Blob instead.
  async captureDownload(action) {
    await this.evaluate(() => { window.__engines.intercept = true; });
    try { await action(); } finally { await this.evaluate(() => { window.__engines.intercept = false; }).catch(() => {}); }
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function webkitEngine() {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) throw new Error('webkit: no display; run under `xvfb-run -a` (MiniBrowser has no headless mode)');
  const binary = findMiniBrowser();
  const port = await freePort();
  // Under Xvfb there is no GPU: WebKitGTK's accelerated compositing then runs GL in software and
  // draws 4-6 frames a second on this 2-core machine (the race crawls); without it, 60. The
  // pages' behaviour is the same either way. WEBKIT_DISABLE_COMPOSITING_MODE=0 keeps compositing.
  const env = { ...process.env, WEBKIT_DISABLE_COMPOSITING_MODE: process.env.WEBKIT_DISABLE_COMPOSITING_MODE ?? '1' };
  if (env.WEBKIT_DISABLE_COMPOSITING_MODE === '0') delete env.WEBKIT_DISABLE_COMPOSITING_MODE;
  let session = await webkitSession(binary, port, env);
  const restart = async () => {
    session.kill();
    session = await webkitSession(binary, await freePort(), env);
    return session.driver;
  };
  const caps = await session.driver.getCapabilities();
  return {
    name: 'webkit', version: `${caps.get('browserName')} ${caps.get('browserVersion')} (${binary})`, page: new WebKitPage(session.driver, restart),
    async close() {
      await Promise.race([session.driver.quit().catch(() => {}), sleep(15000)]);
      session.kill();
    },
  };
}

// WebKitWebDriver on `port` (in its own process group, so MiniBrowser goes with it) and one
// session with a 1280 x 900 viewport: { driver, kill() }.
async function webkitSession(binary, port, env) {
  const { Builder } = await import('selenium-webdriver');
  const driverProc = spawn(need(process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'), [`--port=${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'], env, detached: true });
  const kill = () => { try { process.kill(-driverProc.pid, 'SIGKILL'); } catch { driverProc.kill('SIGKILL'); } };
  let stderr = '';
  driverProc.stderr.on('data', (b) => { stderr = (stderr + b).slice(-4000); });
  const server = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) { // until the driver answers /status
    try { if ((await fetch(`${server}/status`)).ok) break; } catch { /* not yet */ }
    if (driverProc.exitCode !== null || Date.now() - t0 > 15000) { kill(); throw new Error(`WebKitWebDriver did not start: ${stderr}`); }
    await sleep(100);
  }
  let driver;
  try {
    driver = await new Builder().usingServer(server).withCapabilities({
      browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] },
    }).build();
    await driver.manage().setTimeouts({ script: 120000, pageLoad: 120000 });
    // a 1280 x 900 viewport: the window's height includes MiniBrowser's toolbar
    await driver.manage().window().setRect({ x: 0, y: 0, ...VIEWPORT });
    const inner = await driver.executeScript('return [innerWidth, innerHeight]');
    await driver.manage().window().setRect({ width: VIEWPORT.width + (VIEWPORT.width - inner[0]), height: VIEWPORT.height + (VIEWPORT.height - inner[1]) });
  } catch (e) {
    kill();
    throw e;
  }
  return { driver, kill };
}

export async function launchEngine(name) {
  if (name === 'chromium') return chromiumEngine();
  if (name === 'firefox') return firefoxEngine();
  if (name === 'webkit') return webkitEngine();
  throw new Error(`unknown engine ${name}; known: ${ENGINES.join(', ')}`);
}
