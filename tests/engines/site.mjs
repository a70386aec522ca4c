// What the cross-engine suite serves, the same for every engine: dist/ over http on 127.0.0.1 (with
// optional extra headers, e.g. a strict CSP), or a copy of dist/ on disk for file://. Every HTML
// page gets one extra classic script as the first element of its <head>, /__engines/probe.js (a
// file of the same origin, so a strict `script-src 'self'` allows it), which records in the page
// what WebDriver classic cannot observe from outside: uncaught errors, unhandled rejections,
// console.error calls, failed resource loads, CSP violations, ResizeObserver-loop notices (apart
// from the errors), and Blob downloads (<a download>
// clicks on object URLs: name, Blob type, size, first bytes). It runs before any page script in
// all three engines without an engine-specific "init script" API.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
export const PROBE_PATH = '/__engines/probe.js';

// Runs in the page (ES2017, no modules: the oldest engine here must parse it too).
export const PROBE = `(function () {
  if (window.__engines) return;
  var E = window.__engines = { errors: [], notices: [], csp: [], downloads: [], intercept: false };
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && t.nodeType === 1) { // a resource that failed to load (capture phase)
      E.errors.push('resource: <' + t.localName + '> ' + (t.src || t.href || ''));
      return;
    }
    // The spec's benign report that a ResizeObserver callback changed layout again within the
    // same frame (the rest is delivered next frame): kept apart, reported, not an error.
    if (/^ResizeObserver loop/.test(e.message || '')) { E.notices.push(e.message); return; }
    E.errors.push('error: ' + (e.error && e.error.stack ? e.error.stack : e.message) + ' (' + e.filename + ':' + e.lineno + ')');
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    E.errors.push('unhandledrejection: ' + (r && (r.stack || r.message) ? (r.stack || r.message) : String(r)));
  });
  var consoleError = console.error;
  console.error = function () {
    E.errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(this, arguments);
  };
  document.addEventListener('securitypolicyviolation', function (e) {
    E.csp.push(e.violatedDirective + ' ' + e.blockedURI);
  });
  // Downloads: remember the Blob behind every object URL; record each <a download> click. With
  // E.intercept the click is swallowed (the engine cannot save files under automation).
  var createObjectURL = URL.createObjectURL;
  var blobs = new Map();
  URL.createObjectURL = function (obj) {
    var url = createObjectURL.apply(this, arguments);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  };
  var click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) {
      var blob = blobs.get(this.href) || null;
      var rec = { name: this.getAttribute('download'), blob: !!blob, type: blob ? blob.type : null, size: blob ? blob.size : null, head: null };
      E.downloads.push(rec);
      if (blob) blob.slice(0, 16).arrayBuffer().then(function (b) { rec.head = Array.from(new Uint8Array(b)); });
      if (E.intercept) return undefined;
    }
    return click.apply(this, arguments);
  };
})();
`;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.csv': 'text/csv',
  '.txt': 'text/plain; charset=utf-8',
};

// The page with the probe as the first element of <head> (or of the document when it has none).
export function injectProbe(html, src = PROBE_PATH) {
  const tag = `<script src="${src}"></script>`;
  const m = /<head[^>]*>/i.exec(html);
  if (m) return html.slice(0, m.index + m[0].length) + tag + html.slice(m.index + m[0].length);
  return html.replace(/^(<!doctype[^>]*>)?/i, (d) => `${d}${tag}`);
}

// Serves `root` on 127.0.0.1 (a free port); `headers` go on every response. Resolves to
// { baseUrl, close() }.
export async function startSite({ root = DIST, headers = {} } = {}) {
  root = path.resolve(root);
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`${root}/index.html missing: run ./build.sh first`);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = '/'; }
    const send = (status, type, body) => { res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', ...headers }); res.end(body); };
    if (rel === PROBE_PATH) { send(200, TYPES['.js'], PROBE); return; }
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) { send(403, 'text/plain', 'forbidden'); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { send(404, 'text/plain', 'not found'); return; }
      const ext = path.extname(file);
      send(200, TYPES[ext] || 'application/octet-stream', ext === '.html' ? injectProbe(data.toString('utf8')) : data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

// A copy of `root` in a temporary folder, its index.html with the probe (as a file beside it):
// for file:// runs. Resolves to { url (of index.html), dir, close() }.
export function diskCopy(root = DIST) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-file-'));
  fs.cpSync(root, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '__engines-probe.js'), PROBE);
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, injectProbe(fs.readFileSync(index, 'utf8'), '__engines-probe.js'));
  return { url: pathToFileURL(index).href, dir, close: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
