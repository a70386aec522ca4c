// <output-layer> in Chromium: the loss and dL/dz curves of sigmoid + MSE and of BCE on the logit are
// drawn in the two class colours of the palette (pixels); the readout at the marked logit shows the
// core's numbers (z = -6: MSE gradient -0.00492, BCE -0.998; z = 0: -0.25 and -0.5) and follows the
// slider; it asks its prediction first and judges it from the measurement; Korean and English text;
// a hostile `z` attribute gives an inline message; screenshots `output-layer-*` at 1280 and 375 px,
// ko and en, light and dark.
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { await env?.close(); });

async function open(attrs, { lang = 'en', width = 1280, colorScheme = 'light' } = {}) {
  const page = await env.newPage({ width, height: 900, colorScheme });
  await page.goto(`${env.baseUrl}embed/gallery.html`);
  await page.evaluate(({ attrs, lang }) => {
    document.documentElement.lang = lang;
    document.body.innerHTML = `<output-layer id="w" ${attrs}></output-layer>`;
  }, { attrs, lang });
  await page.waitForFunction(() => { const w = document.querySelector('#w'); return w?.hasAttribute('ready') || w?.hasAttribute('error'); }, null, { timeout: 30000 });
  return page;
}

const look = (page) => page.$eval('#w', (el) => {
  const r = el.shadowRoot, st = getComputedStyle(el), cv = r.querySelector('canvas');
  const rgb = (css) => { const c = document.createElement('canvas'); c.width = c.height = 1; const g = c.getContext('2d'); g.fillStyle = css; g.fillRect(0, 0, 1, 1); return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)]; };
  const cols = [0, 1].map((k) => rgb(st.getPropertyValue(`--w-class-${k}`)));
  const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
  // pixels of each curve colour, in the top (loss) and bottom (gradient) halves
  const count = cols.map(() => [0, 0]);
  for (let i = 0; i < d.length; i += 4) {
    const half = (i / 4 / cv.width) < cv.height / 2 ? 0 : 1;
    cols.forEach((c, k) => { if (Math.abs(d[i] - c[0]) + Math.abs(d[i + 1] - c[1]) + Math.abs(d[i + 2] - c[2]) <= 40) count[k][half]++; });
  }
  return { count, stat: r.querySelector('.stat').textContent, keys: r.querySelector('.keys').textContent, title: r.querySelector('.title').textContent,
    table: [...r.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)), results: el.results,
    error: r.querySelector('.error:not([hidden])')?.textContent ?? '' };
});

test('draws both losses and gradients in the class colours; the readout is the core\'s numbers and follows the slider', async () => {
  const page = await open('predict="off"');
  const a = await look(page);
  console.log(`# curve pixels (MSE top/bottom, BCE top/bottom): ${JSON.stringify(a.count)}; ${a.stat}`);
  for (const k of [0, 1]) for (const half of [0, 1]) assert.ok(a.count[k][half] > 150, `curve ${k} drawn in panel ${half}: ${JSON.stringify(a.count)}`);
  assert.match(a.title, /output layer/);
  assert.match(a.keys, /sigmoid \+ MSE.*sigmoid \+ BCE \(on the logit\)/);
  // z = -6 (the default): MSE dL/dz = 2 (p - 1) p (1 - p) = -0.00492, BCE dL/dz = p - 1 = -0.998 (mpmath values in the native test)
  assert.ok(Math.abs(a.results.z + 6) < 1e-12);
  assert.ok(Math.abs(a.results.mseGrad + 0.004920821086740352) < 1e-15, String(a.results.mseGrad));
  assert.ok(Math.abs(a.results.bceGrad + 0.9975273768433652) < 1e-15, String(a.results.bceGrad));
  assert.match(a.stat, /sigmoid \+ MSE: L = 0\.995, ∂L\/∂z = −0\.00492/);
  assert.match(a.stat, /sigmoid \+ BCE \(on the logit\): L = 6\.00, ∂L\/∂z = −0\.998/);
  assert.equal(a.table.length, 9);
  assert.deepEqual(a.table[4].slice(0, 2), ['0.0', '0.500']);
  // the slider: z = 0 gives -0.25 and -0.5, reflected to the attribute with a change event
  const ev = await page.$eval('#w', (el) => new Promise((res) => {
    el.addEventListener('change', (e) => res(e.detail), { once: true });
    const s = el.shadowRoot.querySelector('input[name=z]');
    s.value = '0';
    s.dispatchEvent(new Event('input', { bubbles: true }));
  }));
  assert.deepEqual(ev, { control: 'z', value: '0' });
  await page.waitForFunction(() => /∂L\/∂z = −0\.250/.test(document.querySelector('#w').shadowRoot.querySelector('.stat').textContent));
  const b = await look(page);
  assert.match(b.stat, /MSE: L = 0\.250, ∂L\/∂z = −0\.250/);
  assert.match(b.stat, /BCE \(on the logit\): L = 0\.693, ∂L\/∂z = −0\.500/);
  assert.equal(await page.$eval('#w', (el) => el.getAttribute('z')), '0');
  await screenshot(page.locator('#w'), 'output-layer-en-light-1280');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('asks first: the prediction is judged from the measured gradients (BCE is the larger one)', async () => {
  const page = await open('');
  const concealed = await page.$eval('#w', (el) => [...el.shadowRoot.querySelectorAll('.concealed')].length);
  assert.ok(concealed >= 2, 'the curves wait for the answer');
  await page.$eval('#w', (el) => el.shadowRoot.querySelector('input[name=prediction][value="0"]').click());
  await page.waitForFunction(() => /Measured/.test(document.querySelector('#w').shadowRoot.querySelector('.verdict').textContent));
  const verdict = await page.$eval('#w', (el) => el.shadowRoot.querySelector('.verdict').textContent);
  assert.match(verdict, /Not quite\. Measured: \|∂L\/∂z\|: MSE 0\.00492, BCE 0\.998 \(answer: sigmoid \+ BCE \(on the logit\)\)/);
  assert.match(verdict, /about 203 times larger/);
  await page.evaluate(() => { document.documentElement.lang = 'ko'; });
  await page.waitForFunction(() => /측정값/.test(document.querySelector('#w').shadowRoot.querySelector('.verdict').textContent));
  assert.match(await page.$eval('#w', (el) => el.shadowRoot.querySelector('.verdict').textContent), /약 203배/);
  await screenshot(page.locator('#w'), 'output-layer-ko-light-1280-verdict');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Korean and English, light and dark, 1280 and 375 px; hostile z', async () => {
  for (const [lang, colorScheme, width] of [['ko', 'dark', 375], ['en', 'dark', 1280], ['ko', 'light', 1280], ['en', 'light', 375]]) {
    const page = await open('predict="off"', { lang, width, colorScheme });
    const a = await look(page);
    for (const k of [0, 1]) for (const half of [0, 1]) assert.ok(a.count[k][half] > 60, `${lang} ${colorScheme} ${width}: ${JSON.stringify(a.count)}`);
    if (lang === 'ko') {
      assert.match(a.title, /출력층/);
      assert.match(a.stat, /그래디언트|∂L\/∂z/);
      assert.match(a.keys, /시그모이드 \+ BCE \(로짓에서\)/);
    }
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `no sideways scrolling at ${width}: ${wide}`);
    await screenshot(page.locator('#w'), `output-layer-${lang}-${colorScheme}-${width}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  for (const bad of ['abc', '9', 'NaN', '"><img src=x onerror=alert(1)>']) {
    const page = await open(`predict="off" z='${bad.replace(/'/g, '&#39;')}'`);
    const msg = await page.$eval('#w', (el) => el.shadowRoot.querySelector('.error:not([hidden])')?.textContent ?? '');
    assert.match(msg, /z/, `z=${bad}: ${msg}`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});
