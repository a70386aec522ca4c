// Exports of <activation-plot> through its PNG / SVG buttons (real downloads in Chromium). The SVG
// must be the plot itself in vector form: its f curve, read back through the plot's own layout,
// lies on ELU values computed here independently (alpha * expm1(x) for x < 0, else x); the f′
// curve is dashed; tick labels and marks are text; no raster image inside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, ARTIFACTS } from './harness.mjs';

let env, page;
before(async () => {
  env = await launch();
  page = await env.newPage({ width: 800, height: 700 });
  await page.goto(`${env.baseUrl}embed.html?w=activation-plot&fn=elu&alpha=0.5&lang=en`);
  await page.waitForSelector('activation-plot[ready]', { timeout: 30000 });
});
after(async () => { await env?.close(); });

async function download(name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`activation-plot button[name="export-${name}"]`).click()]);
  return { file: dl.suggestedFilename(), data: fs.readFileSync(await dl.path()) };
}

test('PNG: the canvas pixels at device resolution', async () => {
  const { file, data } = await download('png');
  assert.equal(file, 'activation-plot-elu.png');
  assert.deepEqual([...data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [w, h] = [data.readUInt32BE(16), data.readUInt32BE(20)];
  const canvas = await page.evaluate(() => { const c = document.querySelector('activation-plot').shadowRoot.querySelector('canvas'); return [c.width, c.height]; });
  assert.deepEqual([w, h], canvas);
});

test('SVG: the same curves, axes and labels as vectors', async () => {
  const { file, data } = await download('svg');
  assert.equal(file, 'activation-plot-elu.svg');
  const svg = data.toString('utf8');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(`${ARTIFACTS}/embed-export-elu.svg`, svg);
  assert.doesNotMatch(svg, /<image|data:image/, 'not a raster in an SVG wrapper');
  const L = await page.evaluate(() => document.querySelector('activation-plot').plotLayout);
  const colors = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('activation-plot'));
    return [s.getPropertyValue('--plot-series-1').trim(), s.getPropertyValue('--plot-series-2').trim()];
  });
  // parse in the page (DOMParser), return the paths and texts
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      size: [root.getAttribute('width'), root.getAttribute('height')],
      paths: [...doc.querySelectorAll('path')].map((p) => ({ d: p.getAttribute('d'), stroke: p.getAttribute('stroke'), dash: p.getAttribute('stroke-dasharray'), width: p.getAttribute('stroke-width') })),
      texts: [...doc.querySelectorAll('text')].filter((t) => t.getAttribute('fill') !== 'none').map((t) => t.textContent),
    };
  }, svg);
  assert.equal(parsed.error, null);
  assert.deepEqual(parsed.size, [String(L.width), String(L.height)]);
  const f = parsed.paths.filter((p) => p.stroke === colors[0] && !p.dash).sort((a, b) => b.d.length - a.d.length)[0];
  const df = parsed.paths.filter((p) => p.stroke === colors[1] && p.dash);
  assert.ok(f, 'the f curve');
  assert.ok(df.length >= 1, "the f' curve, dashed as on screen");
  // every vertex of the f path, mapped back to data through the layout, lies on ELU(alpha=0.5)
  const P = L.panels[0];
  const pts = [...f.d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(pts.length > 300, `vertices: ${pts.length}`);
  const pxPerY = (P.bottom - P.top) / (P.max - P.min), pxPerX = (L.right - L.left) / (L.xMax - L.xMin);
  let worst = 0;
  for (const [px, py] of pts) {
    const x = L.xMin + (px - L.left) / pxPerX;
    const y = P.min + (P.bottom - py) / pxPerY;
    const elu = x < 0 ? 0.5 * Math.expm1(x) : x;
    worst = Math.max(worst, Math.abs(y - elu) * pxPerY); // in pixels
  }
  assert.ok(worst < 1, `f path within ${worst.toFixed(2)} px of alpha*expm1(x) / x`);
  // x tick labels (typographic minus), the axis name and ELU's −α mark are text
  for (const label of ['\u22126', '0', '6', 'x', '\u2212\u03b1 = \u22120.5']) assert.ok(parsed.texts.includes(label), `text "${label}" in ${parsed.texts.join('|')}`);
  assert.deepEqual(page.errors, []);
});

test('CSV of a results table (as the experiment widgets show them), through the bundle API', async () => {
  const csv = await page.evaluate(() => {
    const t = document.createElement('table');
    for (const row of [['activation', 'loss', 'note'], ['relu', '0.125', 'a, "b"'], ['tanh', '=1+1', '']]) {
      const tr = t.insertRow();
      for (const c of row) tr.insertCell().textContent = c;
    }
    return window.activationWidgets.export.tableToCSV(t);
  });
  assert.equal(csv, 'activation,loss,note\r\nrelu,0.125,"a, ""b"""\r\ntanh,\'=1+1,\r\n');
});
