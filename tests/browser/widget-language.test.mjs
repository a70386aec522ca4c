// Every element type shows all of its text in one language: titles, labels, buttons, options,
// captions, aria-labels, tooltips and messages. Three ways of choosing it: the page's language
// button (live switch, twice), ?lang=en / ?lang=ko on the teaching page, and a `lang` attribute on
// a widget embedded in a page of the other language. In English no Hangul may remain; in Korean
// no English-only text (a Latin word of three or more letters outside the technical names that
// Korean texts keep in Latin letters).
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';

const TAGS = ['activation-plot', 'activation-race', 'zigzag-descent', 'activation-speed', 'leaky-compare', 'activation-guide',
  'universal-approximation', 'gradient-flow', 'dead-neurons', 'self-normalization', 'output-layer'];
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
// Names that a Korean text writes in Latin letters too (activations, formats, optimisers, units, maths).
const NEUTRAL = new Set(['relu', 'leaky', 'leakyrelu', 'rrelu', 'prelu', 'elu', 'selu', 'maxout', 'sigmoid', 'tanh', 'linear', 'softplus',
  'silu', 'gelu', 'mish', 'hardswish', 'swish', 'softmax', 'png', 'svg', 'csv', 'json', 'pytorch', 'torch', 'adam', 'sgd', 'momentum',
  'mse', 'bce', 'glorot', 'xavier', 'lecun', 'kaiming', 'uniform', 'normal', 'wasm', 'webassembly', 'exp', 'max', 'min',
  'log', 'sin', 'abs', 'step', 'xor', 'spiral', 'circle', 'gaussian', 'std', 'inf', 'nan', 'lrelu', 'dtype', 'float', 'ulp']);

// Every piece of text a reader (or a screen reader) can meet in each widget's shadow root.
function collect(tags) {
  const out = [];
  const attrs = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-description'];
  for (const el of document.querySelectorAll(tags.join(','))) {
    const where = el.id ? `${el.localName}#${el.id}` : el.localName;
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.nodeType === 3) { const t = n.textContent.trim(); if (t) out.push({ where, text: t }); continue; }
        if (n.nodeType !== 1 || n.localName === 'style' || n.localName === 'script') continue;
        for (const a of attrs) { const v = n.getAttribute(a); if (v && v.trim()) out.push({ where, text: v.trim(), attr: a }); }
        walk(n);
      }
    };
    if (el.shadowRoot) walk(el.shadowRoot);
  }
  return out;
}

function englishOnly(text) {
  if (HANGUL.test(text)) return false;
  const words = text.match(/[A-Za-z]{3,}/g) || [];
  return words.some((w) => !NEUTRAL.has(w.toLowerCase()));
}

function check(items, lang) {
  const bad = items.filter(({ text }) => (lang === 'en' ? HANGUL.test(text) : englishOnly(text)));
  const seen = new Map();
  for (const b of bad) if (!seen.has(b.where + b.text)) seen.set(b.where + b.text, `${b.where}${b.attr ? ` [${b.attr}]` : ''}: ${JSON.stringify(b.text.slice(0, 80))}`);
  return [...seen.values()];
}

async function allReady(page) {
  await page.waitForFunction((tags) => {
    const els = [...document.querySelectorAll(tags.join(','))];
    return els.length > 0 && els.every((e) => e.hasAttribute('ready') || e.hasAttribute('error'));
  }, TAGS, { timeout: 60000 });
}

// Types present: every element type must be on the page, or the test would prove nothing for it.
async function typesOn(page) { return page.evaluate((tags) => tags.filter((t) => document.querySelector(t)), TAGS); }

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { await env?.close(); });

test('the page language button switches every widget, both ways', async () => {
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}index.html`);
  await allReady(page);
  assert.deepEqual(await typesOn(page), TAGS, 'the teaching page holds every element type');
  for (const lang of ['en', 'ko', 'en']) {
    await page.click(`button[data-set-lang="${lang}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const items = await page.evaluate(collect, TAGS);
    assert.ok(items.length > 500, `text collected (${items.length})`);
    assert.deepEqual(check(items, lang), [], `after switching to ${lang}`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

for (const lang of ['en', 'ko']) {
  test(`?lang=${lang}: every widget in that language from the first drawing`, async () => {
    const page = await env.newPage({ width: 375, height: 800 });
    await page.goto(`${env.baseUrl}index.html?lang=${lang}`);
    await allReady(page);
    const items = await page.evaluate(collect, TAGS);
    assert.deepEqual(check(items, lang), []);
    // the reader's own view of one widget per language, kept for a person to look at
    await screenshot(page.locator('dead-neurons').first(), `language-dead-neurons-${lang}-375`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('a lang attribute on an embedded widget wins over the page, and follows its changes', async () => {
  const page = await env.newPage();
  for (const demo of ['embed/gallery.html', 'embed/experiments-a.html', 'embed/experiments-b.html', 'embed/race.html']) {
    await page.goto(`${env.baseUrl}${demo}`);
    await allReady(page);
    const pageLang = await page.evaluate(() => document.documentElement.lang || 'ko');
    for (const lang of [pageLang.startsWith('en') ? 'ko' : 'en', pageLang.startsWith('en') ? 'en' : 'ko']) {
      await page.evaluate(({ tags, l }) => { for (const el of document.querySelectorAll(tags.join(','))) el.setAttribute('lang', l); }, { tags: TAGS, l: lang });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const items = await page.evaluate(collect, TAGS);
      assert.ok(items.length > 20, `${demo}: text collected`);
      assert.deepEqual(check(items, lang), [], `${demo} with lang="${lang}" on every widget`);
    }
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a lang attribute that is neither ko nor en is an inline message, in the page language', async () => {
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}embed/gallery.html`);
  await allReady(page);
  const shown = await page.evaluate((tags) => {
    const out = [];
    for (const tag of tags) {
      const el = document.createElement(tag);
      el.setAttribute('lang', 'fr');
      if (tag === 'activation-plot') el.setAttribute('fn', 'relu');
      document.body.append(el);
      out.push(el);
    }
    return new Promise((r) => setTimeout(() => r(out.map((el) => ({
      tag: el.localName, error: el.hasAttribute('error'), text: el.shadowRoot.querySelector('.error')?.textContent || '',
    }))), 1500));
  }, TAGS);
  for (const s of shown) {
    assert.ok(s.error, `${s.tag} lang="fr" shows a message`);
    assert.match(s.text, /lang="fr"/, `${s.tag}: the message names the attribute`);
  }
  await page.close();
});
