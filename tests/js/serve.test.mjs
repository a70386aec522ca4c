// tools/serve.mjs compresses like a static host (what Lighthouse and the perf scripts load
// through): the Content-Encoding it picks for each Accept-Encoding, that the body decodes to the
// file byte for byte, and that fonts, tiny files and `compress: false` go out as they are.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { serve, pickEncoding } from '../../tools/serve.mjs';

let dir, server, plain;
const js = `// a script\n${'export const x = [1, 2, 3].map((v) => v * 2);\n'.repeat(200)}`;
const font = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>t</title>${'<p>글 text</p>\n'.repeat(300)}`);
  fs.writeFileSync(path.join(dir, 'app.js'), js);
  fs.writeFileSync(path.join(dir, 'tiny.css'), 'p{color:red}');
  fs.writeFileSync(path.join(dir, 'f.woff2'), font);
  server = await serve(dir, 0);
  plain = await serve(dir, 0, {}, { compress: false });
});
after(async () => {
  await Promise.all([server, plain].map((s) => new Promise((r) => s.close(r))));
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(srv, p, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding == null ? {} : { 'accept-encoding': acceptEncoding };
    http.get({ host: '127.0.0.1', port: srv.address().port, path: p, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

test('pickEncoding: br preferred, gzip next, q=0 refuses, nothing without the header', () => {
  assert.equal(pickEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(pickEncoding('gzip, deflate'), 'gzip');
  assert.equal(pickEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(pickEncoding('*'), 'br');
  assert.equal(pickEncoding('*;q=0, gzip'), 'gzip');
  assert.equal(pickEncoding('identity'), null);
  assert.equal(pickEncoding(''), null);
  assert.equal(pickEncoding(undefined), null);
});

for (const [accept, enc] of [['gzip, deflate, br', 'br'], ['gzip, deflate', 'gzip'], ['identity', undefined], [null, undefined]]) {
  test(`text files with Accept-Encoding ${JSON.stringify(accept)} go out as ${enc || 'identity'}, decoding to the file`, async () => {
    for (const [p, file] of [['/', 'index.html'], ['/app.js', 'app.js']]) {
      const r = await get(server, p, accept);
      const want = fs.readFileSync(path.join(dir, file));
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-encoding'], enc, `${p}: ${JSON.stringify(r.headers)}`);
      assert.match(r.headers.vary || '', /accept-encoding/i);
      assert.equal(Number(r.headers['content-length']), r.body.length);
      const got = enc ? decode[enc](r.body) : r.body;
      assert.ok(got.equals(want), `${p} decodes to the file`);
      if (enc) assert.ok(r.body.length < want.length / 3, `${p} compressed: ${r.body.length} of ${want.length} bytes`);
    }
  });
}

test('a second request returns the same encoded bytes (cached), and a changed file is encoded anew', async () => {
  const a = await get(server, '/app.js', 'gzip'), b = await get(server, '/app.js', 'gzip');
  assert.ok(a.body.equals(b.body));
  const file = path.join(dir, 'app.js');
  fs.writeFileSync(file, `${js}// changed\n`);
  fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
  const c = await get(server, '/app.js', 'gzip');
  assert.ok(decode.gzip(c.body).toString().endsWith('// changed\n'));
  fs.writeFileSync(file, js);
});

test('fonts, files under 1 KB and a server with compress:false are sent as they are', async () => {
  const f = await get(server, '/f.woff2', 'gzip, br');
  assert.equal(f.headers['content-encoding'], undefined);
  assert.ok(f.body.equals(font));
  const t = await get(server, '/tiny.css', 'gzip, br');
  assert.equal(t.headers['content-encoding'], undefined);
  assert.equal(t.body.toString(), 'p{color:red}');
  const p = await get(plain, '/app.js', 'gzip, br');
  assert.equal(p.headers['content-encoding'], undefined);
  assert.equal(p.body.toString(), js);
  assert.equal((await get(server, '/missing.js', 'gzip')).status, 404);
  assert.notEqual((await get(server, '/../../etc/passwd', 'gzip')).status, 200, 'nothing outside the root');
});
