// Nothing a reader is looking at jumps while the page loads: the layout shifts (Layout Instability
// API, the entries Lighthouse's CLS adds up) of the teaching page and of the race's embedding demo
// page, from the first byte until every widget on screen is ready and a second after, on a phone
// (412×823, DPR 1.75, touch: Lighthouse's mobile screen) and on a desktop. Each must stay under
// 0.05, the issue's CLS goal; the shifts and the elements that moved are printed. Also the race as
// a blog post embeds it (embed/race-post.html: one classic script).
// Two shifts this catches: a widget's empty skeleton showing before its first build filled it
// (0.29 on embed/race.html, every load), and the contents box of index.html closing on a phone
// after its empty list's margins had been laid out (0.086).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

const LIMIT = 0.05;
const envs = [];
after(async () => { for (const e of envs) await e.close(); });

const RECORDER = () => {
  window.__shifts = [];
  const describe = (n) => {
    const chain = [];
    for (let p = n; p && chain.length < 4; p = p.parentNode || p.host) chain.push(p.nodeName + (p.id ? `#${p.id}` : '') + (typeof p.className === 'string' && p.className ? `.${p.className.split(' ')[0]}` : ''));
    return chain.join(' < ') || '(in a shadow root)';
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__shifts.push({ at: Math.round(e.startTime), value: e.value,
        sources: (e.sources || []).map((s) => `${describe(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

// Loads `path`, waits for the widgets in the first screen to be ready, then one more second.
async function shiftsOf(env, path, size) {
  const page = await env.newPage(size);
  await page.addInitScript(RECORDER);
  await page.goto(env.baseUrl + path);
  await page.waitForFunction(() => {
    const widgets = [...document.querySelectorAll('*')].filter((e) => e.localName.includes('-') && e.shadowRoot && e.localName !== 'activation-share-control');
    const onScreen = widgets.filter((e) => e.getBoundingClientRect().top < innerHeight && !e.hasAttribute('error'));
    return widgets.length > 0 && onScreen.every((e) => e.hasAttribute('ready'));
  }, null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(page.errors, [], `${path}: console clean`);
  await page.close();
  return { total: shifts.reduce((s, e) => s + e.value, 0), shifts };
}

const PAGES = ['embed/race-post.html', 'embed/race.html', 'index.html'];
const SCREENS = [
  ['phone', { context: { hasTouch: true, isMobile: true, deviceScaleFactor: 1.75 } }, { width: 412, height: 823 }],
  ['desktop', {}, { width: 1280, height: 900 }],
];

for (const [screen, launchOpts, size] of SCREENS) {
  for (const path of PAGES) {
    test(`${path} on a ${screen}: layout shift while it loads < ${LIMIT}`, async () => {
      let env = envs.find((e) => e.screen === screen);
      if (!env) { env = Object.assign(await launch({ ...launchOpts, loading: 'near' }), { screen }); envs.push(env); }
      const { total, shifts } = await shiftsOf(env, path, size);
      console.log(`${screen} ${path}: CLS ${total.toFixed(4)} ${shifts.map((s) => `@${s.at} ${s.value.toFixed(4)} [${s.sources.join('; ')}]`).join(' | ')}`);
      assert.ok(total < LIMIT, `${path} on a ${screen}: layout shift ${total.toFixed(3)} ≥ ${LIMIT}: ${JSON.stringify(shifts)}`);
    });
  }
}
