// iframe mode: a parent page (no bundle, only embed-host.js) holding embed.html iframes. The widget
// and its attributes come from the query (per-widget whitelist), the iframe follows its content's
// height through postMessage, and hostile query values end up as text, never as markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';

const PWN = 'window.top.__pwned=1';
const FRAMES = {
  elu: 'embed.html?w=activation-plot&fn=elu&alpha=0.5',
  tanhEn: 'embed.html?w=activation-plot&fn=tanh&show=f&lang=en',
  race: 'embed/embed.html?w=activation-race&activations=relu,tanh&epochs=2',
  badValue: `embed.html?w=activation-plot&fn=${encodeURIComponent(`"><img src=x onerror=${PWN}>`)}`,
  badAlpha: `embed.html?w=activation-plot&fn=elu&alpha=${encodeURIComponent(`<script>${PWN}</script>`)}`,
  badWidget: `embed.html?w=${encodeURIComponent(`<img src=x onerror=${PWN}>`)}`,
  badAttr: `embed.html?w=activation-plot&fn=relu&onmouseover=${encodeURIComponent(PWN)}`,
  styleAttr: 'embed.html?w=activation-plot&fn=relu&style=display:none',
  twice: 'embed.html?w=activation-plot&fn=relu&fn=tanh',
};

let env, page;
const frameOf = (name) => page.frameLocator(`iframe[name="${name}"]`);
const frame = (name) => page.frames().find((f) => f.name() === name);

before(async () => {
  env = await launch();
  page = await env.newPage({ width: 900, height: 900 });
  const iframes = Object.entries(FRAMES).map(([name, src]) => `<iframe name="${name}" src="${src}" title="${name}" style="width:100%;height:150px;border:0"></iframe>`).join('\n');
  await page.route(`${env.baseUrl}__parent.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>parent</title><script src="embed-host.js"></script></head><body>${iframes}</body></html>`,
  }));
  await page.goto(`${env.baseUrl}__parent.html`);
});
after(async () => { await env?.close(); });

async function widgetState(name) {
  const f = frame(name);
  await f.waitForFunction(() => document.documentElement.dataset.embed === 'error' || document.querySelector('[ready],[error]'), null, { timeout: 30000 });
  return f.evaluate(() => {
    const w = document.querySelector('#embed-root > *');
    return {
      embed: document.documentElement.dataset.embed, tag: w?.localName, ready: w?.hasAttribute('ready'), error: w?.hasAttribute('error'),
      attrs: w ? Object.fromEntries([...w.attributes].map((a) => [a.name, a.value])) : null,
      message: w?.classList.contains('embed-error') ? w.textContent : (w?.shadowRoot?.querySelector('.error')?.textContent ?? ''),
      markup: document.querySelectorAll('img, script:not([src])').length + (w?.shadowRoot ? w.shadowRoot.querySelectorAll('img, script').length : 0),
      lang: document.documentElement.lang, params: w?.params ?? null,
    };
  });
}

test('widgets and attributes from the query; the iframe takes its content height', async () => {
  const elu = await widgetState('elu');
  assert.equal(elu.tag, 'activation-plot');
  assert.ok(elu.ready && !elu.error);
  assert.deepEqual(elu.params, { alpha: 0.5 });
  const tanh = await widgetState('tanhEn');
  assert.ok(tanh.ready);
  assert.equal(tanh.lang, 'en');
  assert.equal(tanh.attrs.show, 'f');
  const race = await widgetState('race');
  assert.ok(race.ready && !race.error, race.message);
  assert.equal(race.attrs.activations, 'relu,tanh');
  // auto-height: every frame's height is its document's height (not the 150 px it started with)
  for (const name of ['elu', 'race', 'badWidget']) {
    await page.waitForFunction((n) => document.querySelector(`iframe[name="${n}"]`).hasAttribute('data-activation-height'), name);
    const inner = await frame(name).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await page.waitForFunction(([n, h]) => Math.abs(document.querySelector(`iframe[name="${n}"]`).getBoundingClientRect().height - Math.max(60, h)) <= 1, [name, inner]);
  }
  const eluHeight = await page.evaluate(() => document.querySelector('iframe[name="elu"]').getBoundingClientRect().height);
  assert.ok(eluHeight > 250, `elu frame ${eluHeight}px`);
  // follows changes: the log |f'| panel makes the plot taller
  await frameOf('elu').locator('activation-plot input[name="log-df"]').check();
  await page.waitForFunction((h) => document.querySelector('iframe[name="elu"]').getBoundingClientRect().height > h + 40, eluHeight);
  // and the frame's own URL follows (open in a new tab = same view)
  await frame('elu').waitForFunction(() => new URLSearchParams(location.search).has('log-df'));
  assert.deepEqual(await frame('elu').evaluate(() => [...new URLSearchParams(location.search)]), [['w', 'activation-plot'], ['fn', 'elu'], ['alpha', '0.5'], ['log-df', '']]);
  await screenshot(page, 'embed-iframes', { fullPage: true });
});

test('hostile query values: text in an inline message, no markup, nothing run', async () => {
  for (const name of ['badValue', 'badAlpha']) {
    const s = await widgetState(name);
    assert.ok(s.error && !s.ready, `${name}: the widget shows an error`);
    assert.match(s.message, /<(img|script)/, `${name}: the payload is shown as text`);
    assert.equal(s.markup, 0);
  }
  const bw = await widgetState('badWidget');
  assert.equal(bw.embed, 'error');
  assert.match(bw.message, /is not a widget.*activation-plot/s);
  assert.equal(bw.markup, 0);
  for (const name of ['badAttr', 'styleAttr']) {
    const s = await widgetState(name);
    assert.equal(s.embed, 'error', `${name}: rejected`);
    assert.match(s.message, /is not an attribute of activation-plot.*fn, alpha/s);
  }
  const twice = await widgetState('twice');
  assert.match(twice.message, /fn: given twice/);
  // a height message from something that is not one of the iframes changes nothing
  const before = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.style.height));
  await page.evaluate(() => window.postMessage({ type: 'activation-widgets:height', height: 5000 }, '*'));
  await page.waitForTimeout(100);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.style.height)), before);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(page.errors, []);
});
