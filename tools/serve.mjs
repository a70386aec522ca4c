// Minimal static file server for dist/ (used by `./build.sh serve`, the browser tests and
// tools/perf/). Usage: node tools/serve.mjs DIR [PORT]   — binds 127.0.0.1 only.
// Compresses like a real static host: text types (html, js, css, json, svg, wasm, csv, txt) go
// out brotli- or gzip-encoded when the request's Accept-Encoding allows (br preferred), with
// `Vary: Accept-Encoding`; fonts and images (already compressed) go out as they are. Encoded
// bodies are cached per file, size and mtime, so a page's second load costs no compression.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.csv': 'text/csv', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.txt', '.ttf']);
const MIN_BYTES = 1024; // hosts leave tiny files as they are

// The encoding to use for an Accept-Encoding header: 'br', 'gzip' or null (q=0 means refused).
export function pickEncoding(accept = '') {
  const q = {};
  for (const part of String(accept).toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q[name] = qp ? Number(qp.slice(2)) || 0 : 1;
  }
  const ok = (e) => (q[e] ?? q['*'] ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

// Brotli at quality 5 and gzip at level 6: what hosts that compress on the fly use (fast, and
// within a few per cent of the maximum for these files).
const ENCODERS = {
  br: (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
  gzip: (b) => zlib.gzipSync(b, { level: 6 }),
};

// Returns a started http.Server serving `root`; `headers` are added to every response.
// `compress: false` serves every file as it is.
export function serve(root, port = 0, headers = {}, { compress = true } = {}) {
  root = path.resolve(root);
  const cache = new Map(); // `${enc}:${file}` -> {key: size+mtime, body}
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = '/'; }
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) { res.writeHead(403).end('forbidden'); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const ext = path.extname(file).toLowerCase();
      const out = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-cache', ...headers };
      let body = data;
      if (compress && COMPRESSIBLE.has(ext)) {
        out.vary = 'Accept-Encoding';
        const enc = data.length >= MIN_BYTES ? pickEncoding(req.headers['accept-encoding']) : null;
        if (enc) {
          const st = fs.statSync(file), key = `${st.size}:${st.mtimeMs}`, ck = `${enc}:${file}`;
          let hit = cache.get(ck);
          if (!hit || hit.key !== key) cache.set(ck, hit = { key, body: ENCODERS[enc](data) });
          body = hit.body;
          out['content-encoding'] = enc;
        }
      }
      out['content-length'] = body.length;
      res.writeHead(200, out);
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8000'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`serving ${path.resolve(dir)} on http://127.0.0.1:${server.address().port}/ (br/gzip like a static host; Ctrl-C to stop)`);
}
