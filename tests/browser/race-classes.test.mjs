// <activation-race dataset="spiral3"> in Chromium (dist/embed/race.html): three classes, so every
// network gets three output logits and cross_entropy. The race runs to `done`; each boundary canvas
// shows all three class colours of the palette (--w-class-0/1/2), both in the field (cells tinted
// by their predicted class) and in the data points; the non-linear networks beat linear on test
// accuracy (relu, leaky_relu and elu: at these settings tanh sits on a plateau near chance for its
// first ~100 epochs, which the race shows but this test does not bet on); the heading and the dataset option are in the reader's language; no errors; screenshots
// prefixed `race-spiral3-` at 1280 and 375 px, ko and en, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, waitReady } from './harness.mjs';

let app;
before(async () => { app = await launch(); });
after(async () => { await app?.close(); });

const INIT = `
window.__addRace = (attrs) => {
  const el = document.createElement('activation-race');
  el.id = 'under-test';
  el.__done = null;
  el.addEventListener('done', (e) => { el.__done = e.detail; });
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.querySelector('main').prepend(el);
  window.scrollTo(0, 0);
};
window.__rgb = (css) => {
  const c = document.createElement('canvas'); c.width = c.height = 1;
  const g = c.getContext('2d'); g.fillStyle = css; g.fillRect(0, 0, 1, 1);
  return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
};
// Per class k: pixels within L1 distance 40 of its full colour (the points), and pixels of the field
// tinted towards it (away from the background, in the direction of class k within ~12 degrees).
window.__classPixels = (cv, bg, cls) => {
  const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
  const dirs = cls.map((c) => { const v = c.map((x, j) => x - bg[j]); const n = Math.hypot(...v); return v.map((x) => x / n); });
  const full = cls.map(() => 0), tint = cls.map(() => 0);
  for (let i = 0; i < d.length; i += 4) {
    const px = [d[i], d[i + 1], d[i + 2]];
    cls.forEach((c, k) => { if (Math.abs(px[0] - c[0]) + Math.abs(px[1] - c[1]) + Math.abs(px[2] - c[2]) <= 40) full[k]++; });
    const v = px.map((x, j) => x - bg[j]), n = Math.hypot(...v);
    if (n < 25) continue;
    dirs.forEach((u, k) => { if ((v[0] * u[0] + v[1] * u[1] + v[2] * u[2]) / n > 0.98) tint[k]++; });
  }
  return { full, tint, total: cv.width * cv.height };
};`;

async function open(opts) {
  const page = await app.newPage(opts);
  await page.addInitScript(INIT);
  await page.goto(app.baseUrl + 'embed/race.html');
  await waitReady(page, '#race');
  return page;
}

const ATTRS = { autoplay: '', epochs: '80', dataset: 'spiral3', activations: 'linear,relu,leaky_relu,elu', layers: '16,16', lr: '0.01', optimizer: 'adam', seed: '1' };

async function runRace(page, lang) {
  await page.evaluate(([a, l]) => window.__addRace({ ...a, lang: l }), [ATTRS, lang]);
  await page.waitForFunction(() => document.querySelector('#under-test')?.__done, null, { timeout: 240000, polling: 200 });
  await waitReady(page, '#under-test');
  await page.waitForTimeout(400); // the last boundaries' repaint after done
}

const readResults = (page) => page.evaluate(() => {
  const el = document.querySelector('#under-test'), root = el.shadowRoot, st = getComputedStyle(el);
  const bg = window.__rgb(st.getPropertyValue('--plot-bg') || st.getPropertyValue('--w-bg'));
  const cls = [0, 1, 2].map((k) => window.__rgb(st.getPropertyValue(`--w-class-${k}`)));
  const acc = Object.fromEntries([...root.querySelectorAll('tbody tr')].map((tr) => [tr.dataset.id, parseFloat(tr.children[4].textContent)]));
  const heat = Object.fromEntries([...root.querySelectorAll('figure')].map((f) => [f.dataset.id, window.__classPixels(f.querySelector('canvas'), bg, cls)]));
  const option = root.querySelector('select[name=dataset] option[value=spiral3]');
  return { acc, heat, cls, title: root.querySelector('.sub + .legend')?.textContent, heading: [...root.querySelectorAll('p.sub')].map((p) => p.textContent),
    option: option?.textContent, selected: option?.selected, done: el.__done.epoch, running: el.hasAttribute('running') };
});

test('spiral3 race (en, light, 1280 px): runs to done, three class colours on every boundary, non-linear beats linear', async () => {
  const page = await open({ width: 1280 });
  await runRace(page, 'en');
  const r = await readResults(page);
  console.log(`# spiral3 test accuracy after 80 epochs: ${JSON.stringify(r.acc)}`);
  console.log(`# class pixels (points full / field tint) per boundary: ${Object.entries(r.heat).map(([id, h]) => `${id} ${h.full.join('/')} | ${h.tint.join('/')}`).join('; ')}`);
  assert.equal(r.done, 80);
  assert.equal(r.running, false);
  assert.equal(new Set(r.cls.map(String)).size, 3, `three different class colours: ${JSON.stringify(r.cls)}`);
  assert.deepEqual(Object.keys(r.heat), ['linear', 'relu', 'leaky_relu', 'elu']);
  for (const [id, h] of Object.entries(r.heat)) {
    for (let k = 0; k < 3; k++) {
      assert.ok(h.full[k] > 15, `${id}: the points of class ${k} in their colour: ${JSON.stringify(h)}`);
      assert.ok(h.tint[k] > 0.03 * h.total, `${id}: some of the field predicts class ${k}: ${JSON.stringify(h)}`);
    }
  }
  for (const id of ['relu', 'leaky_relu', 'elu']) assert.ok(r.acc[id] > r.acc.linear + 20, `${id} ${r.acc[id]} % vs linear ${r.acc.linear} %`);
  assert.ok(r.acc.linear < 60, `a linear net can only cut the plane into three sectors: ${r.acc.linear} %`);
  assert.ok(r.heading.some((t) => /predicted class/.test(t)), `the boundary heading explains the colours: ${r.heading}`);
  assert.equal(r.option, '3-class spiral');
  assert.equal(r.selected, true);
  await screenshot(page.locator('#under-test'), 'race-spiral3-en-light-1280');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('spiral3 race in Korean, dark, 375 px: the same three colours (dark palette), Korean text', async () => {
  const page = await open({ width: 375, height: 800, colorScheme: 'dark' });
  await runRace(page, 'ko');
  const r = await readResults(page);
  assert.deepEqual(r.cls, [[0xff, 0x8c, 0x42], [0x5a, 0xa6, 0xff], [0x2f, 0xd0, 0xa0]], 'the dark palette\'s class colours');
  for (const [id, h] of Object.entries(r.heat)) for (let k = 0; k < 3; k++) assert.ok(h.full[k] > 5 && h.tint[k] > 0.03 * h.total, `${id} class ${k}: ${JSON.stringify(h)}`);
  assert.ok(r.heading.some((t) => /예측한 클래스/.test(t)), `Korean heading: ${r.heading}`);
  assert.equal(r.option, '3클래스 나선');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `no sideways scrolling at 375 px: ${wide}`);
  await screenshot(page.locator('#under-test'), 'race-spiral3-ko-dark-375');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('spiral3 screenshots: en dark 1280, ko light 375', async () => {
  for (const [lang, colorScheme, width] of [['en', 'dark', 1280], ['ko', 'light', 375]]) {
    const page = await open({ width, height: 900, colorScheme });
    await runRace(page, lang);
    const r = await readResults(page);
    for (const h of Object.values(r.heat)) assert.ok(h.full.every((n) => n > 5), JSON.stringify(h));
    await screenshot(page.locator('#under-test'), `race-spiral3-${lang}-${colorScheme}-${width}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});
