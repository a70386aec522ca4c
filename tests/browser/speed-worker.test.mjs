// Where <activation-speed> times its calls (speed/measurer.js): in a Worker over http(s), and on the
// page's main thread where no worker can start — worker="off", a Content-Security-Policy without
// worker-src, no Worker at all. Every call of every round is timed on one side only, all of them
// are timed, and the table fills either way. (Timings themselves are not compared: they are the
// machine's.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

const ATTRS = 'ids="relu,sigmoid,elu" variants="branchy" rounds="3" lang="en"';
const ROWS = 4, ROUNDS = 3;
const pageHtml = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>speed</title>
<script src="activation-widgets.lean.js" defer></script></head><body><main>
<activation-speed id="s" ${ATTRS} ${attrs}></activation-speed></main></body></html>`;

let app;
before(async () => { app = await launch(); });
after(async () => { await app?.close(); });

async function run(attrs = '', { headers = {}, init = null } = {}) {
  const page = await app.newPage({ width: 800, height: 900 });
  if (init) await page.addInitScript(init);
  const url = `${app.baseUrl}__speed-worker.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', headers, body: pageHtml(attrs) }));
  await page.goto(url);
  await page.waitForSelector('#s[done]', { timeout: 60000 });
  const r = await page.$eval('#s', (el) => ({
    calls: el.calls, paced: el.loop.paced,
    rows: [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
  }));
  return { page, r };
}
// every cell a number; sigmoid's f over the clock's resolution (a ReLU pass may be under it: 0)
const filled = (rows) => rows.length === ROWS && rows.every((r) => /^\d/.test(r[1]) && /^\d/.test(r[2]))
  && Number(rows.find((r) => /sigmoid/i.test(r[0]))[1]) > 0;

test('over http: every call is timed in the worker; the page only draws', async () => {
  const { page, r } = await run();
  assert.deepEqual(r.calls, { worker: ROWS * ROUNDS, page: 0 });
  assert.equal(r.paced, true, 'the frame loop runs one (empty) step a frame');
  assert.ok(filled(r.rows), JSON.stringify(r.rows));
  // measuring again (the button) goes on in the same worker
  await page.$eval('#s', (el) => el.shadowRoot.querySelector('button[name=measure]').click());
  await page.waitForSelector('#s[done]', { timeout: 60000 });
  assert.deepEqual(await page.$eval('#s', (el) => el.calls), { worker: ROWS * ROUNDS, page: 0 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('worker="off", no Worker, or a CSP with worker-src \'none\': every call is timed on the page', async () => {
  for (const [name, attrs, opts, allowed] of [
    ['worker="off"', 'worker="off"', {}, null],
    ['no Worker', '', { init: 'delete window.Worker;' }, null],
    ["worker-src 'none'", '', { headers: { 'Content-Security-Policy': "worker-src 'none'" } }, /Content Security Policy|worker-src/i],
  ]) {
    const { page, r } = await run(attrs, opts);
    assert.deepEqual(r.calls, { worker: 0, page: ROWS * ROUNDS }, name);
    assert.ok(filled(r.rows), `${name}: ${JSON.stringify(r.rows)}`);
    // the browser reports a refused worker; nothing else may go wrong
    assert.deepEqual(page.errors.filter((e) => !(allowed && allowed.test(e))), [], name);
    await page.close();
  }
});

test('a bad worker attribute shows its message', async () => {
  const page = await app.newPage();
  const url = `${app.baseUrl}__speed-bad.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageHtml('worker="maybe"') }));
  await page.goto(url);
  await page.waitForSelector('#s[error]');
  assert.match(await page.$eval('#s', (el) => el.shadowRoot.querySelector('.error').textContent), /worker.*auto.*off/s);
  await page.close();
});
