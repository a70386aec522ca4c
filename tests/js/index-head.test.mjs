// dist/index.html carries its stylesheets and its head script inside it (tools/bundle-html.mjs):
// the first paint waits for no request but the page's. Checked here: relative url()s rebased from
// the stylesheet's folder to the page's, the tags replaced and refused when missing or when their
// text would end the element early, the inline scripts' CSP hashes, and the built page itself (no
// <link rel=stylesheet>, no <script src="js/i18n.js">, every font URL it names a file of dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { rebaseCssUrls, inlineIndexHead, inlineScriptHashes, strictCsp } from '../../tools/bundle-html.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));

test('relative url()s are rebased from the stylesheet to the page; others are left alone', () => {
  const k = 'vendor/katex/katex.min.css';
  assert.equal(rebaseCssUrls('src:url(fonts/A.woff2) format("woff2")', k), 'src:url(vendor/katex/fonts/A.woff2) format("woff2")');
  assert.equal(rebaseCssUrls('a{b:url("fonts/A B.woff")}', k), 'a{b:url("vendor/katex/fonts/A B.woff")}');
  assert.equal(rebaseCssUrls("a{b:url( './x.png' )}", 'css/page.css'), "a{b:url('css/x.png')}");
  assert.equal(rebaseCssUrls('a{b:url(../img/x.png)}', 'css/page.css'), 'a{b:url(img/x.png)}');
  assert.equal(rebaseCssUrls('a{b:url(x.png)}', 'page.css'), 'a{b:url(x.png)}');
  for (const keep of ['url(data:font/woff2;base64,AAAA)', 'url(https://example.org/f.woff2)', 'url(/root.png)', 'url(#clip)'])
    assert.equal(rebaseCssUrls(`a{b:${keep}}`, k), `a{b:${keep}}`, keep);
});

const HEAD = `<head><link rel="stylesheet" href="vendor/katex/katex.min.css">
<link rel="stylesheet" href="css/page.css">
<script src="js/i18n.js"></script>
<script src="js/page.classic.js" defer></script></head>`;
const files = { 'vendor/katex/katex.min.css': '@font-face{src:url(fonts/K.woff2)}', 'css/page.css': 'p{content:"$&"}', 'js/i18n.js': 'var lang = "$1";' };

test('the two stylesheets and the head script go into the page; deferred scripts stay linked', () => {
  const out = inlineIndexHead(HEAD, (f) => files[f]);
  assert.ok(out.includes('<style data-href="vendor/katex/katex.min.css">@font-face{src:url(vendor/katex/fonts/K.woff2)}</style>'), out);
  assert.ok(out.includes('<style data-href="css/page.css">p{content:"$&"}</style>'), 'replacement patterns in the text are kept as they are');
  assert.ok(out.includes('<script data-src="js/i18n.js">var lang = "$1";</script>'), out);
  assert.ok(out.includes('<script src="js/page.classic.js" defer></script>'));
  assert.doesNotMatch(out, /<link rel="stylesheet"/);
});

test('a missing tag, or a text that would close its element early, is refused', () => {
  assert.throws(() => inlineIndexHead(HEAD.replace('css/page.css', 'css/other.css'), (f) => files[f] ?? ''), /links no css\/page.css/);
  assert.throws(() => inlineIndexHead(HEAD.replace('<script src="js/i18n.js"></script>', ''), (f) => files[f]), /no <script src="js\/i18n.js">/);
  assert.throws(() => inlineIndexHead(HEAD, (f) => (f === 'css/page.css' ? 'p{}</style><script>alert(1)</script>' : files[f])), /contains "<\/style"/);
  assert.throws(() => inlineIndexHead(HEAD, (f) => (f === 'js/i18n.js' ? 'var s = "</script><b>";' : files[f])), /contains "<\/script"/);
});

test('a CSP hash names each inline script by its exact text; scripts with a src are not hashed; the strict policy names them', () => {
  const sha = (t) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`;
  const html = '<script>var a = 1;</script><script src="x.js"></script><script data-src="y.js">var b = "가";\n</script><script type="module" src="m.js"></script>';
  assert.deepEqual(inlineScriptHashes(html), [sha('var a = 1;'), sha('var b = "가";\n')]);
  assert.notDeepEqual(inlineScriptHashes('<script>var a = 2;</script>'), [sha('var a = 1;')]);
  assert.equal(strictCsp(), "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'", "the README's policy");
  assert.equal(strictCsp(html), `default-src 'self'; script-src 'self' ${sha('var a = 1;')} ${sha('var b = "가";\n')} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'`);
});

test('dist/index.html requests no stylesheet and no head script, and every font it names is in dist/', { skip: !fs.existsSync(path.join(DIST, 'index.html')) && 'no dist/ (run ./build.sh)' }, () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  assert.doesNotMatch(head, /<link[^>]+rel=["']stylesheet/);
  assert.doesNotMatch(head, /<script[^>]*\ssrc=["']js\/i18n\.js/);
  const inside = (open, close) => { const i = head.indexOf(open); return i < 0 ? '' : head.slice(i, head.indexOf(close, i)); };
  assert.match(inside('<style data-href="css/page.css">', '</style>'), /--font-sans/);
  assert.match(inside('<script data-src="js/i18n.js">', '</script>'), /lazy-layout/);
  assert.equal(inlineScriptHashes(html).length, 1, 'one inline script: the one a CSP names by hash');
  const urls = [...head.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1].replace(/^["']|["']$/g, '')).filter((u) => !u.startsWith('data:'));
  assert.ok(urls.filter((u) => u.includes('KaTeX_Main-Regular')).length >= 1, 'KaTeX fonts named');
  for (const u of urls) assert.ok(fs.existsSync(path.join(DIST, u)), `${u} exists in dist/`);
});
