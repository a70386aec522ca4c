// node tools/bundle.mjs DIST — run by tools/bundle.sh from build.sh's assemble step (see there).
//
// dist/activation-widgets.js is ONE classic script, laid out as
//   (function (module, exports, define) {        // hides a host page's CommonJS/AMD globals
//     var __awScript = document.currentScript;   // where the tag is: KaTeX and options come from it
//     if (window.activationWidgets) return;      // a second copy on the same page does nothing
//     <dist/activations.js>                      // Emscripten SINGLE_FILE factory, wasm inlined
//     <esbuild IIFE of web/js/bundle/entry.js>   // every widget of widgets/all.js, one engine
//   })();
// so it needs no ES modules, no fetch and no eval: it works from any path, any static host and
// file://, and every widget on the page shares the one wasm instance of engine.js.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { rewriteIndexHtml, rewriteEmbedHtml, inlineIndexHead, strictCsp } from './bundle-html.mjs';
import { prerenderMath } from './prerender-math.mjs';
import { pageCSS } from '../web/js/ui/palette.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');

// Element names registered by the files web/js/widgets/all.js imports (static scan, no browser).
export function registeredElements(webDir = WEB) {
  const allJs = path.join(webDir, 'js/widgets/all.js');
  const names = [];
  for (const m of fs.readFileSync(allJs, 'utf8').matchAll(/^\s*import\s+['"](\.\/[^'"]+)['"]/gm)) {
    const src = fs.readFileSync(path.resolve(path.dirname(allJs), m[1]), 'utf8');
    for (const d of src.matchAll(/\bdefine\(\s*['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]/g)) names.push(d[1]);
  }
  return [...new Set(names)];
}

async function iife(entry, { define = {} } = {}) {
  const r = await esbuild.build({
    entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', target: 'es2022',
    minify: true, write: false, charset: 'utf8', legalComments: 'none', logLevel: 'warning',
    external: ['node:*'], // engine.js's Node-only branch (never taken in a browser)
    define,
  });
  return r.outputFiles[0].text;
}

// Emscripten 3.1.6's getBinaryPromise() tries fetch() on the inlined wasm's data: URL before it
// decodes it itself; under `default-src 'self'` that fetch is a CSP violation (connect-src) with a
// console error, although the fallback then works. The loader already skips data: URLs in
// instantiateAsync(); do the same in getBinaryPromise(). Verified to apply exactly once.
export function patchLoader(js) {
  const re = /(function getBinaryPromise\(\)\s*\{\s*if\s*\(\s*!wasmBinary\s*&&\s*\(ENVIRONMENT_IS_WEB\s*\|\|\s*ENVIRONMENT_IS_WORKER\)\s*\)\s*\{\s*if\s*\(\s*typeof fetch\s*==\s*["']function["'])/g;
  if (/function getBinaryPromise\(\)\s*\{[^}]*typeof fetch\s*==\s*["']function["']&&!isDataURI\(wasmBinaryFile\)/.test(js)) return js; // done already
  const hits = js.match(re) || [];
  if (hits.length !== 1) {
    console.warn(`bundle: getBinaryPromise() not found once (${hits.length}); the data: URL fetch stays (CSP connect-src)`);
    return js;
  }
  return js.replace(re, '$1&&!isDataURI(wasmBinaryFile)');
}

// The SINGLE_FILE loader's inlined wasm (a base64 data: URL) taken out: {loader, wasm bytes}.
// With it gone the loader cannot instantiate by itself; engine.js passes instantiateWasm.
export function splitWasm(loaderJs) {
  const re = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
  const hits = [...loaderJs.matchAll(re)];
  if (hits.length !== 1) throw new Error(`bundle: expected one inlined wasm in activations.js, found ${hits.length}`);
  const wasm = Buffer.from(hits[0][1], 'base64');
  if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error('bundle: the inlined data is not a wasm module');
  return { loader: loaderJs.replace(re, '""'), wasm };
}

// The page's colours: the one palette (web/js/ui/palette.js) in place of page.css's marker.
export function writePalette(cssFile) {
  const css = fs.readFileSync(cssFile, 'utf8');
  if (css.split('/* palette */').length !== 2) throw new Error(`${cssFile}: expected one /* palette */ marker`);
  fs.writeFileSync(cssFile, css.replace('/* palette */', pageCSS()));
}

export async function bundle(dist) {
  dist = path.resolve(dist);
  const loader = path.join(dist, 'activations.js');
  if (!fs.existsSync(loader)) throw new Error(`${loader} missing: the wasm build must run first`);
  fs.writeFileSync(loader, patchLoader(fs.readFileSync(loader, 'utf8')));
  writePalette(path.join(dist, 'css/page.css'));
  const elements = registeredElements();
  // engine.js computes `new URL('../activations.js', import.meta.url)`: in the classic bundle
  // import.meta does not exist, so it becomes the script's own URL (never fetched: the factory
  // is already defined by the concatenated loader).
  const widgets = await iife(path.join(WEB, 'js/bundle/entry.js'), {
    define: { 'import.meta.url': '__awBaseUrl', __AW_ELEMENTS__: JSON.stringify(elements) },
  });
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // The race's training worker (web/js/bundle/worker-entry.js) rides in the same file: started as a
  // Worker from this script's URL, the file runs the worker side instead of defining elements, so an
  // author copies one file and the browser fetches it once.
  const worker = await iife(path.join(WEB, 'js/bundle/worker-entry.js'), { define: { 'import.meta.url': '__awBaseUrl' } });
  const leanWorker = await iife(path.join(WEB, 'js/bundle/worker-entry.js'),
    { define: { 'import.meta.url': '__awBaseUrl', __AW_WASM_FILE__: '"activations.wasm"' } });
  const wrap = (banner, loaderJs, widgetsJs, workerJs) => [
    banner,
    '(function (module, exports, define) {',
    'var __awWorker = typeof document === "undefined" && typeof importScripts === "function";',
    'var __awScript = __awWorker ? null : document.currentScript;',
    'var __awBaseUrl = __awWorker ? self.location.href : (__awScript && __awScript.src) || document.baseURI;',
    'if (!__awWorker && window.activationWidgets) return;',
    loaderJs,
    ';if (typeof globalThis.createActivationsModule !== "function") globalThis.createActivationsModule = createActivationsModule;',
    'if (__awWorker) {',
    workerJs,
    '} else {',
    widgetsJs,
    '}',
    '})();',
    '',
  ].join('\n');
  const loaderJs = fs.readFileSync(loader, 'utf8');
  const out = wrap(`/*! activation-widgets.js ${pkg.version} — ${elements.join(', ')}. One classic script: wasm engine + widgets. ${pkg.license} */`,
    loaderJs, widgets, worker);
  fs.writeFileSync(path.join(dist, 'activation-widgets.js'), out);

  // The teaching page's variant: the same widgets, the wasm as its own file (activations.wasm), which
  // the browser compiles while it downloads, off the main thread, instead of decoding ~420 KB of
  // base64 and parsing it as script. engine.js falls back to activations.js where fetch cannot go.
  const lean = splitWasm(loaderJs);
  fs.writeFileSync(path.join(dist, 'activations.wasm'), lean.wasm);
  const leanWidgets = await iife(path.join(WEB, 'js/bundle/entry.js'), {
    define: { 'import.meta.url': '__awBaseUrl', __AW_ELEMENTS__: JSON.stringify(elements), __AW_WASM_FILE__: '"activations.wasm"' },
  });
  fs.writeFileSync(path.join(dist, 'activation-widgets.lean.js'),
    wrap(`/*! activation-widgets.lean.js ${pkg.version} — as activation-widgets.js, with the wasm in activations.wasm next to it. ${pkg.license} */`,
      lean.loader, leanWidgets, leanWorker));

  // The teaching page's own script as a classic script, and the page switched to the two classics.
  fs.writeFileSync(path.join(dist, 'js/page.classic.js'), await iife(path.join(WEB, 'js/page.js')));
  const indexFile = path.join(dist, 'index.html');
  // ... with its formulas typeset now (KaTeX in Node), so the reader's browser needs no KaTeX script.
  const math = prerenderMath(rewriteIndexHtml(fs.readFileSync(indexFile, 'utf8')));
  // ... and its stylesheets and head script inside it (after the palette is written into page.css).
  const indexHtml = inlineIndexHead(math.html, (f) => fs.readFileSync(path.join(dist, f), 'utf8'));
  fs.writeFileSync(indexFile, indexHtml);
  // iframe mode at the dist root: dist/embed.html?w=activation-plot&fn=elu
  const embedSrc = path.join(WEB, 'embed/embed.html');
  if (fs.existsSync(embedSrc)) {
    fs.writeFileSync(path.join(dist, 'embed.html'), rewriteEmbedHtml(fs.readFileSync(embedSrc, 'utf8')));
    fs.copyFileSync(path.join(WEB, 'embed/embed.js'), path.join(dist, 'embed.js'));
  }
  fs.writeFileSync(path.join(dist, 'embed-host.js'), await iife(path.join(WEB, 'js/bundle/embed-host-entry.js')));
  // KaTeX's auto-render (contrib) for <script … data-katex>; katex.min.{js,css} + fonts are copied by build.sh.
  const contrib = path.join(dist, 'vendor/katex/contrib');
  fs.mkdirSync(contrib, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'node_modules/katex/dist/contrib/auto-render.min.js'), path.join(contrib, 'auto-render.min.js'));

  const raw = Buffer.byteLength(out), gz = zlib.gzipSync(out, { level: 9 }).length;
  const manifest = { file: 'activation-widgets.js', elements, bytes: raw, gzipBytes: gz, built: new Date().toISOString() };
  fs.writeFileSync(path.join(dist, 'activation-widgets.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`activation-widgets.js: ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip; elements: ${elements.join(' ')}`);
  console.log(`index.html: ${math.count} formulas typeset at build time; a strict CSP that runs it (its inline script by hash): ${strictCsp(indexHtml)}`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) { console.error('usage: node tools/bundle.mjs DIST_DIR'); process.exit(2); }
  await bundle(process.argv[2]);
}
