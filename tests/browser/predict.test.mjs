// Predict, then observe: every experiment asks first, keeps its result concealed until the reader
// answers (or skips), then shows the measured number beside the answer with the reason. The right
// choice must come from the live measurement: changing a setting changes the verdict.
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';

// Each experiment with a prediction, on a page of its own (small settings where they speed it up).
const CASES = [
  { tag: 'gradient-flow', attrs: 'depth="6" width="16" epochs="2"' },
  { tag: 'dead-neurons', attrs: 'epochs="6"' },
  { tag: 'universal-approximation', attrs: 'epochs="300"' },
  { tag: 'self-normalization', attrs: 'depth="8" width="40" samples="200"' },
  { tag: 'zigzag-descent', attrs: 'animate="false"' },
  { tag: 'activation-speed', attrs: 'ids="sigmoid,relu" n="65536" rounds="3"' },
  { tag: 'leaky-compare', attrs: 'view="alpha" epochs="15"' },
  { tag: 'leaky-compare', attrs: 'view="prelu" epochs="15"', name: 'leaky-compare prelu' },
  { tag: 'leaky-compare', attrs: 'view="rrelu" epochs="15"', name: 'leaky-compare rrelu' },
];

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { await env?.close(); });

async function open(tag, attrs, { lang = 'en', width = 1280 } = {}) {
  const page = await env.newPage({ width, height: 900 });
  await page.goto(`${env.baseUrl}embed/gallery.html`);
  await page.evaluate(({ tag, attrs, lang }) => {
    document.documentElement.lang = lang;
    document.body.innerHTML = `<${tag} id="w" ${attrs}></${tag}>`;
  }, { tag, attrs, lang });
  await page.waitForFunction(() => document.querySelector('#w')?.hasAttribute('ready'), null, { timeout: 30000 });
  return page;
}

const state = (page) => page.$eval('#w', (el) => {
  const r = el.shadowRoot, p = r.querySelector('.predict');
  return {
    shown: p && !p.hidden, question: p?.querySelector('legend')?.textContent ?? '',
    radios: p ? p.querySelectorAll('input[type=radio][name=prediction]').length : 0,
    labelled: p ? [...p.querySelectorAll('input[type=radio]')].every((i) => i.closest('label')?.textContent.trim()) : false,
    concealed: [...r.querySelectorAll('.concealed')].map((n) => n.localName),
    hiddenFromAT: [...r.querySelectorAll('.concealed')].every((n) => n.getAttribute('aria-hidden') === 'true'),
    verdict: p?.querySelector('.verdict')?.textContent ?? '', done: el.hasAttribute('done'),
  };
});

for (const { tag, attrs, name = tag } of CASES) {
  test(`${name}: asks first, conceals the result, then compares the answer with the measurement`, async () => {
    const page = await open(tag, attrs);
    const s0 = await state(page);
    assert.ok(s0.shown, 'the question is shown');
    assert.ok(s0.radios >= 2 && s0.radios <= 4, `2-4 choices (${s0.radios})`);
    assert.ok(s0.labelled, 'every radio has a label');
    assert.ok(s0.concealed.length >= 2, `the result is concealed (${s0.concealed})`);
    assert.ok(s0.hiddenFromAT, 'concealed parts are hidden from screen readers too');
    assert.equal(s0.verdict, '');
    // keyboard: focus the first radio, arrow to the second (native radio behaviour selects it)
    await page.$eval('#w', (el) => el.shadowRoot.querySelector('input[name=prediction]').focus());
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#w').hasAttribute('done'), null, { timeout: 60000 });
    await page.waitForFunction(() => /Measured/.test(document.querySelector('#w').shadowRoot.querySelector('.verdict').textContent));
    const s1 = await state(page);
    assert.deepEqual(s1.concealed, [], 'revealed after the answer');
    assert.match(s1.verdict, /Your prediction: .+\. (Right|Not quite)\. Measured: .*\d.* \(answer: .+\)\. \S/);
    assert.ok(await page.$eval('#w', (el) => el.hasAttribute('predicted')));
    await screenshot(page.locator('#w'), `predict-${name.replace(' ', '-')}-after-en`);
    // the same in Korean, live
    await page.evaluate(() => { document.documentElement.lang = 'ko'; });
    await page.waitForFunction(() => /측정값/.test(document.querySelector('#w').shadowRoot.querySelector('.verdict').textContent));
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('"just show me" reveals without an answer; predict="off" asks nothing', async () => {
  const page = await open('dead-neurons', 'epochs="4"');
  await screenshot(page.locator('#w'), 'predict-dead-neurons-before-en');
  await page.$eval('#w', (el) => el.shadowRoot.querySelector('button[name=reveal]').click());
  await page.waitForFunction(() => document.querySelector('#w').hasAttribute('done'), null, { timeout: 60000 });
  await page.waitForFunction(() => /Measured/.test(document.querySelector('#w').shadowRoot.querySelector('.verdict').textContent));
  const s = await state(page);
  assert.deepEqual(s.concealed, []);
  assert.doesNotMatch(s.verdict, /Your prediction/);
  assert.equal(await page.$eval('#w', (el) => el.hasAttribute('predicted')), false);
  await page.$eval('#w', (el) => el.setAttribute('predict', 'off'));
  const off = await state(page);
  assert.equal(off.shown, false);
  assert.deepEqual(off.concealed, []);
  await page.close();
  const fresh = await open('gradient-flow', 'predict="off" depth="4" width="8" epochs="1"');
  const s2 = await state(fresh);
  assert.equal(s2.shown, false, 'predict="off": no question');
  assert.deepEqual(s2.concealed, [], 'predict="off": nothing concealed');
  await fresh.close();
});

test('the right answer follows the live measurement: a setting that changes the result changes the verdict', async () => {
  // At depth 2 the sigmoid ratio is near 1/4..1/2 (choice 0); at depth 10 it is far below 1e-4 (choice 2).
  const page = await open('gradient-flow', 'depth="2" width="16" epochs="1"');
  await page.$eval('#w', (el) => el.shadowRoot.querySelector('input[name=prediction][value="2"]').click());
  await page.waitForFunction(() => /Measured/.test(document.querySelector('#w').shadowRoot.querySelector('.verdict').textContent), null, { timeout: 60000 });
  const shallow = (await state(page)).verdict;
  assert.match(shallow, /Not quite\. .*answer: more than 1\/10/);
  await page.$eval('#w', (el) => el.setAttribute('depth', '10'));
  await page.waitForFunction(() => /Right\./.test(document.querySelector('#w').shadowRoot.querySelector('.verdict').textContent), null, { timeout: 60000 });
  assert.match((await state(page)).verdict, /answer: less than 10⁻⁴/);
  await page.close();
});
