// Reduced motion and print, on the teaching page in Chromium.
// - prefers-reduced-motion: reduce: nothing moves on its own — every canvas of the page holds the
//   same picture while each widget is scrolled on screen (where work would start) and a while
//   after; the experiments that would train by themselves show their first picture and a play
//   button; the button runs one.
// - print media: the page's navigation and every widget's controls are hidden, every chart is
//   printed as drawn, on white (the light palette even for a dark-scheme reader), in legible text;
//   a PDF and a print-media screenshot are kept for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { launch, screenshot, ARTIFACTS } from './harness.mjs';
import { openPage, WIDGETS } from './a11y-page.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// A short fingerprint of every canvas in every shadow root, by widget.
const pictures = () => {
  const out = {};
  document.querySelectorAll('*').forEach((el, i) => {
    if (!el.shadowRoot) return;
    el.shadowRoot.querySelectorAll('canvas').forEach((c, k) => {
      let h = 0;
      const s = c.width && c.height ? c.toDataURL() : '';
      for (let j = 0; j < s.length; j += 7) h = (h * 31 + s.charCodeAt(j)) | 0;
      out[`${el.localName}${el.id ? `#${el.id}` : ''}@${i}/${k}`] = `${c.width}x${c.height}:${h}`;
    });
  });
  return out;
};

test('reduced motion: nothing animates on its own; the experiments wait at their first picture with a play button', async () => {
  const page = await openPage(env, { lang: 'en', reducedMotion: 'reduce' });
  const before = await page.evaluate(pictures);
  // every widget on screen in turn (the experiments start their work there), then a pause
  await page.evaluate(async (sel) => {
    for (const el of document.querySelectorAll(sel)) { el.scrollIntoView({ block: 'center' }); await new Promise((r) => setTimeout(r, 150)); }
  }, WIDGETS);
  await page.waitForTimeout(2000);
  const later = await page.evaluate(pictures);
  const moved = Object.keys(before).filter((k) => later[k] !== before[k]);
  console.log(`${Object.keys(before).length} canvases; changed on their own: ${moved.length}`);
  assert.ok(Object.keys(before).length >= 25);
  assert.deepEqual(moved, [], 'no canvas changed without the reader');
  // the experiments that would have trained: a visible, named play button each
  const held = await page.evaluate(() => [...document.querySelectorAll('[held]')].map((e) => ({
    tag: e.localName, button: e.shadowRoot.querySelector('.motion button')?.textContent, shown: e.shadowRoot.querySelector('.motion button')?.checkVisibility(),
  })));
  console.log(`held: ${held.map((x) => x.tag).join(', ')}`);
  assert.deepEqual(held.map((x) => x.tag).sort(), ['dead-neurons', 'gradient-flow', 'self-normalization', 'universal-approximation'],
    'the experiments that train by themselves are held at their first picture');
  for (const x of held) assert.deepEqual([x.button, x.shown], ['▶ Play', true], x.tag);
  // leaky-compare and the speed test wait on their own buttons
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('leaky-compare')].map((e) => e.shadowRoot.querySelector('button[name=play]').textContent.startsWith('▶'))), [true, true, true]);
  await screenshot(page.locator('universal-approximation'), 'a11y-reduced-motion-held');
  // ▶ runs it (motion the reader asked for)
  const ua = page.locator('universal-approximation');
  await ua.scrollIntoViewIfNeeded();
  const k = Object.keys(before).find((x) => x.startsWith('universal-approximation'));
  await ua.locator('.motion button').click();
  await page.waitForFunction((key) => {
    const el = document.querySelector('universal-approximation');
    return !el.hasAttribute('held') && el.hasAttribute('done');
  }, k, { timeout: 120000 });
  const after = await page.evaluate(pictures);
  assert.notEqual(after[k], before[k], 'the experiment ran after ▶');
  assert.equal(await ua.locator('.motion').isVisible(), false, 'the play button goes once it runs');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('print: navigation and controls hidden, every chart printed as drawn on white, legible text', async () => {
  const page = await openPage(env, { lang: 'ko', colorScheme: 'dark' });
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
  const r = await page.evaluate(() => {
    const vis = (e) => e.checkVisibility();
    const controls = [], charts = [];
    for (const el of document.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      for (const c of el.shadowRoot.querySelectorAll('button, input, select, textarea')) if (vis(c)) controls.push(`${el.localName} ${c.localName}[name=${c.name}]`);
      for (const c of el.shadowRoot.querySelectorAll('canvas[role=img]')) {
        const b = c.getBoundingClientRect();
        charts.push({ tag: el.localName, shown: vis(c) && b.width > 50 && b.height > 50, bg: getComputedStyle(el).backgroundColor });
      }
    }
    const body = getComputedStyle(document.body);
    const page = ['.skip-link', '.header-tools', '.toc', '.lang-switch'].filter((s) => document.querySelector(s) && vis(document.querySelector(s)));
    // the chart's own pixels: the top-left corner of the first plot is its background
    const plot = document.querySelector('activation-plot').shadowRoot.querySelector('canvas');
    const px = [...plot.getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3);
    return { controls, charts, page, fontPx: parseFloat(body.fontSize), color: body.color, background: body.backgroundColor, px };
  });
  console.log(`print: ${r.charts.length} charts, ${r.controls.length} controls visible, body ${r.fontPx}px ${r.color} on ${r.background}, plot corner rgb(${r.px})`);
  assert.deepEqual(r.page, [], 'the page\'s navigation is hidden');
  assert.deepEqual(r.controls, [], 'every widget\'s controls are hidden');
  assert.ok(r.charts.length >= 25);
  assert.deepEqual(r.charts.filter((c) => !c.shown).map((c) => c.tag), [], 'every chart is printed');
  assert.ok(r.fontPx >= 13, `body text ${r.fontPx}px`);
  assert.equal(r.background, 'rgb(253, 253, 251)', 'paper: the light palette\'s background, even in the dark scheme');
  assert.ok(r.px.every((v) => v > 200), `the charts are redrawn on the light background: rgb(${r.px})`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.pdf({ path: path.join(ARTIFACTS, 'a11y-print.pdf'), format: 'A4', printBackground: true });
  await screenshot(page, 'a11y-print', { fullPage: false });
  assert.ok(fs.statSync(path.join(ARTIFACTS, 'a11y-print.pdf')).size > 100000);
  assert.deepEqual(page.errors, []);
  await page.close();
});
