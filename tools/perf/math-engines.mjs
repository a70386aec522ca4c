// KaTeX output compared: the page's formulas typeset as HTML+MathML (what the page ships) and as
// MathML only (KaTeX `output: 'mathml'`, drawn by the browser's own MathML engine), side by side
// in sheets of ten, screenshot in Chromium, Firefox ESR and WebKit (MiniBrowser) through
// tests/engines/drivers.mjs; prints how many elements each output adds to the page.
//   xvfb-run -a node tools/perf/math-engines.mjs [--dist DIR] [--engines chromium,firefox,webkit]
// Screenshots: tests/artifacts/math-<engine>-<sheet>.png (left column HTML+MathML, right MathML).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import katex from 'katex';
import { serve } from '../serve.mjs';
import { launchEngine } from '../../tests/engines/drivers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const dist = path.resolve(opt('dist', path.join(ROOT, 'dist')));
const engines = opt('engines', 'chromium,firefox,webkit').split(',');
const { katexOptions } = await import(`data:text/javascript,${encodeURIComponent(fs.readFileSync(path.join(ROOT, 'web/js/math.js'), 'utf8'))}`);

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const unesc = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const all = [...html.matchAll(/<(span|div)\s([^>]*?\bclass="math( display)?"[^>]*?)\sdata-tex="([^"]*)"/g)]
  .map((m) => ({ tex: unesc(m[4]), display: !!m[3], post: /data-tex-source="post"/.test(m[2]) }));
const render = (f, output) => katex.renderToString(f.tex, { ...katexOptions({ display: f.display, post: f.post }), output });
const elements = (s) => (s.match(/<[a-zA-Z]/g) || []).length;
let eh = 0, em = 0;
for (const f of all) { eh += elements(render(f, 'htmlAndMathml')); em += elements(render(f, 'mathml')); }
console.log(`${all.length} formulas in ${dist}/index.html: ${eh} elements as HTML+MathML, ${em} as MathML only (${eh - em} fewer)`);

// The sample: every display formula and the longest inline ones, at most 40, in page order.
const seen = new Set();
const uniq = all.filter((f) => !seen.has(f.tex) && seen.add(f.tex));
const inline = uniq.filter((f) => !f.display).sort((a, b) => b.tex.length - a.tex.length).slice(0, 12);
const sample = uniq.filter((f) => f.display || inline.includes(f)).slice(0, 40);
const SHEET = 10;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'math-engines-'));
fs.cpSync(path.join(dist, 'vendor'), path.join(dir, 'vendor'), { recursive: true });
const sheets = [];
for (let i = 0; i < sample.length; i += SHEET) {
  const rows = sample.slice(i, i + SHEET).map((f, k) => `<tr><th>${i + k + 1}</th><td>${render(f, 'htmlAndMathml')}</td><td>${render(f, 'mathml')}</td></tr>`);
  const name = `sheet-${sheets.length + 1}.html`;
  fs.writeFileSync(path.join(dir, name), `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>math ${name}</title>
<link rel="stylesheet" href="vendor/katex/katex.min.css">
<style>body{margin:8px;font:16px/1.5 system-ui,"Noto Sans CJK KR",sans-serif;background:#fff;color:#1b1e23}
table{border-collapse:collapse;width:100%;table-layout:fixed}th{width:28px;color:#888;font-weight:400}
td,th{border-bottom:1px solid #ddd;padding:4px 8px;vertical-align:middle;overflow:hidden}
thead th{width:auto;text-align:left;color:#444}.katex{font-size:1.08em}</style></head><body>
<table><thead><tr><th></th><th>HTML+MathML (now)</th><th>MathML only</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></body></html>`);
  sheets.push(name);
}
const server = await serve(dir, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
try {
  for (const name of engines) {
    const e = await launchEngine(name);
    try {
      for (const [k, s] of sheets.entries()) {
        await e.page.goto(base + s);
        await e.page.waitFor(() => document.fonts.status === 'loaded', null, { what: 'fonts' });
        const file = await e.page.screenshot(`math-${name}-${k + 1}`);
        console.log(`${e.version}: ${file}`);
      }
    } finally { await e.close(); }
  }
} finally {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
}
