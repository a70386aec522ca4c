// The one palette: the same names in light and dark, every activation coloured, the page's CSS
// and the widgets' host CSS both made from it, and no colour written anywhere else in the widgets.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIVATIONS, FURNITURE, WIDGET, pageCSS, hostCSS } from '../../web/js/ui/palette.js';
import { writePalette } from '../../tools/bundle.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const POST_IDS = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'rrelu', 'prelu', 'elu', 'selu', 'maxout'];
const COLOR = /^#[0-9a-f]{6}$|^transparent$/;

test('light and dark name the same colours, each a #rrggbb value', () => {
  for (const set of [ACTIVATIONS, FURNITURE, WIDGET]) {
    assert.deepEqual(Object.keys(set.light).sort(), Object.keys(set.dark).sort());
    for (const s of ['light', 'dark']) for (const [k, v] of Object.entries(set[s])) assert.match(v, COLOR, `${s} ${k}`);
  }
  for (const id of POST_IDS) assert.ok(ACTIVATIONS.light[id], id);
});

test('in each scheme the activations have colours of their own', () => {
  for (const s of ['light', 'dark']) {
    const values = Object.values(ACTIVATIONS[s]);
    assert.equal(new Set(values).size, values.length, s);
  }
});

test("the page's CSS and the widgets' host CSS carry every colour of the palette", () => {
  const page = pageCSS(), host = hostCSS();
  const [pageLight, pageDark] = page.split('@media');
  const [hostLight, hostDark] = host.split('@media');
  for (const [id, c] of Object.entries(ACTIVATIONS.light)) {
    assert.ok(pageLight.includes(`--c-${id}: ${c};`), id);
    assert.ok(hostLight.includes(`--w-c-${id}: var(--c-${id}, ${c});`), id);
  }
  for (const [id, c] of Object.entries(ACTIVATIONS.dark)) {
    assert.ok(pageDark.includes(`--c-${id}: ${c};`), id);
    assert.ok(hostDark.includes(`--w-c-${id}: var(--c-${id}, ${c});`), id);
  }
  assert.match(pageDark, /prefers-color-scheme: dark/);
});

test('the build writes the palette into page.css at its one marker, and refuses a file without it', () => {
  const dir = fs.mkdtempSync(path.join(fs.mkdtempSync('/tmp/palette-'), 'css-'));
  const css = path.join(dir, 'page.css');
  fs.copyFileSync(path.join(ROOT, 'web/css/page.css'), css);
  writePalette(css);
  const out = fs.readFileSync(css, 'utf8');
  assert.ok(out.includes(pageCSS()));
  assert.ok(!out.includes('/* palette */'));
  assert.throws(() => writePalette(css), /palette/);
});

test('no widget, plot or page stylesheet writes a colour of its own', () => {
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(js|css)$/.test(e.name)) files.push(p); } };
  walk(path.join(ROOT, 'web/js/widgets'));
  files.push(path.join(ROOT, 'web/css/page.css'));
  const hits = [];
  for (const f of files) {
    fs.readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$|\/\*.*?\*\//g, '');
      if (/#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b(?![\w-])/.test(code) && !/(['"`])#[\w-]*\1|href|querySelector|'#'/.test(code)) hits.push(`${path.relative(ROOT, f)}:${i + 1}: ${line.trim().slice(0, 100)}`);
    });
  }
  assert.deepEqual(hits, []);
});
