// The teaching page's lazy layout (js/i18n.js + page.css + js/page.js): on a plain visit the
// article's prose starts with content-visibility: auto, so only what is on screen is laid out
// while the widgets start. Checked here: it ends by itself once the widgets are ready, in steps
// (no long task), leaving the accessibility tree as complete as a visit without it; a contents
// link followed meanwhile lands exactly; a URL naming a place or a reload never uses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const WIDGETS_READY = () => [...document.querySelectorAll('*')]
  .filter((e) => e.tagName.includes('-') && e.tagName !== 'ACTIVATION-SHARE-CONTROL')
  .every((e) => e.hasAttribute('ready'));
// records whether <html> had the class when the body started, long tasks, when the last widget
// became ready and when the first lazy block was laid out for good
const RECORDER = () => {
  window.__lazy = { atStart: null, long: [], lastReady: 0, firstStep: null, batches: [] };
  new MutationObserver((ms) => {
    let blocks = 0, elements = 0; // laid out in this task (one batch)
    for (const m of ms) {
      if (m.attributeName === 'ready' && m.target.hasAttribute('ready')) window.__lazy.lastReady = performance.now();
      if (m.attributeName === 'class' && m.target.closest?.('.article section') && m.target.classList.contains('laid-out') &&
        !(m.oldValue || '').includes('laid-out')) {
        window.__lazy.firstStep ??= performance.now();
        blocks++;
        elements += m.target.getElementsByTagName('*').length;
      }
    }
    if (blocks) window.__lazy.batches.push({ blocks, elements });
  }).observe(document, { attributes: true, attributeOldValue: true, subtree: true, attributeFilter: ['ready', 'class'] });
  document.addEventListener('readystatechange', () => {
    if (window.__lazy.atStart === null) window.__lazy.atStart = document.documentElement.classList.contains('lazy-layout');
  });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__lazy.long.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};
const lazyNow = (page) => page.evaluate(() => document.documentElement.classList.contains('lazy-layout'));
const offset = (page, sel) => page.evaluate((s) => {
  const t = document.querySelector(s);
  return t.getBoundingClientRect().top - parseFloat(getComputedStyle(t).scrollMarginTop || '0');
}, sel);
// Paragraphs and formulas the accessibility tree exposes (not ignored).
async function axCounts(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const n = (role) => nodes.filter((x) => x.role?.value === role && !x.ignored).length;
  return { paragraphs: n('paragraph'), math: n('MathMLMath') + n('math') };
}

test('plain visit: lazy at first, ended in steps after every widget is ready, accessibility tree complete', async () => {
  const page = await env.newPage();
  await page.addInitScript(RECORDER);
  await page.goto(env.baseUrl);
  await page.waitForFunction(WIDGETS_READY, null, { timeout: 60000 });
  const readyAt = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => !document.documentElement.classList.contains('lazy-layout'), null, { timeout: 20000 });
  const doneAt = await page.evaluate(() => performance.now());
  const r = await page.evaluate(() => window.__lazy);
  assert.equal(r.atStart, true, 'html.lazy-layout is set before the body is parsed');
  assert.ok(r.firstStep !== null && r.firstStep > r.lastReady,
    `the lazy blocks are laid out after the last widget is ready (${Math.round(r.lastReady)} ms), not at ${Math.round(r.firstStep)} ms`);
  const after = r.long.filter((t) => t.at >= readyAt);
  console.log(`lazy layout ended ${(doneAt - readyAt).toFixed(0)} ms after every widget was ready; ` +
    `long tasks meanwhile: ${after.length ? after.map((t) => `${Math.round(t.ms)} ms`).join(', ') : 'none'}`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('.article .laid-out').length), 0, 'no step class left');
  // batches are sized in elements, not blocks: the first (before any cost is measured) holds at most
  // 100 of them (a block counts 4 + its elements), or one block alone
  const first = r.batches[0];
  console.log(`lazy batches: ${r.batches.length}, the first ${first.blocks} blocks of ${first.elements} elements`);
  assert.ok(r.batches.length >= 3, `laid out in steps, not at once: ${JSON.stringify(r.batches)}`);
  assert.ok(first.blocks === 1 || first.elements + 4 * first.blocks <= 100, `first batch: ${JSON.stringify(first)}`);
  const lazy = await axCounts(page);

  // The same page without it (a reload never uses it): the same accessibility tree.
  const ref = await env.newPage();
  await ref.addInitScript(RECORDER);
  await ref.goto(env.baseUrl);
  await ref.reload();
  await ref.waitForFunction(WIDGETS_READY, null, { timeout: 60000 });
  assert.equal((await ref.evaluate(() => window.__lazy)).atStart, false, 'a reload is not lazy');
  const full = await axCounts(ref);
  console.log(`accessibility tree after the lazy layout: ${JSON.stringify(lazy)}; reload without it: ${JSON.stringify(full)}`);
  assert.ok(full.paragraphs > 40 && full.math > 100, JSON.stringify(full));
  assert.deepEqual(lazy, full);
  assert.deepEqual(page.errors, []);
  await page.close();
  await ref.close();
});

// (reduced motion: jumps are instant, so where they land can be read without waiting for a smooth scroll)
const settled = async (page) => {
  await page.waitForFunction(WIDGETS_READY, null, { timeout: 60000 });
  await page.waitForFunction(() => !document.documentElement.classList.contains('lazy-layout'), null, { timeout: 20000 });
  await page.waitForTimeout(400);
};

// A widget inside content the browser skips gets no layout, so no width to draw at: it waited
// for a forced layout instead (gradient-flow and zig-zag sit in a list of the sigmoid section).
test('while the layout is lazy, no widget sits inside content-visibility: auto', async () => {
  const page = await env.newPage();
  await page.goto(env.baseUrl, { waitUntil: 'domcontentloaded' });
  const r = await page.evaluate(() => ({
    lazy: document.documentElement.classList.contains('lazy-layout'),
    lazyBlocks: document.querySelectorAll('.article section > *').length &&
      [...document.querySelectorAll('.article *')].filter((e) => getComputedStyle(e).contentVisibility === 'auto').length,
    inside: [...document.querySelectorAll('main *')].filter((e) => e.localName.includes('-')).flatMap((w) => {
      for (let a = w.parentElement; a; a = a.parentElement) if (getComputedStyle(a).contentVisibility === 'auto') return [`${w.localName} in ${a.localName}.${a.className}`];
      return [];
    }),
  }));
  assert.ok(r.lazy, 'checked while html.lazy-layout is set');
  assert.ok(r.lazyBlocks > 50, `the prose is lazy (${r.lazyBlocks} blocks)`);
  assert.deepEqual(r.inside, [], 'widgets inside skipped content');
  await page.close();
});

test('a contents link followed while the page loads lands on its section (the lazy layout ends first)', async () => {
  const page = await env.newPage({ width: 1280, height: 900, reducedMotion: 'reduce' });
  await page.goto(env.baseUrl);
  await page.waitForSelector('#toc-list a[href="#selu"]', { state: 'attached' });
  assert.equal(await lazyNow(page), true);
  await page.click('#toc-list a[href="#selu"]');
  assert.equal(await lazyNow(page), false, 'the link ended the lazy layout before the jump');
  await settled(page);
  const off = await offset(page, '#selu');
  assert.ok(Math.abs(off) <= 2, `#selu is ${off} px from its place`);
  await page.close();
});

test('a URL naming a place is not lazy and lands on it; settings in the hash are not a place', async () => {
  const page = await env.newPage({ width: 1280, height: 900, reducedMotion: 'reduce' });
  await page.addInitScript(RECORDER);
  await page.goto(`${env.baseUrl}#maxout`);
  await settled(page);
  assert.equal((await page.evaluate(() => window.__lazy)).atStart, false);
  const off = await offset(page, '#maxout');
  assert.ok(Math.abs(off) <= 2, `#maxout is ${off} px from its place`);
  await page.goto(`${env.baseUrl}?x=1#lang=en`);
  await page.waitForFunction(() => window.__lazy?.atStart !== null);
  assert.equal((await page.evaluate(() => window.__lazy)).atStart, true, '#lang=en is a setting: lazy');
  await page.close();
});

test('if page.js never runs, the lazy layout still ends by itself (after 10 s)', async () => {
  const page = await env.newPage();
  await page.route(/page\.classic\.js$/, (route) => route.abort());
  await page.goto(env.baseUrl);
  assert.equal(await lazyNow(page), true);
  await page.waitForFunction(() => !document.documentElement.classList.contains('lazy-layout'), null, { timeout: 15000 });
  const at = await page.evaluate(() => performance.now());
  assert.ok(at >= 9900, `ended at ${Math.round(at)} ms`);
  await page.close();
});
