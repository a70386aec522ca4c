// Hostile attribute values on every element the bundle defines (found automatically: a widget a
// teammate adds is covered without editing this file). Each observed attribute gets script-injection
// payloads; whatever the widget does with them, nothing may become markup or run: no element or
// on* attribute from the payload, no javascript: link, window.__pwned never set; a widget that rejects
// a value shows an inline message (text) instead of a blank box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

const PAYLOADS = [
  '"><img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1//',
  ' \u0000<svg onload=window.__pwned=1>',
];

let env, page;
before(async () => {
  env = await launch();
  page = await env.newPage({ width: 1000, height: 800 });
  await page.route(`${env.baseUrl}__inject.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>inject</title><script src="activation-widgets.js"></script></head><body><main id="box"></main></body></html>',
  }));
  await page.goto(`${env.baseUrl}__inject.html`);
  await page.evaluate(() => window.activationWidgets.ready());
});
after(async () => { await env?.close(); });

test('every attribute of every widget, script-injection payloads: text only, nothing runs', async () => {
  const results = await page.evaluate(async (payloads) => {
    const box = document.getElementById('box');
    const out = [];
    const settle = (el) => new Promise((resolve) => {
      const t0 = performance.now();
      const poll = () => {
        if (el.hasAttribute('ready') || el.hasAttribute('error') || performance.now() - t0 > 4000) resolve();
        else setTimeout(poll, 15);
      };
      poll();
    });
    const unsafe = (root) => {
      const bad = [];
      for (const e of root.querySelectorAll('*')) {
        if (['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName) || e.localName === 'svg' && e.hasAttribute('onload')) bad.push(e.localName);
        for (const a of e.attributes) {
          if (/^on/i.test(a.name)) bad.push(`${e.localName}[${a.name}]`);
          if (['href', 'src', 'action', 'xlink:href'].includes(a.name) && /^\s*javascript:/i.test(a.value)) bad.push(`${e.localName}[${a.name}=javascript:]`);
        }
      }
      return bad;
    };
    for (const tag of window.activationWidgets.elements) {
      const attrs = customElements.get(tag).observedAttributes.filter((a) => a !== 'lang');
      for (const attr of attrs) {
        for (const payload of payloads) {
          const el = document.createElement(tag);
          el.setAttribute(attr, payload);
          box.replaceChildren(el);
          await settle(el);
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const message = el.hasAttribute('error') ? [...el.shadowRoot.querySelectorAll('.error, [role="alert"]')].map((m) => m.textContent).join(' ').trim() : null;
          out.push({ tag, attr, payload, ready: el.hasAttribute('ready'), error: el.hasAttribute('error'), message, bad: unsafe(el.shadowRoot).concat(unsafe(document.body)) });
          el.remove();
        }
      }
    }
    return out;
  }, PAYLOADS);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  const tags = [...new Set(results.map((r) => r.tag))];
  assert.ok(tags.length >= 2, `elements checked: ${tags.join(', ')}`);
  const problems = []; // all of them at once, so one run tells every widget owner what to fix
  for (const r of results) {
    const c = `${r.tag} ${r.attr}=${JSON.stringify(r.payload)}`;
    if (r.bad.length) problems.push(`${c} produced ${r.bad.join(', ')}`);
    if (r.error && !(r.message && r.message.length > 5)) problems.push(`${c}: error without a message`);
    if (!r.ready && !r.error) problems.push(`${c}: neither drawn nor an inline message (blank box)`);
  }
  assert.deepEqual(problems, []);
  for (const tag of tags) {
    assert.ok(results.some((r) => r.tag === tag && r.error), `${tag} rejects at least one hostile value with a message`);
  }
  const rejected = results.filter((r) => r.error).length;
  console.log(`# injection: ${results.length} element/attribute/payload cases over ${tags.join(', ')}; ${rejected} rejected with an inline message`);
  assert.deepEqual(page.errors, []);
});
