// The corrected explanations, as the reader sees them in Chromium: <dead-neurons> shows dead AND
// silent units for every activation; <zigzag-descent>'s one-sample / whole-batch select changes the
// drawn path and the sentences naming the cause (and, at a high learning rate, why tanh slows down);
// <activation-guide>'s transformer question advises GELU then SiLU. Both languages; screenshots at
// 1280 and 375 px, light and dark, in tests/artifacts/causes-*.png.
// Run: node --test --test-concurrency=1 tests/browser/experiments-causes.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function open(tag, attrs, { lang = 'en', width = 1280, colorScheme = 'light' } = {}) {
  const page = await env.newPage({ width, height: 900, colorScheme });
  await page.goto(`${env.baseUrl}embed/gallery.html`);
  await page.evaluate(({ tag, attrs, lang }) => {
    document.documentElement.lang = lang;
    document.body.innerHTML = `<${tag} id="w" ${attrs}></${tag}>`;
  }, { tag, attrs, lang });
  await page.waitForFunction(() => document.querySelector('#w')?.hasAttribute('ready'), null, { timeout: 30000 });
  return page;
}
const text = (page, sel) => page.$eval('#w', (el, q) => [...el.shadowRoot.querySelectorAll(q)].map((n) => n.textContent).join('\n'), sel);
// A checksum of a canvas's pixels (index-th canvas in the shadow root).
const pixels = (page, index = 0) => page.$eval('#w', (el, i) => {
  const cv = el.shadowRoot.querySelectorAll('canvas')[i];
  const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
  let h = 0;
  for (let k = 0; k < d.length; k += 4) h = (h * 31 + d[k] * 3 + d[k + 1] * 5 + d[k + 2] * 7) >>> 0;
  return h;
}, index);

const DEAD = {
  en: { dead: 'dead units', silent: 'silent units', count: /(ReLU|Leaky ReLU|ELU|SELU) (\d+) of 96/g },
  ko: { dead: '죽은 유닛', silent: '침묵하는 유닛', count: /(ReLU|Leaky ReLU|ELU|SELU) (\d+)\/96/g },
};

for (const lang of ['ko', 'en']) {
  test(`dead-neurons (${lang}): dead and silent counts for every activation; ReLU's are equal, ELU / LeakyReLU / SELU have silent units but no dead one`, async () => {
    const page = await open('dead-neurons', 'epochs="8" predict="off"', { lang });
    await page.waitForSelector('#w[done]', { timeout: 120000 });
    const stat = await text(page, '.stat');
    const W = DEAD[lang];
    const [deadLine, silentLine] = stat.split(W.silent);
    assert.ok(deadLine.includes(W.dead) && silentLine !== undefined, stat);
    const counts = (s) => Object.fromEntries([...s.matchAll(W.count)].map((m) => [m[1], Number(m[2])]));
    const dead = counts(deadLine), silent = counts(silentLine);
    assert.deepEqual(Object.keys(dead).sort(), ['ELU', 'Leaky ReLU', 'ReLU', 'SELU'], stat);
    assert.deepEqual(Object.keys(silent).sort(), ['ELU', 'Leaky ReLU', 'ReLU', 'SELU'], stat);
    assert.equal(dead.ReLU, silent.ReLU, 'ReLU: dead and silent are the same set');
    assert.ok(dead.ReLU > 10, stat);
    for (const k of ['ELU', 'Leaky ReLU', 'SELU']) assert.equal(dead[k], 0, `${k} dead`);
    assert.ok(silent.ELU + silent['Leaky ReLU'] + silent.SELU > 0, `some silent units among the repairs: ${stat}`);
    console.log(`# dead-neurons ${lang}, 8 epochs: dead ${JSON.stringify(dead)} silent ${JSON.stringify(silent)}`);
    // the same numbers in the element's results, the table has both columns, the note explains both words
    const results = await page.$eval('#w', (el) => el.results);
    assert.equal(Math.round(results.silent.relu * 96), silent.ReLU);
    assert.equal(await page.$eval('#w', (el) => el.shadowRoot.querySelectorAll('thead th').length), 5);
    const note = await text(page, '.note');
    assert.match(note, lang === 'ko' ? /첫 번째 은닉층/ : /first-layer unit/);
    assert.match(note, /Adam/);
    // two panels: ReLU's colour in the top (dead) and in the bottom (silent) half of the canvas
    const halves = await page.$eval('#w', (el) => {
      const cv = el.shadowRoot.querySelector('canvas');
      const c = document.createElement('canvas').getContext('2d');
      c.fillStyle = el.color('relu'); c.fillRect(0, 0, 1, 1);
      const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
      const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data, out = [0, 0];
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40) out[(i / 4 / cv.width) < cv.height / 2 ? 0 : 1]++;
      return out;
    });
    assert.ok(halves[0] > 30 && halves[1] > 30, `ReLU drawn in both panels: ${halves}`);
    for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [375, 'light'], [375, 'dark']]) {
      if (width !== 1280 || scheme !== 'light') {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForTimeout(400);
      }
      await screenshot(page.locator('#w'), `causes-dead-neurons-${lang}-${width}-${scheme}`);
    }
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 375), 'no horizontal scroll at 375 px');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

const ZZ = {
  en: { batchCause: /conditioning/, eigen: /eigenvalues of C/, slower: /tanh neuron is the slower one/, first: /first cause/ },
  ko: { batchCause: /조건수/, eigen: /C의 고유값/, slower: /tanh 쪽이 더 느립니다/, first: /첫 번째 원인/ },
};

for (const lang of ['ko', 'en']) {
  test(`zigzag-descent (${lang}): the one-sample / whole-batch select changes the drawn path and the explanation; lr 2 explains tanh's slow-down`, async () => {
    const page = await open('zigzag-descent', 'animate="false" predict="off"', { lang });
    await page.waitForSelector('#w[done]', { timeout: 30000 });
    const W = ZZ[lang];
    const single = { px: await pixels(page, 0), explain: await text(page, '.explain'), stat: await text(page, '.stat') };
    assert.match(single.explain, W.first);
    assert.match(single.stat, W.eigen);
    assert.doesNotMatch(single.explain, W.batchCause);
    await screenshot(page.locator('#w'), `causes-zigzag-${lang}-1280-light-single`);
    // switch to the whole batch
    await page.$eval('#w', (el) => { const s = el.shadowRoot.querySelector('select[name=mode]'); s.value = 'batch'; s.dispatchEvent(new Event('change', { bubbles: true })); });
    await page.waitForFunction((old) => document.querySelector('#w').shadowRoot.querySelector('.explain').textContent !== old, single.explain);
    await page.waitForTimeout(300);
    assert.equal(await page.$eval('#w', (el) => el.getAttribute('mode')), 'batch');
    const batch = { px: await pixels(page, 0), explain: await text(page, '.explain') };
    assert.notEqual(batch.px, single.px, 'the sigmoid panel shows another path');
    assert.match(batch.explain, W.batchCause);
    // the eigenvalues the text quotes are the run's own
    const eig = await page.$eval('#w', (el) => [...el.runs[0].eigenvalues]);
    assert.ok(batch.explain.includes(eig[0].toPrecision(3)) && batch.explain.includes(eig[1].toPrecision(2)), `${eig} in ${batch.explain}`);
    console.log(`# zigzag ${lang} batch: ${batch.explain.slice(0, 160)}…`);
    await screenshot(page.locator('#w'), `causes-zigzag-${lang}-1280-light-batch`);
    // back to one sample at lr 2: tanh is now the slower one, and the widget says why
    await page.$eval('#w', (el) => {
      const s = el.shadowRoot.querySelector('select[name=mode]'); s.value = 'single'; s.dispatchEvent(new Event('change', { bubbles: true }));
      const r = el.shadowRoot.querySelector('input[name=lr]'); r.value = '2'; r.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#w').shadowRoot.querySelector('.explain').textContent), W.slower.source);
    const high = await text(page, '.explain');
    const runs = await page.$eval('#w', (el) => el.runs.map((r) => ({ inputs: r.inputs, conv: r.convergedAt, over: r.overshootPoints })));
    const [s, t] = runs;
    assert.ok(t.conv > s.conv, JSON.stringify(runs));
    assert.ok(high.includes(String(t.conv)) && high.includes(String(t.over)), `${JSON.stringify(runs)} in ${high}`);
    console.log(`# zigzag ${lang} lr 2: ${JSON.stringify(runs)}`);
    await page.waitForTimeout(300);
    await screenshot(page.locator('#w'), `causes-zigzag-${lang}-1280-light-lr2`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(500);
    await screenshot(page.locator('#w'), `causes-zigzag-${lang}-1280-dark-lr2`);
    await page.setViewportSize({ width: 375, height: 900 });
    await page.$eval('#w', (el) => { const s = el.shadowRoot.querySelector('select[name=mode]'); s.value = 'batch'; s.dispatchEvent(new Event('change', { bubbles: true })); });
    await page.waitForTimeout(800);
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 375), 'no horizontal scroll at 375 px');
    await screenshot(page.locator('#w'), `causes-zigzag-${lang}-375-dark-batch`);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForTimeout(500);
    await screenshot(page.locator('#w'), `causes-zigzag-${lang}-375-light-batch`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('zigzag-descent: a bad mode attribute shows an inline message naming it', async () => {
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}embed/gallery.html`);
  await page.evaluate(() => { document.documentElement.lang = 'en'; document.body.innerHTML = '<zigzag-descent id="w" mode="minibatch"></zigzag-descent>'; });
  await page.waitForSelector('#w[error]', { timeout: 15000 });
  assert.match(await text(page, '.error'), /mode/);
  await page.close();
});

for (const lang of ['ko', 'en']) {
  test(`activation-guide (${lang}): the transformer question advises GELU, then SiLU, with links to their sections`, async () => {
    const page = await open('activation-guide', '', { lang });
    assert.equal(await page.$eval('#w', (el) => el.shadowRoot.querySelector('.chip').dataset.id), 'selu');
    await page.$eval('#w', (el) => el.shadowRoot.querySelector('input[name=transformer]').click());
    await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.chip')?.dataset.id === 'gelu');
    const out = await text(page, '.out');
    assert.match(out, /GELU/);
    assert.match(out, /SiLU/);
    assert.match(out, lang === 'ko' ? /트랜스포머/ : /transformer/);
    assert.doesNotMatch(out, lang === 'ko' ? /자기 정규화가 되는 구조라면/ : /can self-normalise generally/);
    const hrefs = await page.$eval('#w', (el) => [...el.shadowRoot.querySelectorAll('.out a')].map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ['#gelu', '#silu']);
    assert.equal(await page.$eval('#w', (el) => el.getAttribute('transformer')), 'true');
    await screenshot(page.locator('#w'), `causes-guide-${lang}-transformer`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
